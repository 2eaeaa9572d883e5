"""Class activities (issue 16, part 1): each block holds a bounded set of options with
stable values, refuses what a class cannot answer (in Dutch), and shows on the lesson page,
in the print and on a slide; the word lists are snippets in the admin."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue

from lessons.activities import (
    PollBlock,
    QuizBlock,
    ScaleBlock,
    StrengthsChoiceBlock,
    WallBlock,
    WordCloudBlock,
)
from lessons.models import LessonPage
from lessons.word_lists import Word, WordList, word_choices
from tests.factories import LessonPageFactory, shown_on_the_board, step


def word_list(slug="gevoelens", words=("blij", "rustig", "trots", "moe"), live=True):
    wl = WordList.objects.create(name=slug.capitalize(), slug=slug, live=live)
    for order, text in enumerate(words):
        Word.objects.create(
            word_list=wl, text=text, icon="smile", sort_order=order, description=""
        )
    return wl


def keys(wl, count=None):
    return [str(pk) for pk in wl.words.values_list("pk", flat=True)[:count]]


def clean(block, raw):
    return block.clean(block.to_python(raw))


def messages(error):
    """Every message in a block's error tree, as text."""
    found = []
    for name in ("non_block_errors",):
        for item in getattr(error, name, []) and error.non_block_errors.as_data():
            found += item.messages
    for child in getattr(error, "block_errors", {}).values():
        found += messages(child)
    if not hasattr(error, "block_errors"):
        found += error.messages
    return found


def refused(block, raw):
    with pytest.raises(ValidationError) as caught:
        clean(block, raw)
    return " ".join(messages(caught.value))


def quiz(*right):
    return {
        "question": "Wat helpt?",
        "answers": [
            {"text": text, "correct": text in right} for text in ("rennen", "ademen")
        ],
    }


def poll(count, multiple=False):
    return {
        "question": "Waar word jij blij van?",
        "answers": [{"label": f"optie {i}", "icon": "sun"} for i in range(count)],
        "multiple": multiple,
    }


# -- validation ---------------------------------------------------------------------


def test_a_quiz_has_exactly_one_right_answer():
    assert clean(QuizBlock(), quiz("ademen"))
    assert "nu is er geen goed" in refused(QuizBlock(), quiz())
    assert "Maar één antwoord mag goed zijn: nu zijn er 2 aangevinkt." in refused(
        QuizBlock(), quiz("rennen", "ademen")
    )


def test_a_quiz_has_two_to_four_answers():
    raw = quiz("ademen")
    raw["answers"] = raw["answers"][:1]
    assert "Geef 2 tot 4 antwoorden." in refused(QuizBlock(), raw)


@pytest.mark.parametrize("count", [2, 6])
def test_a_poll_has_two_to_six_answers(count):
    value = clean(PollBlock(), poll(count))
    assert len(value.options) == count


@pytest.mark.parametrize("count", [1, 7])
def test_a_poll_with_too_few_or_too_many_answers_is_refused(count):
    assert "Geef 2 tot 6 antwoorden." in refused(PollBlock(), poll(count))


def test_a_poll_with_the_same_answer_twice_is_refused():
    raw = poll(3)
    raw["answers"][2]["label"] = "Optie 0 "
    assert "Twee antwoorden hebben dezelfde tekst." in refused(PollBlock(), raw)


def test_a_poll_says_how_many_a_pupil_chooses():
    assert clean(PollBlock(), poll(4)).choose == (1, 1)
    several = clean(PollBlock(), poll(4, multiple=True))
    assert several.choose == (1, 4)
    assert str(several.choose_hint) == "Kies een of meer antwoorden."


def test_a_scale_is_0_to_10_or_five_faces_with_different_ends():
    raw = {"question": "Hoe rustig?", "scale": "numbers", "low_label": "niet"}
    numbers = clean(ScaleBlock(), {**raw, "high_label": "heel"})
    assert [o["value"] for o in numbers.options] == [str(n) for n in range(11)]
    faces = clean(ScaleBlock(), {**raw, "scale": "faces", "high_label": "heel"})
    assert [o["icon"] for o in faces.options] == [f"face-{n}" for n in range(1, 6)]
    assert "Geef beide uiteinden een ander woord." in refused(
        ScaleBlock(), {**raw, "high_label": "Niet"}
    )
    assert refused(ScaleBlock(), {**raw, "scale": "stars", "high_label": "heel"})


def test_a_wall_has_two_to_eight_categories():
    raw = {
        "wall": "gratitude",
        "question": "Waarvoor ben jij dankbaar?",
        "categories": [{"label": "een vriend", "icon": "pairs"}],
    }
    assert "Geef 2 tot 8 categorieën." in refused(WallBlock(), raw)
    raw["categories"].append({"label": "iets in de natuur", "icon": "leaf"})
    value = clean(WallBlock(), raw)
    assert [o["label"] for o in value.options] == ["een vriend", "iets in de natuur"]
    assert value.kind_icon == "heart"


