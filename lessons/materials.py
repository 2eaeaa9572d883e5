"""A lesson's materials: worksheets, cards and other files for the class, as Wagtail
documents in a fixed order, and the one file that holds them all.

Documents keep Wagtail's privacy: a document in a collection with a view restriction is
shown and packed only for whoever that restriction lets in, by the same rule Wagtail's
own document view uses (`CollectionViewRestriction.accept_request`)."""

import shutil
import tempfile
import zipfile

from django.db import models
from django.http import FileResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Orderable

# The pack is built on disk past this size, so a big upload does not sit in memory.
SPOOL_BYTES = 8 * 1024 * 1024


class MaterialKind(models.TextChoices):
    WORKSHEET = "worksheet", _("worksheet")
    CARDS = "cards", _("cards")
    OTHER = "other", _("other")


class LessonMaterial(Orderable):
    """One document of a lesson, in the lesson's order. `page.attachments` (the name
    `materials` is the lesson's "materials and preparation" text)."""

    page = ParentalKey(
        "lessons.LessonPage", on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=MaterialKind.choices,
        default=MaterialKind.WORKSHEET,
    )
    title = models.CharField(
        _("title"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )
    description = models.CharField(
        _("short description"),
        max_length=200,
        blank=True,
        help_text=_("For example: one per pupil, for step 3."),
    )

    panels = [
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.title or self.document.title


class Materials:
    """A lesson's materials as one requester sees them.

    `shown`: the ones this request may see, in order. `hidden`: how many it may not.
    `personal`: whether what is shown depends on more than being signed in or not (a
    password or a group restriction), so that no cached page may hold it."""

    def __init__(self, page, request):
        materials = list(
            page.attachments.select_related("document__collection").order_by(
                "sort_order", "pk"
            )
        )
        rules = _restrictions([m.document.collection for m in materials])
        self.shown, self.hidden, self.personal = [], 0, False
        for material in materials:
            restrictions = rules[material.document.collection_id]
            if any(
                r.restriction_type != BaseViewRestriction.LOGIN for r in restrictions
            ):
                self.personal = True
            if all(r.accept_request(request) for r in restrictions):
                self.shown.append(material)
            else:
                self.hidden += 1

    def __iter__(self):
        return iter(self.shown)

    def __len__(self):
        return len(self.shown)

    def __bool__(self):
        return bool(self.shown)


def _restrictions(collections):
    """Each collection's view restrictions, its own and its ancestors', in one query."""
    found = {collection.pk: [] for collection in collections}
    if not collections:
        return found
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        for collection in collections:
            if collection.path.startswith(restriction.collection.path):
                found[collection.pk].append(restriction)
    return found


def file_names(materials):
    """A name for each file in the pack: its place, then its title as a slug, so the
    files sort as the lesson lists them and no two are the same."""
    width = len(str(len(materials)))
    names = []
    for number, material in enumerate(materials, start=1):
        stem = slugify(material.label)[:60].strip("-") or "materiaal"
        extension = material.document.file_extension.lower() or "bin"
        names.append(f"{number:0{width}}-{stem}.{extension}")
    return names


def pack_response(page, materials):
    """Every material in one ZIP file, named after the lesson. Private: what is in it
    depends on who asks, so no shared cache may keep it."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        for material, name in zip(materials, file_names(materials), strict=True):
            created = material.document.created_at.timetuple()[:6]
            info = zipfile.ZipInfo(name, date_time=max(created, (1980, 1, 1, 0, 0, 0)))
            info.compress_type = zipfile.ZIP_DEFLATED
            with material.document.open_file() as source, pack.open(info, "w") as out:
                shutil.copyfileobj(source, out, 64 * 1024)
    spool.seek(0)
    response = FileResponse(
        spool,
        as_attachment=True,
        filename=f"{page.slug}-materialen.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private"
    return response
