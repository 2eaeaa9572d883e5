from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lessons.models import LessonPage, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Themes")
    list_display = ["name", "slug", "icon", "colour", "order"]
    ordering = ["order", "name"]


register_snippet(ThemeViewSet)


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
