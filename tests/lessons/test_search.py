"""Search that understands Dutch (issue 15, point 7), on the demo lessons: a word finds
its other forms (stemming: PostgreSQL's Dutch configuration, our own stemmer on SQLite)
and the words the lessons use for it (cms/content/synonyms.toml)."""

import pytest
from django.db import connection

from cms.demo.lessons import load_lessons
from cms.demo.site import load_site
from lessons.models import LessonPage
from lessons.search import SYNONYMS, forms, stem, synonyms

ON_POSTGRES = connection.vendor == "postgresql"


@pytest.fixture(scope="module")
def loaded_library(shared_rows):
    """The demo site and lessons, loaded once for this module's tests (each reads them in
    a savepoint of its own, rolled back after it)."""
    yield from shared_rows(lambda: load_lessons(home=load_site()))


@pytest.fixture
def demo_library(loaded_library, db):
    return loaded_library


def found(query):
    return [lesson.slug for lesson in LessonPage.objects.all().matching(query)]


def about(theme):
    return set(
        LessonPage.objects.filter(themes__slug=theme).values_list("slug", flat=True)
    )


def text_of(slug):
    """What the index holds for a lesson, near enough: its searchable fields as text."""
    lesson = LessonPage.objects.get(slug=slug)
    themes = " ".join(lesson.themes.values_list("name", flat=True))
    fields = [lesson.title, lesson.summary, lesson.goals, lesson.teacher_notes, themes]
    fields.append(str(lesson.steps))
    return " ".join(fields).lower()


def test_dankbaar_finds_the_three_gratitude_lessons_first(demo_library):
    gratitude = about("dankbaarheid")
    assert len(gratitude) == 3
    hits = found("dankbaar")
    assert set(hits[:3]) == gratitude
    # Words used for gratitude count too, after the lessons with the word itself.
    assert "week-van-de-kleine-daden" in hits[3:]  # "bedanken"
    assert found("dankbaarheid")[:3] == hits[:3]


def test_verdriet_finds_the_emotions_lessons(demo_library):
    emotions = about("emoties")
    assert emotions == {"gevoelensweer", "gedachten-checken", "rust-in-een-druk-hoofd"}
    hits = found("verdriet")
    assert emotions <= set(hits)
    # This one has no form of "verdriet" at all: found by a synonym (its theme).
    assert "verdriet" not in text_of("rust-in-een-druk-hoofd")
    assert found("verdrietige") == hits


def test_a_plural_or_inflected_word_finds_the_singular(demo_library):
    assert "schildpadden" not in text_of("stil-als-een-schildpad")
    assert found("schildpadden") == ["stil-als-een-schildpad"]
    assert found("Slingers") == ["dankjewel-slinger"]
    assert "gevoelensweer" in found("wolken")
    assert found("dankbare") == found("dankbaar")


def test_two_words_must_both_match(demo_library):
    assert found("dankbaar slinger") == ["dankjewel-slinger"]
    assert found("verdriet wolken") == ["gevoelensweer"]
    assert found("schildpad") and found("dankbaar")
    assert found("schildpad dankbaar") == []


def test_nonsense_finds_nothing(demo_library):
    assert found("xyzzyplof") == []
    assert found("dankbaar xyzzyplof") == []


def test_the_search_gets_words_only(client, demo_library):
    """The guard of test_library.py holds for the expanded search too: a quote, star or
    bracket never reaches the engine, and around a word it does not matter."""
    for query in ('"dankbaar', "dankbaar*", "(dankbaar)", "-dankbaar^"):
        assert found(query) == found("dankbaar")
        assert client.get("/lessen/", {"q": query}).status_code == 200
        api = client.get("/api/v1/lessons/", {"q": query})
        assert api.status_code == 200
    for query in ('"', "'", "*", "()", "\"\" ''"):
        assert found(query) == []
        assert client.get("/lessen/", {"q": query}).status_code == 200
        assert client.get("/api/v1/lessons/", {"q": query}).status_code == 200


def test_each_database_stems_dutch_its_own_way(demo_library):
    """PostgreSQL stems with its Dutch configuration, in the index and in the query, so the
    engine alone finds "dankbaarheid" for "dankbare". SQLite keeps words as written: the
    engine alone does not, and our stemmer's forms (lessons.search) make the search find
    them all the same."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    live = LessonPage.objects.live()
    engine_alone = {hit.slug for hit in live.search("dankbare")}
    if ON_POSTGRES:
        assert get_search_backend().config == "dutch"
        lesson = LessonPage.objects.get(slug="dankjewel-slinger")
        body = IndexEntry.objects.get(object_id=str(lesson.pk)).body
        assert "'dankbar'" in body and "'dankbaarheid'" not in body  # stored as stems
        assert engine_alone == about("dankbaarheid")
    else:
        assert engine_alone == set()
    found = {lesson.slug for lesson in LessonPage.objects.matching("dankbare")}
    assert about("dankbaarheid") <= found


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("schildpadden", "schildpad"),
        ("dankbare", "dankbaar"),
        ("dankbaarheid", "dankbaar"),
        ("verdrietige", "verdriet"),
        ("gevoelens", "gevoel"),
        ("kaartjes", "kaart"),
        ("slingers", "slinger"),
        ("emoties", "emotie"),
        ("boze", "boos"),
        ("brieven", "brief"),
        ("bomen", "boom"),
        ("gelukkig", "geluk"),
        ("boos", "boos"),
        ("bang", "bang"),
        ("les", "les"),
    ],
)
def test_the_stemmer_finds_the_stem(word, expected):
    assert stem(word) == expected
    assert word in forms(expected)


def test_every_synonym_is_one_word_in_lower_case(tmp_path):
    table = synonyms()  # refuses anything else
    assert {"verdrietig", "emoties"} <= table["verdriet"]
    assert table["verdriet"] == table[stem("verdrietige")]
    assert SYNONYMS.name == "synonyms.toml"
    lines = ('boos = ["boze bui"]', 'boos = ["Woede"]', 'boos = "woede"')
    for number, line in enumerate(lines):
        bad = tmp_path / f"bad-{number}.toml"
        bad.write_text(line + "\n")
        with pytest.raises(ValueError, match=bad.name):
            synonyms(bad)
