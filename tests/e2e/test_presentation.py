"""Every demo lesson on the board: pupils see the step and its activities; the teacher's
script (the step's instructions and tips) is folded away on every slide."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def demo_lessons(site_url):
    from wagtail.models import Site

    from cms.demo.lessons import load_lessons
    from lessons.models import LessonPage

    load_lessons(home=Site.objects.get(is_default_site=True).root_page)
    return list(LessonPage.objects.live().order_by("path"))


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", str(html)).split())


def sentences(html):
    """The script's sentences as text: what must not be on the class's screen."""
    return [s for s in re.split(r"(?<=[.?!])\s+", text_of(html)) if len(s) > 12]


def test_no_slide_of_any_demo_lesson_shows_the_teachers_script(
    page, site_url, demo_lessons
):
    assert len(demo_lessons) >= 18
    for lesson in demo_lessons:
        # What the class is meant to see (the agreements, the activities' questions and
        # cards) may repeat a sentence of the script ("read the agreements aloud").
        for_the_class = text_of(
            " ".join(
                [
                    str(lesson.safety_agreements),
                    *(
                        str(activity.render_as_block())
                        for block in lesson.steps
                        if block.block_type == "step"
                        for activity in block.value["activities"]
                    ),
                ]
            )
        )
        script = [
            sentence
            for block in lesson.steps
            if block.block_type == "step"
            for sentence in sentences(str(block.value["instructions"]))
            + (
                [text_of(block.value["teacher_note"])]
                if block.value["teacher_note"]
                else []
            )
            if sentence not in for_the_class
        ]
        assert script, lesson.slug
        page.goto(f"{site_url}{lesson.url}klas/")
        slides = page.locator("[data-slide]")
        for index in range(slides.count()):
            shown = slides.nth(index).inner_text()
            for sentence in script:
                assert sentence not in shown, (lesson.slug, index + 1, sentence)
            page.keyboard.press("ArrowRight")
        # The script is there for the teacher, one click away on its slide.
        page.goto(f"{site_url}{lesson.url}klas/#dia-2")
        first_step = page.locator("[data-slide]:not([hidden]) [data-notes]")
        if first_step.count():
            first_step.locator("summary").click()
            expect(first_step.locator(".speaker-notes__text")).to_be_visible()
