"""The demo lessons' worksheets and cards: every lesson that tells the teacher to hand out
a worksheet or cards has them, as real A4 PDFs with the lesson's title in their text,
drawn at load time from the lesson files, and loading twice changes nothing."""

import re
import time
import zlib

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.demo.lesson_files import LESSONS, LessonFileError, read_lesson
from cms.demo.lessons import load_lessons
from cms.demo.site import load_site
from lessons.materials import LessonMaterial
from lessons.models import LessonPage

WORKSHEET = re.compile(r"werkblad", re.IGNORECASE)
CARDS = re.compile(r"kaart(je|jes|en)\b", re.IGNORECASE)  # not "in kaart brengen"
A4 = (595.28, 841.89)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def the_lessons_text():
    """Each lesson's words, without its [[handouts]] (they would mention themselves)."""
    texts = {}
    for path in LESSONS.glob("*.toml"):
        text = path.read_text()
        texts[path.stem] = text.split("\n[[handouts]]", 1)[0]
    return texts


def pdf_pages(content):
    """The MediaBox of each page: [x0, y0, x1, y1] in points."""
    boxes = re.findall(rb"/MediaBox \[([\d. ]+)\]", content)
    return [[float(n) for n in box.split()] for box in boxes]


def pdf_text(content):
    """The text shown on the pages (the strings of the Tj operators), from every
    stream, inflated: enough to read what fpdf2 writes with a standard font."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.DOTALL):
        try:
            stream = zlib.decompress(stream)
        except zlib.error:
            pass
        for raw in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", stream, re.DOTALL):
            text = re.sub(
                rb"\\([0-7]{1,3}|.)",
                lambda m: bytes([int(m[1], 8)]) if m[1].isdigit() else m[1],
                raw,
            )
            shown.append(text.decode("windows-1252"))
    return " ".join(shown)


def test_lessons_that_need_worksheets_or_cards_have_them_as_a4_pdfs(db):
    load_lessons(home=load_site())
    texts = the_lessons_text()
    needs_worksheet = {slug for slug, text in texts.items() if WORKSHEET.search(text)}
    needs_cards = {slug for slug, text in texts.items() if CARDS.search(text)}
    assert len(needs_worksheet) >= 5 and len(needs_cards) >= 4  # issue 15's count
    materials = LessonMaterial.objects.select_related("page", "document")
    kinds = {(m.page.slug, m.kind) for m in materials}
    for slug in needs_worksheet:
        assert (slug, "worksheet") in kinds, f"{slug} has no worksheet"
    for slug in needs_cards:
        assert (slug, "cards") in kinds, f"{slug} has no cards"

    for material in materials:
        lesson = material.page.specific
        with material.document.open_file() as file:
            content = file.read()
        where = f"{lesson.slug}: {material.document.title}"
        assert content.startswith(b"%PDF-1.") and content.rstrip().endswith(b"%%EOF")
        assert material.document.file_extension == "pdf"
        assert material.document.file_size == len(content), where
        pages = pdf_pages(content)
        assert pages, where
        for x0, y0, x1, y1 in pages:
            assert abs((x1 - x0) - 595) <= 1 and abs((y1 - y0) - 842) <= 1, where
        text = pdf_text(content)
        assert lesson.title in text, where
        assert material.document.title in text, where
        assert material.description, where
    assert LessonPage.objects.get(slug="ik-durf-het-bijna").attachments.count() == 1


def test_the_cards_of_a_lesson_with_strengths_are_its_strengths(db):
    load_lessons(home=load_site())
    lesson = LessonPage.objects.get(slug="ontdek-je-sterke-kanten")
    cards = lesson.attachments.get(kind="cards").document
    with cards.open_file() as file:
        text = pdf_text(file.read())
    for block in lesson.steps:
        for activity in (
            block.value.get("activities", []) if block.block_type == "step" else []
        ):
            if activity.block_type == "strengths":
                for card in activity.value["cards"]:
                    assert card["word"] in text and card["description"] in text


def test_loading_twice_keeps_the_documents_and_their_files(db, tmp_path):
    home = load_site()
    load_lessons(home=home)
    lesson = LessonPage.objects.get(slug="gevoelensweer")
    Document = get_document_model()
    # a material a teacher added herself, outside the demo collection, stays
    own = Document(title="Eigen kleurplaat")
    own.file.save("kleurplaat.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    lesson.attachments.add(LessonMaterial(document=own, kind="other", sort_order=9))
    lesson.save_revision().publish()
    before = (
        Document.objects.count(),
        LessonMaterial.objects.count(),
        sorted(Document.objects.values_list("file", flat=True)),
        sorted(
            (p.name, p.stat().st_mtime_ns) for p in (tmp_path / "documents").iterdir()
        ),
    )
    time.sleep(0.01)  # a file written again would have a later time
    load_lessons(home=home)
    after = (
        Document.objects.count(),
        LessonMaterial.objects.count(),
        sorted(Document.objects.values_list("file", flat=True)),
        sorted(
            (p.name, p.stat().st_mtime_ns) for p in (tmp_path / "documents").iterdir()
        ),
    )
    assert after == before
    titles = [
        m.label for m in LessonPage.objects.get(slug="gevoelensweer").attachments.all()
    ]
    assert titles == ["Weerkaarten", "Eigen kleurplaat"]


def test_a_handout_that_breaks_a_rule_is_refused_by_its_place(db, tmp_path):
    text = (LESSONS / "ik-durf-het-bijna.toml").read_text()
    text += '\n[[handouts]]\nkind = "poster"\ntitle = "Groot"\n'
    text += '\n[[handouts]]\nkind = "cards"\ntitle = "Leeg"\ncards = []\n'
    path = tmp_path / "ik-durf-het-bijna.toml"
    path.write_text(text)
    with pytest.raises(LessonFileError) as error:
        read_lesson(path, theme_slugs={"zelfvertrouwen"})
    message = str(error.value)
    assert "handouts[2] (Groot).kind: give one of: worksheet, cards" in message
    assert "handouts[3] (Leeg).cards: give a list of cards" in message
