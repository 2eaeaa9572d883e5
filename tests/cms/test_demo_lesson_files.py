"""The demo lessons are data: one TOML file per lesson and per series, validated when
loaded by the blocks and the model a lesson in the admin is held to. A file that breaks a
rule is refused, by its name and the place in it, before anything is written."""

import shutil

import pytest

from cms.demo.lesson_files import LESSONS, THEMES, LessonFileError, read_lesson
from cms.demo.lessons import load_lessons
from cms.demo.word_lists import load_word_lists
from lessons.models import LessonPage, LessonSeriesPage

# The library as cms/demo/lesson_content.py made it on main before the lessons became
# TOML files (fe25e10): every lesson and series, by slug and title, in page-tree order.
EXPECTED_LESSONS = [
    ("blije-dingen-zonnetje", "Het blije-dingen-zonnetje"),
    ("gevoelensweer", "Wat voor weer is het in jou?"),
    ("stil-als-een-schildpad", "Stil als een schildpad"),
    ("dankjewel-slinger", "De dank-je-wel-slinger"),
    ("vriendelijke-superkrachten", "Vriendelijke superkrachten"),
    ("ontdek-je-sterke-kanten", "Ontdek je sterke kanten"),
    ("zonnebril-en-grijze-bril", "De zonnebril en de grijze bril"),
    ("van-droom-naar-eerste-stap", "Van droom naar eerste stap"),
    ("wat-is-geluk-eigenlijk", "Wat is geluk eigenlijk?"),
    ("drie-goede-dingen", "Drie goede dingen"),
    ("talenten-in-de-klas", "Talenten in de klas"),
    ("ik-durf-het-bijna", "Ik durf het (bijna)!"),
    ("week-van-de-kleine-daden", "De week van de kleine daden"),
    ("geluk-wat-heb-jij-nodig", "Geluk: wat heb jij nodig?"),
    ("gedachten-checken", "Gedachten checken"),
    ("sterke-kanten-in-actie", "Sterke kanten in actie"),
    ("rust-in-een-druk-hoofd", "Rust in een druk hoofd"),
    ("doe-eens-iets-voor-een-ander", "Doe eens iets voor een ander"),
]
EXPECTED_SERIES = [
    (
        "geluk-in-groep-7-8",
        "Vijf lessen over geluk voor groep 7 en 8",
        [
            "wat-is-geluk-eigenlijk",
            "drie-goede-dingen",
            "talenten-in-de-klas",
            "ik-durf-het-bijna",
            "week-van-de-kleine-daden",
        ],
    ),
    (
        "lekker-in-je-vel-klas-1-2",
        "Lekker in je vel: vijf lessen voor klas 1 en 2",
        [
            "geluk-wat-heb-jij-nodig",
            "gedachten-checken",
            "sterke-kanten-in-actie",
            "rust-in-een-druk-hoofd",
            "doe-eens-iets-voor-een-ander",
        ],
    ),
]
THEME_SLUGS = {
    "wat-is-geluk",
    "positief-denken",
    "dankbaarheid",
    "sterke-kanten",
    "zelfvertrouwen",
    "vriendelijkheid",
    "dromen-en-doelen",
    "geluk-doorgeven",
    "emoties",
    "rust-en-aandacht",
}
LESSON_FILES = sorted(LESSONS.glob("*.toml"))


@pytest.mark.parametrize("path", LESSON_FILES, ids=[p.stem for p in LESSON_FILES])
def test_every_lesson_file_validates(db, path):
    load_word_lists()  # the reviewed words that the lessons' activities choose from
    spec = read_lesson(path, theme_slugs=THEME_SLUGS)
    assert spec.slug == path.stem
    assert spec.fields["steps"].stream_block is (
        LessonPage._meta.get_field("steps").stream_block
    )
    assert [block.block_type for block in spec.fields["steps"]].count("step") >= 4


def test_every_file_is_in_the_library_as_before(home):
    library = load_lessons(home=home)
    lessons = LessonPage.objects.child_of(library).live().order_by("path")
    assert list(lessons.values_list("slug", "title")) == EXPECTED_LESSONS
    assert {path.stem for path in LESSON_FILES} == {s for s, _ in EXPECTED_LESSONS}
    series = LessonSeriesPage.objects.child_of(library).live().order_by("path")
    assert [
        (page.slug, page.title, [lesson.slug for lesson in page.get_lessons()])
        for page in series
    ] == EXPECTED_SERIES
    assert {path.stem for path in (LESSONS / "series").glob("*.toml")} == {
        slug for slug, _, _ in EXPECTED_SERIES
    }
    # Loaded twice, the same pages.
    pages = list(LessonPage.objects.order_by("path").values_list("pk", "slug"))
    load_lessons(home=home)
    assert list(LessonPage.objects.order_by("path").values_list("pk", "slug")) == pages