@pytest.mark.django_db
def test_a_word_cloud_needs_words_from_a_reviewed_list():
    wl = word_list()
    raw = {"question": "Hoe voel jij je?", "words": keys(wl), "picks": 2}
    value = clean(WordCloudBlock(), raw)
    assert [o["label"] for o in value.options] == ["blij", "rustig", "trots", "moe"]
    assert value.choose == (1, 2)
    assert "Kies 2 tot 12 woorden" in refused(
        WordCloudBlock(), {**raw, "words": keys(wl, 1)}
    )
    assert "meer woorden dan ze mogen kiezen" in refused(
        WordCloudBlock(), {**raw, "words": keys(wl, 3), "picks": 3}
    )
    assert refused(WordCloudBlock(), {**raw, "picks": 4})  # at most 3 picks
    draft = word_list("concept", ("een", "twee"), live=False)
    assert refused(WordCloudBlock(), {**raw, "words": keys(draft)})  # not reviewed


@pytest.mark.django_db
def test_a_word_cloud_has_at_most_twelve_words():
    wl = word_list(words=[f"woord {i}" for i in range(13)])
    raw = {"question": "Kies", "words": keys(wl), "picks": 3}
    assert "Kies 2 tot 12 woorden" in refused(WordCloudBlock(), raw)


@pytest.mark.django_db
def test_a_strengths_choice_offers_up_to_sixteen_and_one_is_chosen():
    wl = word_list("sterke-kanten", [f"kracht {i}" for i in range(17)])
    raw = {"question": "Welke past bij jou?", "words": keys(wl, 16)}
    value = clean(StrengthsChoiceBlock(), raw)
    assert value.choose == (1, 1) and len(value.options) == 16
    assert "Kies 2 tot 16 woorden" in refused(
        StrengthsChoiceBlock(), {**raw, "words": keys(wl)}
    )


@pytest.mark.django_db
def test_only_reviewed_lists_are_offered_grouped_by_list():
    word_list("gevoelens", ("blij", "moe"))
    word_list("concept", ("een", "twee"), live=False)
    assert [(group, [w for _k, w in words]) for group, words in word_choices()] == [
        ("Gevoelens", ["blij", "moe"])
    ]


def test_every_block_has_a_description_and_a_preview(db):
    word_list("gevoelens")
    word_list("sterke-kanten")
    for block in (
        PollBlock(),
        ScaleBlock(),
        WordCloudBlock(),
        WallBlock(),
        StrengthsChoiceBlock(),
        QuizBlock(),
    ):
        assert block.meta.description and block.is_previewable
        value = block.get_preview_value()
        block.clean(value)  # the preview is itself a valid activity
        assert value.options


# -- stable values ------------------------------------------------------------------


def test_an_option_keeps_its_value_when_the_list_is_reordered():
    block = PollBlock()
    value = block.to_python(poll(3))
    before = {o["label"]: o["value"] for o in value.options}
    data = block.get_prep_value(value)
    data["answers"].reverse()
    after = {o["label"]: o["value"] for o in block.to_python(data).options}
    assert before == after and len(set(after.values())) == 3


# -- pages --------------------------------------------------------------------------


@pytest.fixture
def activity_lesson(library):
    wl = word_list()
    raw = [
        step(
            "Stemmen",
            5,
            activities=[
                ("poll", poll(3)),
                ("quiz", {**quiz("ademen"), "explanation": "Ademen kalmeert."}),
            ],
        ),
        step(
            "Woorden",
            5,
            activities=[
                (
                    "word_cloud",
                    {"question": "Hoe voel je je?", "words": keys(wl), "picks": 2},
                ),
                (
                    "scale",
                    {
                        "question": "Hoe rustig?",
                        "scale": "faces",
                        "low_label": "niet rustig",
                        "high_label": "heel rustig",
                    },
                ),
            ],
        ),
    ]
    # As the editor saves it: every block, the activities inside a step too, has an id.
    stream = LessonPage._meta.get_field("steps").stream_block
    steps = stream.clean(stream.to_python(raw))
    return LessonPageFactory(parent=library, slug="samen-kiezen", steps=steps)


def test_the_lesson_page_shows_the_activities_and_the_right_answer(
    client, activity_lesson
):
    html = client.get("/lessen/samen-kiezen/").content.decode()
    assert html.count("data-activity=") == 4
    assert "optie 2" in html and "rustig" in html and "niet rustig" in html
    assert "het goede antwoord" in html and "Ademen kalmeert." in html


def test_the_print_shows_the_question_and_every_option(client, activity_lesson):
    html = client.get("/lessen/samen-kiezen/print/").content.decode()
    assert html.count("data-activity=") == 4
    for text in (
        "Waar word jij blij van?",
        "optie 0",
        "ademen",
        "trots",
        "1 = niet rustig",
    ):
        assert text in html
    assert "het goede antwoord" in html


