from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from lessons.blocks import RICH_TEXT_FEATURES, LessonStreamBlock
from lessons.materials import (
    LessonMaterial,  # noqa: F401 (this app's model)
    Materials,
    pack_response,
)
from lessons.search import lesson_query
from lessons.word_lists import ActivityIcon, Word, WordList

DEFAULT_SAFETY_AGREEMENTS = (
    "<ul><li>Iedereen mag zichzelf zijn.</li>"
    "<li>Wat we in de klas vertellen, blijft in de klas.</li>"
    "<li>Eén persoon praat, de anderen luisteren.</li>"
    "<li>Je mag altijd zeggen: dit is te persoonlijk, ik pas.</li></ul>"
)


class Group(models.TextChoices):
    GROEP_1_2 = "groep-1-2", _("groep 1-2")
    GROEP_3_4 = "groep-3-4", _("groep 3-4")
    GROEP_5_6 = "groep-5-6", _("groep 5-6")
    GROEP_7_8 = "groep-7-8", _("groep 7-8")
    KLAS_1_2 = "klas-1-2", _("klas 1-2 (secondary)")


class GroupBand(models.Model):
    """The fixed list of groups, as rows, so a lesson can be for several of them."""

    code = models.CharField(
        _("code"), max_length=12, primary_key=True, choices=Group.choices
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self):
        return self.get_code_display()


# A theme's icon: the landscape icons of the sprite, not the faces or ways of working.
THEME_ICONS = (
    "sun",
    "heart",
    "star",
    "smile",
    "leaf",
    "hands",
    "cloud",
    "rocket",
    "gift",
    "spark",
)
ThemeIcon = models.TextChoices(
    "ThemeIcon",
    [
        (icon.name, (icon.value, icon.label))
        for icon in ActivityIcon
        if icon in THEME_ICONS
    ],
)


class ThemeColour(models.TextChoices):
    SUN = "sun", _("sun yellow")
    CORAL = "coral", _("coral")
    MINT = "mint", _("mint")
    SKY = "sky", _("sky blue")
    LILAC = "lilac", _("lilac")
    SAND = "sand", _("sand")


