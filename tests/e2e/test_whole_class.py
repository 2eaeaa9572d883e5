"""A whole class checks in: 25 pupils answer on their own devices while the board shows
only how many have answered; once the teacher closes the check-in, the distribution."""

import itertools

import pytest
from playwright.sync_api import expect

from schools.checkins.services import start_session
from schools.models import CheckInSession, Membership, Role
from tests.e2e.test_check_in import _shots, answer_with_mouse, sign_in
from tests.factories import SchoolClassFactory, UserFactory

MOODS = ["heel blij", "blij", "gewoon", "een beetje verdrietig", "blij"]
ENERGY = ["veel energie", "een beetje energie", "weinig energie"]
FEELINGS = ["blij", "rustig", "trots", "moe", "dankbaar"]


@pytest.mark.long
def test_twenty_five_pupils_answer_and_the_board_shows_only_the_count(
    browser, site_url
):
    teacher = UserFactory(username="juf-klas")
    school_class = SchoolClassFactory(
        name="groep 7", pupil_count=25, groups=["groep-7-8"], teachers=[teacher]
    )
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    session = start_session(
        school_class=school_class, started_by=teacher, moment="standalone"
    )
    board_context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    sign_in(board_context, teacher, site_url)
    board = board_context.new_page()
    board.goto(f"{site_url}/sessies/{session.code}/")
    expect(board.get_by_text("0 van 25 beantwoord")).to_be_visible()

    answers = itertools.cycle(zip(MOODS, itertools.cycle(ENERGY), FEELINGS))
    pupil = browser.new_context(locale="nl-NL")
    for number in range(1, 26):
        # Each pupil on a device of her own: a fresh browser context, nothing shared.
        pupil.close()
        pupil = browser.new_context(locale="nl-NL")
        mood, energy, feeling = next(answers)
        answer_with_mouse(
            pupil.new_page(), site_url, session.code, mood, energy, feeling
        )
        if number in (5, 12, 25):
            expect(board.get_by_text(f"{number} van 25 beantwoord")).to_be_visible(
                timeout=10_000
            )
            # While it is open: no figure on the board, in the page or its status.
            expect(board.locator(".results-cell")).to_have_count(0)
            expect(board.locator("progress")).to_have_count(0)
            status = board.request.get(f"{site_url}/sessies/{session.code}/status/")
            assert status.json()["results"] is None
    pupil.close()
    assert CheckInSession.objects.get(pk=session.pk).n == 25
    board.screenshot(path=str(_shots() / "whole-class-open.png"), full_page=True)

    board.get_by_role("button", name="Sluit de check-in").click()
    expect(board.get_by_text("Deze check-in is gesloten.")).to_be_visible()
    expect(board.locator(".results-cell")).to_have_count(3)
    expect(board.locator("progress").first).to_be_visible()
    expect(board.get_by_text("hooguit 5 af")).to_be_visible()
    board.screenshot(path=str(_shots() / "whole-class-closed.png"), full_page=True)
    board_context.close()