def test_a_slide_shows_the_options_marked_for_the_live_step_and_not_the_answer(
    client, activity_lesson
):
    html = shown_on_the_board(client.get("/lessen/samen-kiezen/klas/").content.decode())
    lesson = LessonPage.objects.get(slug="samen-kiezen")
    activities = [a for block in lesson.steps for a in block.value["activities"]]
    for activity in activities:
        assert f'data-activity="{activity.block_type}"' in html
        assert f'data-activity-id="{activity.id}"' in html
        for option in activity.value.options:
            assert f'data-option="{option["value"]}"' in html
    assert "het goede antwoord" not in html and "Ademen kalmeert." not in html
    assert html.count('class="speak"') == 4  # read aloud, shown by present.js
    assert 'href="/static/lessons/icons.svg#face-5"' in html


def test_the_api_shows_the_activities_with_their_options(client, activity_lesson):
    response = client.get("/api/v1/lessons/samen-kiezen/")
    assert response.status_code == 200
    activities = [
        activity
        for item in response.json()["steps"]
        for activity in item["value"]["activities"]
    ]
    kinds = {activity["type"]: activity["value"] for activity in activities}
    assert set(kinds) == {"poll", "quiz", "word_cloud", "scale"}
    assert kinds["word_cloud"]["choose"] == {"min": 1, "max": 2}
    assert [o["label"] for o in kinds["word_cloud"]["options"]] == [
        "blij",
        "rustig",
        "trots",
        "moe",
    ]
    assert [o["correct"] for o in kinds["quiz"]["options"]] == [False, True]
    assert all(o["value"] for a in kinds.values() for o in a["options"])


def test_a_removed_word_drops_out_of_a_published_activity(client, activity_lesson):
    Word.objects.filter(text="trots").delete()
    html = client.get("/lessen/samen-kiezen/klas/").content.decode()
    assert ">trots<" not in html and ">blij<" in html


def test_stream_value_round_trips_through_the_stream_block(activity_lesson):
    block = LessonPage._meta.get_field("steps").stream_block
    data = activity_lesson.steps.get_prep_value()
    value = StreamValue(block, data, is_lazy=True)
    assert block.clean(value)


# -- the word lists in the admin ----------------------------------------------------


def test_word_lists_are_listed_in_the_admin(admin_client, db):
    word_list()
    response = admin_client.get("/admin/snippets/lessons/wordlist/")
    assert response.status_code == 200
    assert "Gevoelens" in response.content.decode()


def test_a_word_list_is_made_and_published_in_the_admin(admin_user):
    """Posted as a browser does, with the CSRF token it must send."""
    from django.test import Client

    admin_client = Client(enforce_csrf_checks=True)
    admin_client.force_login(admin_user)
    response = admin_client.get("/admin/snippets/lessons/wordlist/add/")
    assert response.status_code == 200
    data = {
        "name": "Dieren",
        "slug": "dieren",
        "description": "",
        "words-TOTAL_FORMS": "2",
        "words-INITIAL_FORMS": "0",
        "words-MIN_NUM_FORMS": "2",
        "words-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
        "csrfmiddlewaretoken": admin_client.cookies["csrftoken"].value,
    }
    for i, text in enumerate(["kat", "hond"]):
        data |= {
            f"words-{i}-text": text,
            f"words-{i}-icon": "heart",
            f"words-{i}-description": "",
            f"words-{i}-ORDER": str(i + 1),
            f"words-{i}-id": "",
        }
    response = admin_client.post("/admin/snippets/lessons/wordlist/add/", data)
    assert response.status_code == 302, re.findall(
        r"error[^<]*<[^>]*>[^<]*", str(response.content)
    )
    created = WordList.objects.get(slug="dieren")
    assert created.live
    assert list(created.words.values_list("text", flat=True)) == ["kat", "hond"]


def test_the_editor_previews_an_activity_block(admin_client, db):
    word_list("gevoelens")
    block = LessonPage._meta.get_field("steps").stream_block.child_blocks["step"]
    poll_block = block.child_blocks["activities"].child_blocks["word_cloud"]
    response = admin_client.get(
        "/admin/block-preview/", {"id": poll_block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-activity="word_cloud"' in html and "blij" in html
    assert "lessons/lessons.css" in html


def test_only_the_editors_publish_word_lists(library):
    from lessons.services import set_up_authoring

    teachers, reviewers, _workflow = set_up_authoring(library=library)
    codenames = set(reviewers.permissions.values_list("codename", flat=True))
    assert {"add_wordlist", "change_wordlist", "publish_wordlist"} <= codenames
    assert not teachers.permissions.filter(codename__endswith="_wordlist").exists()
