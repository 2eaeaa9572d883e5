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


BOARDS = {
    "1920x1080": {"width": 1920, "height": 1080},
    "1366x768": {"width": 1366, "height": 768},
    "4:3": {"width": 1024, "height": 768},
}

# Walks the deck with the keyboard as the teacher does and measures each slide as shown:
# what of it lies below the top of the control bar, whether the page scrolls, and the
# smallest text the class has to read.
MEASURE = """() => {
    const bar = document.querySelector(".deck-bar").getBoundingClientRect().top;
    const seen = [];
    for (let guard = 0; guard < 100; guard++) {
        const slide = document.querySelector("[data-slide]:not([hidden])");
        let bottom = 0, smallest = 999;
        for (const el of slide.querySelectorAll("*")) {
            const notes = el.closest("[data-notes]");
            if (notes && !el.matches("[data-notes], [data-notes] > summary")) continue;
            const box = el.getBoundingClientRect();
            if (!box.height) continue;
            bottom = Math.max(bottom, box.bottom);
            // The folded notes are the teacher's, in her size; the rest is the class's.
            if (!notes && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
                smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
        }
        seen.push({
            label: slide.getAttribute("aria-label"),
            below: Math.round(bottom - bar),
            scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
            smallest,
            progress: document.querySelector("[data-progress]").textContent,
        });
        const next = document.querySelector("[data-next]");
        if (next.disabled) break;
        next.click();
    }
    return seen;
}"""


@pytest.mark.parametrize("board", BOARDS)
def test_every_slide_of_every_demo_lesson_fits_the_board(
    page, site_url, demo_lessons, board
):
    """Scaled down to a readable minimum first, then split into a slide and its sequel:
    nothing runs under the control bar and the board never scrolls."""
    page.set_viewport_size(BOARDS[board])
    too_big = []
    for lesson in demo_lessons:
        page.goto(f"{site_url}{lesson.url}klas/")
        for number, slide in enumerate(page.evaluate(MEASURE), 1):
            if slide["below"] > 0 or slide["scrolls"] or slide["smallest"] < 18:
                too_big.append((lesson.slug, number, slide))
    assert not too_big, too_big


def test_a_check_in_from_a_slide_runs_on_the_board_and_returns_to_that_slide(
    browser, site_url
):
    from wagtail.models import Site

    from schools.models import CheckInSession, Membership, Role
    from tests.e2e.test_accessibility import Audit
    from tests.e2e.test_check_in import sign_in
    from tests.factories import (
        LessonIndexPageFactory,
        LessonPageFactory,
        SchoolClassFactory,
        UserFactory,
        check_in,
        step,
    )

    library = LessonIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page
    )
    LessonPageFactory(
        parent=library,
        slug="kring",
        title="Kring",
        steps=[step("Samen praten", 10), check_in("lesson_end")],
    )
    teacher = UserFactory(username="juf-bord")
    groep5, groep6 = (
        SchoolClassFactory(name=name, pupil_count=6, teachers=[teacher])
        for name in ("groep 5", "groep 6")
    )
    Membership.objects.create(user=teacher, school=groep5.school, role=Role.TEACHER)
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1366, "height": 768}
    )
    sign_in(context, teacher, site_url)
    board = context.new_page()
    # For a signed-in teacher the "Doe mee" slide (a lesson run) comes after the title.
    board.goto(site_url + "/lessen/kring/klas/#dia-4")
    expect(board.locator("[data-progress]")).to_have_text("Dia 4 van 4")
    # The chooser: big targets with the classes' names, the first chosen.
    chooser = board.get_by_role("group", name="Welke klas?")
    for name in ("groep 5", "groep 6"):
        assert chooser.get_by_text(name).bounding_box()["height"] >= 64
    expect(chooser.get_by_role("radio", name="groep 5")).to_be_checked()
    Audit(board).check("check-in slide")
    chooser.get_by_text("groep 6").click()
    board.get_by_role("button", name="Start de check-in").click()

    # On the board, in the presentation: the code, the count, the way back.
    session = CheckInSession.objects.get()
    assert session.school_class == groep6 and session.moment == "lesson_end"
    expect(board.locator(".live__code")).to_have_text(session.code)
    expect(board.get_by_text("0 van 6 beantwoord")).to_be_visible()
    Audit(board).check("check-in on the board")
    board.get_by_role("button", name="Sluit de check-in").click()
    expect(board.get_by_text("Deze check-in is gesloten.")).to_be_visible()
    board.get_by_role("link", name="Terug naar de les").click()

    # Back on the slide it started from, with the class of this check-in chosen.
    expect(board.locator("[data-progress]")).to_have_text("Dia 4 van 4")
    expect(
        board.locator("[data-slide]:not([hidden])").get_by_role("radio", name="groep 6")
    ).to_be_checked()
    context.close()
