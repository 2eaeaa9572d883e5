"""A lesson series: lessons in order for a group, with a measurement at the start and the
end (a Wagtail page type of the lessons app, registered through lessons.models)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lessons.blocks import RICH_TEXT_FEATURES


class LessonSeriesPage(Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    themes = ParentalManyToManyField(
        "lessons.Theme", verbose_name=_("themes"), related_name="series", blank=True
    )
    groups = ParentalManyToManyField(
        "lessons.GroupBand", verbose_name=_("groups"), related_name="series"
    )
    measure_at_start = models.BooleanField(_("measurement at the start"), default=True)
    measure_at_end = models.BooleanField(_("measurement at the end"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom"),
        ),
        InlinePanel(
            "items", heading=_("Lessons in order"), label=_("lesson"), min_num=1
        ),
        MultiFieldPanel(
            [FieldPanel("measure_at_start"), FieldPanel("measure_at_end")],
            heading=_("Measurement"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["lessons.LessonIndexPage"]
    subpage_types = []
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("lesson series")
        verbose_name_plural = _("lesson series")

    def get_lessons(self):
        lesson_ids = [item.lesson_id for item in self.items.all()]
        from lessons.models import LessonPage

        by_id = LessonPage.objects.live().public().for_listing().in_bulk(lesson_ids)
        return [by_id[pk] for pk in lesson_ids if pk in by_id]


class LessonSeriesItem(Orderable):
    page = ParentalKey(LessonSeriesPage, on_delete=models.CASCADE, related_name="items")
    lesson = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("lesson")]

    class Meta(Orderable.Meta):
        verbose_name = _("lesson in the series")