@pytest.fixture
def content(tmp_path):
    """A copy of cms/content/lessons/ to break."""
    shutil.copytree(LESSONS, tmp_path / "lessons")
    return tmp_path / "lessons"


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


ZONNETJE = "blije-dingen-zonnetje.toml"
BROKEN = {
    "unknown block type": (
        ZONNETJE,
        'type = "step"',
        'type = "stap"',
        "steps[2]: unknown block type 'stap' (expected one of: step, check_in)",
    ),
    "unknown activity type": (
        ZONNETJE,
        'type = "discussion"',
        'type = "discusion"',
        "steps[2] (step 'Welkom in de kring').activities[1]: unknown block type "
        "'discusion'",
    ),
    "unknown field in a block": (
        ZONNETJE,
        "teacher_note = ",
        "teacher_notes = ",
        "steps[3] (step 'Plaatjes van blije dingen').teacher_notes: unknown field",
    ),
    "required block field missing": (
        ZONNETJE,
        'title = """Plaatjes van blije dingen"""\n',
        "",
        "steps[3] (step).title: ",
    ),
    "required list in a block empty": (
        ZONNETJE,
        'questions = [\n    """Wanneer ben jij blij?""",\n'
        '    """Hoe ziet jouw gezicht eruit als je blij bent? Laat eens zien!""",\n'
        '    """Wat doet je lijf als je blij bent?""",\n]',
        "questions = []",
        "steps[2] (step 'Welkom in de kring').activities[1] (discussion).questions: ",
    ),
    "required lesson field missing": (
        ZONNETJE,
        'summary = """De kleuters',
        'samenvatting = """De kleuters',
        "summary: ",
    ),
    "duration out of the model's range": (
        ZONNETJE,
        "duration = 25",
        "duration = 500",
        "duration: ",
    ),
    "choice not among the block's choices": (
        ZONNETJE,
        'organisation = "whole_class"',
        'organisation = "outdoors"',
        "steps[2] (step 'Welkom in de kring').organisation: ",
    ),
    "minutes below the block's minimum": (
        ZONNETJE,
        "minutes = 4\n",
        "minutes = 0\n",
        "steps[2] (step 'Welkom in de kring').minutes: ",
    ),
    "unknown theme": (
        ZONNETJE,
        'themes = ["wat-is-geluk"]',
        'themes = ["geluk"]',
        "themes: unknown 'geluk'",
    ),
    "not TOML": (
        ZONNETJE,
        "duration = 25",
        "duration = 25 minuten",
        "cannot be read as TOML",
    ),
    "series with a lesson that is not there": (
        "series/geluk-in-groep-7-8.toml",
        '"drie-goede-dingen"',
        '"vier-goede-dingen"',
        "lessons: no lesson file for 'vier-goede-dingen'",
    ),
}


@pytest.mark.parametrize(
    ("name", "old", "new", "message"), BROKEN.values(), ids=BROKEN.keys()
)
def test_a_broken_file_is_refused_by_name_and_place(
    home, content, name, old, new, message
):
    path = content / name
    edit(path, old, new)
    with pytest.raises(LessonFileError) as refused:
        load_lessons(home=home, directory=content)
    assert f"{path}: {message}" in str(refused.value)
    if "duration = 500" in new:  # told by the model's constraint, with the value
        assert "lesson_duration_in_range" in str(refused.value)
        assert "(duration = 500)" in str(refused.value)
    assert not LessonPage.objects.exists()  # nothing half loaded


def test_every_problem_of_every_file_is_told_at_once(home, content):
    edit(content / ZONNETJE, "duration = 25", "duration = 500")
    edit(content / "gevoelensweer.toml", 'type = "step"', 'type = "stap"')
    edit(content / "gevoelensweer.toml", 'groups = ["groep-1-2"]', "groups = []")
    with pytest.raises(LessonFileError) as refused:
        load_lessons(home=home, directory=content)
    lines = str(refused.value).splitlines()[1:]
    assert [line.split(": ")[0] for line in lines] == [
        f"- {content / ZONNETJE}",
        f"- {content / 'gevoelensweer.toml'}",
        f"- {content / 'gevoelensweer.toml'}",
    ]


def test_the_slug_is_the_file_name(home, content):
    (content / ZONNETJE).rename(content / "Blije dingen.toml")
    with pytest.raises(
        LessonFileError, match="file name: 'Blije dingen' is not a slug"
    ):
        load_lessons(home=home, directory=content)


def test_the_themes_file_is_held_to_the_theme_model(db, tmp_path):
    from cms.demo.lesson_files import read_library

    themes = tmp_path / "themes.toml"
    themes.write_text(
        THEMES.read_text(encoding="utf-8").replace('icon = "sun"', 'icon = "moon"', 1),
        encoding="utf-8",
    )
    with pytest.raises(LessonFileError) as refused:
        read_library(themes_file=themes)
    assert f"{themes}: themes[1] (wat-is-geluk).icon: " in str(refused.value)
