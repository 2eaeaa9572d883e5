import pytest

from lessons.models import LessonPage
from lessons.word_lists import Word, WordList
from schools.runs import services
from tests.factories import LessonPageFactory, check_in, step


def words(slug="gevoelens", texts=("blij", "rustig", "trots", "moe", "boos")):
    word_list = WordList.objects.create(name=slug.capitalize(), slug=slug, live=True)
    Word.objects.bulk_create(
        Word(word_list=word_list, text=text, icon="smile", sort_order=i, description="")
        for i, text in enumerate(texts)
    )
    return [str(pk) for pk in word_list.words.values_list("pk", flat=True)]


@pytest.fixture
def run_lesson(library):
    """A lesson with a poll, a quiz, a word cloud (1-3 words) and a scale, and a check-in."""
    raw = [
        check_in(),
        step(
            "Stemmen",
            5,
            activities=[
                (
                    "poll",
                    {
                        "question": "Wat doen we in de pauze?",
                        "answers": [
                            {"label": label, "icon": "sun"}
                            for label in ("voetballen", "tekenen", "verstoppertje")
                        ],
                        "multiple": False,
                    },
                ),
                (
                    "quiz",
                    {
                        "question": "Wat helpt als je boos bent?",
                        "answers": [
                            {"text": "hard wegrennen", "correct": False},
                            {"text": "langzaam ademhalen", "correct": True},
                            {"text": "schreeuwen", "correct": False},
                        ],
                        "explanation": "Ademen kalmeert.",
                    },
                ),
            ],
        ),
        step(
            "Woorden",
            5,
            activities=[
                (
                    "word_cloud",
                    {"question": "Hoe voel je je?", "words": words(), "picks": 3},
                ),
                (
                    "scale",
                    {
                        "question": "Hoe rustig ben je?",
                        "scale": "numbers",
                        "low_label": "niet rustig",
                        "high_label": "heel rustig",
                    },
                ),
            ],
        ),
    ]
    stream = LessonPage._meta.get_field("steps").stream_block
    lesson = LessonPageFactory(
        parent=library, slug="samen-kiezen", steps=stream.clean(stream.to_python(raw))
    )
    return LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def activities(run_lesson):
    """The lesson's activities by kind: (block id, definition)."""
    return {
        value.kind: (block_id, value.definition)
        for block_id, value in run_lesson.class_activities.items()
    }


@pytest.fixture
def run(run_lesson, school_class, teacher):
    return services.start_run(
        school_class=school_class, lesson=run_lesson, started_by=teacher
    )


@pytest.fixture
def answer_activity(run):
    """Answer an activity as a new pupil would: a fresh token each time."""

    def give(activity_id, *values, run=run):
        return services.record_answer(
            run=run,
            token=services.issue_token(run=run, activity_id=activity_id),
            chosen=list(values),
        )

    return give
