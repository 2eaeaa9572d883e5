"""The demo lessons' worksheets and cards: their words are data, a lesson file's
[[handouts]] tables; cms.demo.printables draws them as A4 PDFs at load time, and they
become Wagtail documents (in the "Lesmaterialen" collection, in default storage) and the
lesson's materials. Nothing is committed as a file.

A handout is a worksheet or a set of cards:

    [[handouts]]
    kind = "worksheet"             # or "cards"
    title = "Mijn moedtrap"        # on the sheet, and its name on the lesson page
    description = "Eén per leerling, voor stap 3."
    instructions = ["Kies iets wat je graag wilt durven."]   # worksheet: for the child
    name = true                    # worksheet: a line for a name (default true)
    [[handouts.parts]]             # worksheet: a prompt and one of lines, box, boxes, stairs
    prompt = "Dit wil ik durven:"
    lines = 2

    cards = ["Ik kan dit nooit", { word = "Zon", picture = "sun" }]
    cards = "strengths"            # the cards of the lesson's own strengths activity
    size = "large"                 # two cards to a page instead of eight

Loading is idempotent: a lesson's demo documents are found again by their title, and a
file is only rewritten when its bytes change (the PDFs are deterministic)."""

import hashlib

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.demo import printables
from lessons.materials import LessonMaterial, MaterialKind

COLLECTION = "Lesmaterialen"
KINDS = {"worksheet": MaterialKind.WORKSHEET, "cards": MaterialKind.CARDS}
PICTURES = {"sun", "cloud", "rain", "storm"}
PART_SHAPES = {"lines": (1, 15), "box": (20, 220), "boxes": None, "stairs": None}
TITLE_LENGTH = LessonMaterial._meta.get_field("title").max_length
DESCRIPTION_LENGTH = LessonMaterial._meta.get_field("description").max_length


def read_handouts(data, report):
    """A lesson file's [[handouts]], checked; problems go to the file's report."""
    handouts = data.get("handouts", [])
    if not isinstance(handouts, list) or not all(isinstance(h, dict) for h in handouts):
        report.add("handouts", "give a list of [[handouts]] tables")
        return []
    titles, checked = set(), []
    for number, handout in enumerate(handouts, start=1):
        where = f"handouts[{number}] ({handout.get('title', '?')})"
        before = len(report.problems)
        kind = handout.get("kind")
        if kind not in KINDS:
            report.add(where + ".kind", f"give one of: {', '.join(KINDS)}")
            continue
        common = {"kind", "title", "description"}
        extra = (
            {"instructions", "name", "parts"}
            if kind == "worksheet"
            else {"cards", "size"}
        )
        _unknown(handout, common | extra, where, report)
        _text(handout.get("title"), TITLE_LENGTH, where + ".title", report)
        if handout.get("title") in titles:
            report.add(where + ".title", "two handouts of a lesson have this title")
        titles.add(handout.get("title"))
        if "description" in handout:
            _text(
                handout["description"],
                DESCRIPTION_LENGTH,
                where + ".description",
                report,
            )
        if kind == "worksheet":
            handout = _worksheet(handout, where, report)
        else:
            handout = _cards(handout, data, where, report)
        if len(report.problems) == before:
            checked.append(handout)
    return checked


def _worksheet(handout, where, report):
    for number, sentence in enumerate(handout.get("instructions", []), start=1):
        _text(sentence, 200, f"{where}.instructions[{number}]", report)
    if not isinstance(handout.get("name", True), bool):
        report.add(where + ".name", "give true or false")
    parts = handout.get("parts", [])
    if not parts:
        report.add(where + ".parts", "give the parts of the sheet ([[handouts.parts]])")
    for number, part in enumerate(parts, start=1):
        place = f"{where}.parts[{number}]"
        if not isinstance(part, dict):
            report.add(place, "give a table")
            continue
        _unknown(part, {"prompt", "columns", "height", *PART_SHAPES}, place, report)
        if "prompt" in part:
            _text(part["prompt"], 200, place + ".prompt", report)
        shapes = [name for name in PART_SHAPES if name in part]
        if len(shapes) != 1:
            report.add(place, f"give exactly one of: {', '.join(PART_SHAPES)}")
            continue
        shape = shapes[0]
        if PART_SHAPES[shape]:
            low, high = PART_SHAPES[shape]
            if not isinstance(part[shape], int) or not low <= part[shape] <= high:
                report.add(f"{place}.{shape}", f"give a number from {low} to {high}")
        else:
            labels = part[shape]
            if not isinstance(labels, list) or not 2 <= len(labels) <= 12:
                report.add(f"{place}.{shape}", "give a list of 2 to 12 texts")
                continue
            for i, label in enumerate(labels, start=1):
                _text(label, 120, f"{place}.{shape}[{i}]", report)
        if part.get("columns", 2) not in (1, 2, 3):
            report.add(place + ".columns", "give 1, 2 or 3")
    return handout


