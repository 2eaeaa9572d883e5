"""The demo lesson library: themes, lessons and series from the TOML files that
cms.demo.lesson_files reads and validates, with images drawn by Pillow at load time (no
files to ship, nothing to download)."""

import io
import math

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from cms.demo.handouts import attach_handouts
from cms.demo.lesson_files import LESSONS, read_library
from cms.demo.word_lists import load_word_lists
from lessons.models import (
    GroupBand,
    LessonIndexPage,
    LessonPage,
    LessonSeriesItem,
    LessonSeriesPage,
    Theme,
)
from lessons.services import set_up_authoring

PALETTE = {
    "sun": ("#fff3d1", "#f2b705"),
    "coral": ("#ffe3dc", "#e0694d"),
    "mint": ("#dff5ec", "#3aa57b"),
    "sky": ("#e0f0ff", "#3b82c4"),
    "lilac": ("#eee6ff", "#8466cf"),
    "sand": ("#f4ecdf", "#b0894f"),
}
SHAPES = {
    "sun": "een zon met stralen",
    "heart": "een groot hart",
    "star": "een ster",
    "smile": "een lachend gezicht",
    "leaf": "een blad",
    "hands": "twee handen die elkaar vasthouden",
    "cloud": "een wolk",
    "rocket": "een raket die opstijgt",
    "gift": "een cadeau met een strik",
    "spark": "een fonkelende ster",
}


@transaction.atomic
def load_lessons(*, home, directory=LESSONS):
    """Create or update the library, its themes, lessons and series, and the reviewed word
    lists their activities choose from. Idempotent. Every lesson file is validated before
    a lesson is written (LessonFileError names a bad one); the word lists come first, as
    the lessons' words are checked against them, and go again when a file is refused."""
    load_word_lists()
    content = read_library(directory)
    library = LessonIndexPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=LessonIndexPage(
                title="Lessen",
                slug="lessen",
                show_in_menus=True,
                intro="Zoek een les voor je groep. Filter op thema, groep en tijd, of zoek op een woord.",
            )
        )
    themes = {spec["slug"]: _theme(spec) for spec in content.themes}
    groups = GroupBand.objects.in_bulk()
    images = {}
    lessons = {}
    for spec in content.lessons:
        theme = themes[spec.themes[0]]
        if theme.slug not in images:
            images[theme.slug] = _theme_image(theme)
        lessons[spec.slug] = _lesson(library, spec, themes, groups, images[theme.slug])
    for spec in content.series:
        _series(library, spec, themes, groups, lessons)
    set_up_authoring(library=library)
    return library


def _theme(spec):
    theme, _created = Theme.objects.update_or_create(
        slug=spec["slug"],
        defaults={key: value for key, value in spec.items() if key != "slug"},
    )
    return theme


def _theme_image(theme):
    Image = get_image_model()
    title = f"Illustratie thema {theme.name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=_alt_text(theme))
        image.file = ImageFile(_draw(theme), name=f"thema-{theme.slug}.png")
        image.save()
    return image


def _alt_text(theme):
    return f"Tekening van {SHAPES[theme.icon]} op een lichte achtergrond."


def _draw(theme, size=(1280, 720)):
    background, accent = PALETTE[theme.colour]
    picture = PillowImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    width, height = size
    cx, cy, r = width // 2, height // 2, height // 4
    for i in range(14):  # soft confetti, the same every time
        x, y = (i * 193) % width, (i * 97 + 60) % height
        draw.ellipse((x, y, x + 26, y + 26), fill=accent)
    if theme.icon in {"sun", "spark", "star"}:
        for k in range(12):
            angle = k * math.pi / 6
            draw.line(
                (
                    cx + math.cos(angle) * r * 1.2,
                    cy + math.sin(angle) * r * 1.2,
                    cx + math.cos(angle) * r * 1.7,
                    cy + math.sin(angle) * r * 1.7,
                ),
                fill=accent,
                width=18,
            )
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accent)
    elif theme.icon == "heart":
        draw.ellipse((cx - r, cy - r, cx, cy), fill=accent)
        draw.ellipse((cx, cy - r, cx + r, cy), fill=accent)
        draw.polygon(
            [(cx - r, cy - r // 2), (cx + r, cy - r // 2), (cx, cy + r)], fill=accent
        )
    elif theme.icon == "cloud":
        for dx, dy, rr in ((-r, 0, r * 0.7), (0, -r * 0.4, r), (r, 0, r * 0.7)):
            draw.ellipse(
                (cx + dx - rr, cy + dy - rr, cx + dx + rr, cy + dy + rr), fill=accent
            )
    else:
        draw.rounded_rectangle(
            (cx - r, cy - r, cx + r, cy + r), radius=r // 3, fill=accent
        )
        draw.ellipse(
            (cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2), fill=background
        )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer


def _lesson(library, spec, themes, groups, image):
    fields = {**spec.fields, "hero_image": image, "hero_image_alt": image.description}
    lesson = LessonPage.objects.child_of(library).filter(slug=spec.slug).first()
    if lesson is None:
        lesson = LessonPage(slug=spec.slug, **fields)
    else:
        for key, value in fields.items():
            setattr(lesson, key, value)
    lesson.themes = [themes[slug] for slug in spec.themes]
    lesson.groups = [groups[code] for code in spec.groups]
    if lesson.pk is None:
        library.add_child(instance=lesson)
    attach_handouts(lesson, spec.handouts)
    lesson.save_revision().publish()
    return lesson


def _series(library, spec, themes, groups, lessons):
    series = LessonSeriesPage.objects.child_of(library).filter(slug=spec.slug).first()
    if series is None:
        series = LessonSeriesPage(slug=spec.slug)
    for key, value in spec.fields.items():
        setattr(series, key, value)
    series.themes = [themes[slug] for slug in spec.themes]
    series.groups = [groups[code] for code in spec.groups]
    series.items = [
        LessonSeriesItem(lesson=lessons[slug], sort_order=i)
        for i, slug in enumerate(spec.lessons)
    ]
    if series.pk is None:
        library.add_child(instance=series)
    series.save_revision().publish()
