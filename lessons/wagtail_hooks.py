from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lessons.models import LessonPage, Theme, WordList


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Themes")
    list_display = ["name", "slug", "icon", "colour", "order"]
    ordering = ["order", "name"]


register_snippet(ThemeViewSet)


class WordListViewSet(SnippetViewSet):
    """Reviewed words for the class activities: a list is offered to authors once the
    editors have published it."""

    model = WordList
    icon = "list-ul"
    menu_label = gettext_lazy("Word lists")
    list_display = ["name", "slug", "live"]
    ordering = ["name"]
    search_fields = ["name"]


register_snippet(WordListViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_steps_do_not_add_up(request, page):
    """A warning, not an error: a draft may be saved half-planned."""
    page = page.specific
    if not isinstance(page, LessonPage):
        return
    total = page.steps_minutes
    if total != page.duration:
        messages.warning(
            request,
            _(
                "The steps take %(steps)s minutes together, but the lesson is set to %(duration)s minutes."
            )
            % {"steps": total, "duration": page.duration},
        )


@hooks.register("insert_editor_js")
def lesson_minutes_total():
    """The page editor's running total of minutes, and its "+" buttons in words. Wagtail 7
    has no editor-only CSS hook, so the style sheet comes with the script."""
    return format_html(
        '<link rel="stylesheet" href="{}">'
        '<script src="{}" data-total="{}" data-fits="{}" data-differs="{}" defer></script>',
        static("lessons/editor.css"),
        static("lessons/editor.js"),
        _("The steps take %(steps)s minutes together."),
        _("That is the lesson's duration."),
        _("The lesson is set to %(duration)s minutes."),
    )
