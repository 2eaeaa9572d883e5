"""The demo library has class activities in its lessons, and the reviewed word lists they
choose from, loaded idempotently with the rest of the demo data."""

from cms.demo.lessons import load_lessons
from cms.demo.word_lists import load_word_lists, read_word_lists
from lessons.models import LessonPage
from lessons.word_lists import Word, WordList

KINDS = {"poll", "scale", "word_cloud", "wall", "strengths_choice", "quiz"}


def activities_of(lesson):
    return [
        activity
        for block in lesson.steps
        if block.block_type == "step"
        for activity in block.value["activities"]
        if activity.block_type in KINDS
    ]


def test_at_least_eight_demo_lessons_have_class_activities_of_every_kind(home):
    load_lessons(home=home)
    found = {lesson.slug: activities_of(lesson) for lesson in LessonPage.objects.live()}
    with_activities = [slug for slug, activities in found.items() if activities]
    assert len(with_activities) >= 8
    assert {a.block_type for activities in found.values() for a in activities} == KINDS
    for activities in found.values():
        for activity in activities:
            assert activity.id and activity.value.options, activity.block_type


def test_the_three_reviewed_word_lists_are_demo_data(db):
    load_word_lists()
    lists = {wl.slug: wl for wl in WordList.objects.filter(live=True)}
    assert {"gevoelens", "sterke-kanten", "wat-mij-blij-maakt"} <= set(lists)
    strengths = lists["sterke-kanten"].words.all()
    assert 12 <= len(strengths) <= 16
    assert all(word.description for word in strengths)
    assert all(word.icon for word in Word.objects.all())


def test_loading_the_word_lists_twice_keeps_every_word(db):
    load_word_lists()
    before = list(Word.objects.order_by("pk").values_list("pk", "text"))
    revisions = [wl.revisions.count() for wl in WordList.objects.order_by("pk")]
    load_word_lists()
    assert list(Word.objects.order_by("pk").values_list("pk", "text")) == before
    assert [wl.revisions.count() for wl in WordList.objects.order_by("pk")] == revisions


def test_a_word_list_with_an_unknown_icon_is_refused(db, tmp_path):
    from cms.demo.word_lists import WORD_LISTS

    path = tmp_path / "word_lists.toml"
    path.write_text(
        WORD_LISTS.read_text(encoding="utf-8").replace(
            'icon = "feeling-blij"', 'icon = "unicorn"', 1
        ),
        encoding="utf-8",
    )
    try:
        read_word_lists(path)
    except ValueError as error:
        assert "lists (gevoelens).words[1].icon" in str(error)
    else:
        raise AssertionError("refused")


def test_a_lesson_with_a_word_not_in_a_reviewed_list_is_refused(home, tmp_path):
    import shutil

    import pytest

    from cms.demo.lesson_files import LESSONS, LessonFileError

    content = tmp_path / "lessons"
    shutil.copytree(LESSONS, content)
    path = content / "blije-dingen-zonnetje.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "wat-mij-blij-maakt/lachen", "wat-mij-blij-maakt/snoepen"
        ),
        encoding="utf-8",
    )
    with pytest.raises(LessonFileError) as refused:
        load_lessons(home=home, directory=content)
    assert "no word 'wat-mij-blij-maakt/snoepen' in a reviewed word list" in str(
        refused.value
    )
    assert not LessonPage.objects.exists() and not WordList.objects.exists()
