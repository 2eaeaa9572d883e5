from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock


class HomePage(Page):
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences under the title.")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    teachers_text = models.TextField(_("text for teachers"), blank=True)
    pupils_text = models.TextField(_("text for pupils"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("teachers_text"), FieldPanel("pupils_text")],
            heading=_("Ways in"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")

    def lesson_library(self):
        from lessons.models import LessonIndexPage

        return LessonIndexPage.objects.live().child_of(self).first()


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("content page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation = models.CharField(
        _("organisation"), max_length=120, default="Gemeente Den Helder"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("site settings")


class TaskWorker(models.Model):
    """A background worker (`manage.py run_worker`, cms/worker.py) that is running: it
    writes `seen_at` every TASK_WORKER_BEAT_SECONDS. What /healthz/worker reads, and how
    a task left running by a worker that stopped is found."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("background worker")
        verbose_name_plural = _("background workers")

    def __str__(self):
        return self.worker_id