def _cards(handout, data, where, report):
    cards = handout.get("cards")
    if cards == "strengths":
        cards = [
            card
            for step in data.get("steps", [])
            for activity in step.get("activities", [])
            if activity.get("type") == "strengths"
            for card in activity.get("cards", [])
        ]
        if not cards:
            report.add(where + ".cards", "this lesson has no strengths activity")
    if not isinstance(cards, list) or not cards:
        report.add(where + ".cards", 'give a list of cards, or "strengths"')
        return handout
    if handout.get("size", "normal") not in ("normal", "large"):
        report.add(where + ".size", 'give "normal" or "large"')
    checked = []
    for number, card in enumerate(cards, start=1):
        place = f"{where}.cards[{number}]"
        card = {"word": card} if isinstance(card, str) else card
        if not isinstance(card, dict):
            report.add(place, "give a text or a table with a word")
            continue
        _unknown(card, {"word", "description", "picture", "lines"}, place, report)
        _text(card.get("word"), 60, place + ".word", report)
        if "description" in card:
            _text(card["description"], 120, place + ".description", report)
        if card.get("picture", "sun") not in PICTURES:
            report.add(
                place + ".picture", f"give one of: {', '.join(sorted(PICTURES))}"
            )
        if card.get("lines", 0) not in range(0, 5):
            report.add(place + ".lines", "give a number from 0 to 4")
        checked.append(card)
    return {**handout, "cards": checked}


def _unknown(table, allowed, where, report):
    for key in sorted(set(table) - allowed):
        report.add(
            f"{where}.{key}",
            f"unknown field (expected one of: {', '.join(sorted(allowed))})",
        )


def _text(value, length, where, report):
    if not isinstance(value, str) or not value.strip():
        report.add(where, "give a text")
    elif len(value) > length:
        report.add(where, f"at most {length} characters (it has {len(value)})")
    else:
        try:
            value.encode("windows-1252")
        except UnicodeEncodeError:
            report.add(where, "use letters the PDF's Helvetica has (Western European)")


# -- loading -------------------------------------------------------------------------


def draw(lesson_title, handout):
    """The handout as PDF bytes."""
    if handout["kind"] == "worksheet":
        return printables.worksheet(lesson_title=lesson_title, handout=handout)
    return printables.cards(lesson_title=lesson_title, handout=handout)


def attach_handouts(lesson, handouts):
    """Set the lesson's demo materials (unsaved: the caller publishes the lesson).
    Materials that someone added in the editor, outside the demo collection, stay,
    after the demo ones."""
    collection = demo_collection()
    rows = list(lesson.attachments.all()) if lesson.pk else []
    own = [row for row in rows if row.document.collection_id != collection.pk]
    demo = {row.document.title: row for row in rows if row not in own}
    materials = []
    for handout in handouts:
        row = demo.pop(handout["title"], None) or LessonMaterial()
        row.document = _document(
            collection, lesson, handout, row.document_id and row.document
        )
        row.kind = KINDS[handout["kind"]]
        row.title = ""
        row.description = handout.get("description", "")
        materials.append(row)
    for position, row in enumerate([*materials, *own]):
        row.sort_order = position
    lesson.attachments = [*materials, *own]
    for row in demo.values():  # a handout no longer in the file
        row.document.delete()


def demo_collection():
    collection = Collection.objects.filter(name=COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION)
    return collection


def _document(collection, lesson, handout, document):
    content = draw(lesson.title, handout)
    digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
    if document and document.file_hash == digest and document.file:
        return document
    if document is None:
        document = get_document_model()(collection=collection)
    elif document.file:
        document.file.delete(save=False)
    document.title = handout["title"]
    name = f"{slugify(lesson.slug)}-{slugify(handout['title'])}.pdf"
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document