class Theme(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("short description"), blank=True)
    icon = models.CharField(
        _("icon"), max_length=12, choices=ThemeIcon.choices, default=ThemeIcon.SUN
    )
    colour = models.CharField(
        _("colour"), max_length=12, choices=ThemeColour.choices, default=ThemeColour.SUN
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("icon"), FieldPanel("colour"), FieldPanel("order")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class DurationFilter(models.IntegerChoices):
    """Library filter "at most N minutes": what a teacher has before the bell."""

    UP_TO_20 = 20, _("up to 20 minutes")
    UP_TO_30 = 30, _("up to 30 minutes")
    UP_TO_45 = 45, _("up to 45 minutes")
    UP_TO_60 = 60, _("up to 60 minutes")


class LessonIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["lessons.LessonPage", "lessons.LessonSeriesPage"]
    max_count = 1
    api_fields = [APIField("intro")]

    per_page = 12

    class Meta:
        verbose_name = _("lesson library")

    def get_lessons(self, *, theme=None, group=None, duration=None, query=None):
        """Live lessons in this library, filtered; the filters are already validated."""
        lessons = LessonPage.objects.live().public().descendant_of(self)
        if theme:
            lessons = lessons.filter(themes__slug=theme)
        if group:
            lessons = lessons.filter(groups__code=group)
        if duration:
            lessons = lessons.filter(duration__lte=duration)
        if query:
            return lessons.for_listing().matching(query)
        return lessons.for_listing().order_by("title")

    def get_context(self, request, *args, **kwargs):
        from lessons.forms import LibraryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = LibraryFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        lessons = self.get_lessons(
            **{key: value for key, value in filters.items() if value}
        )
        page = Paginator(lessons, self.per_page).get_page(request.GET.get("pagina"))
        query = request.GET.copy()
        query.pop("pagina", None)
        context.update(
            form=form,
            lessons=page,
            page_cache_query=self.cache_query(form, filters, page.number),
            page_cache_signed_in=True,  # no one's own data: one copy for all staff
            is_filtered=any(filters.values()),
            querystring=query.urlencode(),
            series=LessonSeriesPage.objects.live()
            .public()
            .child_of(self)
            .order_by("title"),
        )
        return context

    @staticmethod
    def cache_query(form, filters, page_number):
        """The query this listing answers, in the form the page cache may store it under
        (cms.middleware): only valid filters and a real page number, so there are at most
        as many variants as themes, groups, durations and pages combined. A search is
        never stored: its words are anyone's choice. None: do not store."""
        if (form.is_bound and not form.is_valid()) or filters.get("query"):
            return None
        names = {"theme": "thema", "group": "groep", "duration": "duur"}
        query = {names[key]: value for key, value in filters.items() if key in names}
        if page_number > 1:
            query["pagina"] = page_number
        return {name: value for name, value in query.items() if value}


LISTING_RENDITION = "fill-480x270"


class LessonPageQuerySet(PageQuerySet):
    def for_listing(self):
        """What a lesson card shows, in a fixed number of queries however many lessons."""
        images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
        return self.select_related("locale").prefetch_related(
            "themes", "groups", Prefetch("hero_image", queryset=images)
        )

    def matching(self, query):
        """Lessons that match every word, best match first; a word matches in any of its
        forms or synonyms (lessons/search.py). Wagtail's search cannot filter on
        many-to-many fields, so search the live lessons and filter these by the hits.

        The search is given the words only: quotes, brackets and stars are the search
        engine's syntax (SQLite's full-text search failed on a lone quote), and a teacher
        who types them means the words. Lessons with the teacher's own words (in any
        form) come first, by the engine's rank of those words; lessons found only by a
        synonym follow, by the engine's rank of the whole search."""
        match, own_words = lesson_query(query)
        if match is None:
            return self.none()
        live = LessonPage.objects.live().public()
        hits = [hit.pk for hit in live.search(match)]
        found = set(hits)
        ranked = [hit.pk for hit in live.search(own_words) if hit.pk in found]
        first = set(ranked)
        ranked += [pk for pk in hits if pk not in first]
        rank = {pk: position for position, pk in enumerate(ranked)}
        return sorted(self.filter(pk__in=ranked), key=lambda lesson: rank[lesson.pk])


class LessonPage(RoutablePageMixin, Page):
    objects = PageManager.from_queryset(LessonPageQuerySet)()

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences: what pupils do and learn.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("alternative text"),
        max_length=200,
        blank=True,
        help_text=_(
            "Describe what the image shows, for pupils and teachers who cannot see it."
        ),
    )
    themes = ParentalManyToManyField(
        "lessons.Theme", verbose_name=_("themes"), related_name="lessons"
    )
    groups = ParentalManyToManyField(
        "lessons.GroupBand", verbose_name=_("groups"), related_name="lessons"
    )
    duration = models.PositiveSmallIntegerField(_("duration in minutes"))
    goals = RichTextField(_("lesson goals"), features=RICH_TEXT_FEATURES)
    materials = RichTextField(
        _("materials and preparation"), features=RICH_TEXT_FEATURES, blank=True
    )
    steps = StreamField(LessonStreamBlock(), verbose_name=_("lesson plan"))
    teacher_notes = RichTextField(
        _("notes and tips for the teacher"), features=RICH_TEXT_FEATURES, blank=True
    )
    safety_agreements = RichTextField(
        _("class agreements"),
        features=RICH_TEXT_FEATURES,
        default=DEFAULT_SAFETY_AGREEMENTS,
    )
    homework = RichTextField(_("homework"), features=RICH_TEXT_FEATURES, blank=True)
    reflection_question = models.CharField(
        _("reflection question"), max_length=240, blank=True
    )
    further_reading = RichTextField(
        _("further reading"), features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("duration"),
            ],
            heading=_("For whom and how long"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Image")
        ),
        FieldPanel("goals"),
        FieldPanel("materials"),
        FieldPanel("steps"),
        FieldPanel("teacher_notes"),
        FieldPanel("safety_agreements"),
        FieldPanel("homework"),
        FieldPanel("reflection_question"),
        FieldPanel("further_reading"),
        InlinePanel(
            "attachments",
            heading=_("Worksheets and cards"),
            label=_("material"),
            help_text=_(
                "Files the class works with. They are listed on the lesson page in "
                "this order, and can be downloaded together in one file."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("goals"),
        index.SearchField("steps"),
        index.SearchField("teacher_notes"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("duration"),
    ]
    parent_page_types = ["lessons.LessonIndexPage"]
    subpage_types = []
    api_fields = [
        APIField("summary"),
        APIField("duration"),
        APIField("goals"),
        APIField("materials"),
        APIField("steps"),
        APIField("homework"),
        APIField("reflection_question"),
    ]
    preview_modes = [
        ("", _("Lesson page")),
        ("klas", _("Presentation mode")),
        ("print", _("Print")),
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration__gte=5, duration__lte=240),
                name="lesson_duration_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(hero_image__isnull=True)
                | ~models.Q(hero_image_alt=""),
                name="lesson_image_has_alt_text",
            ),
        ]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {
                    "hero_image_alt": _(
                        "Describe the image: pupils and teachers with a screen reader need this text."
                    )
                }
            )

    @cached_property
    def plan(self):
        """The steps and check-in points in order, each with its start minute."""
        items, start = [], 0
        for block in self.steps:
            minutes = block.value["minutes"] if block.block_type == "step" else 0
            items.append({"block": block, "start": start, "minutes": minutes})
            start += minutes
        return items

    @property
    def steps_minutes(self):
        return sum(
            block.value["minutes"] for block in self.steps if block.block_type == "step"
        )

    @property
    def class_activities(self):
        """The class activities of the plan by block id, in order."""
        return {
            activity.id: activity.value
            for block in self.steps
            if block.block_type == "step"
            for activity in block.value["activities"]
            if getattr(activity.block, "is_class_activity", False)
        }

    @property
    def check_in_points(self):
        return [block for block in self.steps if block.block_type == "check_in"]

    # The same for everyone signed in, so the page cache may keep one copy for all of
    # them (cms.middleware); presentation mode lists her own classes and is not.
    SAME_FOR_STAFF = {"page_cache_signed_in": True}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        materials = Materials(self, request)
        context["lesson_materials"] = materials
        if materials.personal:  # a password or group decides: never a cached copy
            context["page_cache_query"] = None
        return context

    @path("")
    def lesson(self, request):
        return self.render(request, context_overrides=self.SAME_FOR_STAFF)

    @path("klas/")
    def present(self, request):
        return self.render(request, template="lessons/lesson_page_present.html")

    @path("print/")
    def print_plan(self, request):
        return self.render(
            request,
            template="lessons/lesson_page_print.html",
            context_overrides=self.SAME_FOR_STAFF,
        )

    @path("materialen/")
    def download_materials(self, request):
        """All the materials this visitor may see, in one ZIP file; a friendly 404
        when there are none."""
        materials = Materials(self, request)
        if not materials:
            response = self.render(request, template="lessons/no_materials.html")
            response.status_code = 404
            return response
        return pack_response(self, materials.shown)

    def serve_preview(self, request, mode_name):
        if mode_name == "klas":
            return self.present(request)
        if mode_name == "print":
            return self.print_plan(request)
        return super().serve_preview(request, mode_name)


# Registered here with the other page types; the series has its own module.
from lessons.series import LessonSeriesItem, LessonSeriesPage  # noqa: E402

__all__ = [
    "Group",
    "GroupBand",
    "LessonIndexPage",
    "LessonPage",
    "LessonSeriesItem",
    "LessonSeriesPage",
    "Theme",
    "Word",
    "WordList",
]
