"""The teacher starts a check-in from presentation mode; five pupils on their own devices
join by code and answer (one by keyboard only, one whose network drops); the count rises;
the teacher closes and sees the distribution; the database holds exactly those answers,
as counts."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from schools.models import CheckInSession, Membership, Role
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
    UserFactory,
    check_in,
    step,
)


def sign_in(context, user, site_url):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )


def choose(page, word):
    page.locator("fieldset.question:not([hidden])").get_by_text(
        word, exact=True
    ).click()


def answer_with_mouse(page, site_url, code, mood, energy, feeling):
    page.goto(site_url + "/doe-mee/")
    page.get_by_label("Typ de code van het bord").fill(code.lower())
    page.get_by_role("button", name="Doe mee").click()
    expect(page.get_by_text("Hoe voel jij je nu?")).to_be_visible()
    choose(page, mood)
    page.locator("fieldset.question:not([hidden])").get_by_role(
        "button", name="Volgende"
    ).click()
    choose(page, energy)
    page.locator("fieldset.question:not([hidden])").get_by_role(
        "button", name="Volgende"
    ).click()
    choose(page, feeling)
    page.get_by_role("button", name="Klaar").click()
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
    expect(page.get_by_text("Wil je praten?")).to_be_visible()


@pytest.mark.long
def test_a_class_checks_in_and_the_teacher_sees_the_result(browser, site_url):
    from wagtail.models import Site

    library = LessonIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page
    )
    LessonPageFactory(
        parent=library,
        slug="dankbaar",
        title="Dankbaar",
        steps=[check_in("lesson_start"), step("Kring", 10)],
    )
    teacher = UserFactory(username="juf-e2e")
    school_class = SchoolClassFactory(
        name="groep 6/7",
        pupil_count=6,
        groups=["groep-5-6", "groep-7-8"],
        teachers=[teacher],
    )
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )

    board_context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    sign_in(board_context, teacher, site_url)
    board = board_context.new_page()
    board.goto(site_url + "/lessen/dankbaar/klas/")
    # The title, the "Doe mee" slide (a lesson run), then the check-in.
    board.keyboard.press("ArrowRight")
    board.keyboard.press("ArrowRight")
    expect(board.get_by_role("heading", name="Hoe voel jij je nu?")).to_be_visible()
    board.get_by_role("button", name="Start de check-in").click()
    expect(board.get_by_text("0 van 6 beantwoord")).to_be_visible()
    started = CheckInSession.objects.get()
    code = started.code
    assert started.moment == "lesson_start"  # the slide's own check-in point
    expect(board.locator(".live__code")).to_have_text(code)
    board.screenshot(path=str(_shots() / "check-in-board.png"), full_page=True)

    pupils = [browser.new_context(locale="nl-NL") for _ in range(5)]
    given = [
        ("heel blij", "veel energie", "trots"),
        ("blij", "een beetje energie", "rustig"),
        ("gewoon", "weinig energie", "moe"),
    ]
    for context, (mood, energy, feeling) in zip(pupils[:3], given, strict=True):
        answer_with_mouse(context.new_page(), site_url, code, mood, energy, feeling)

    # Pupil 4: keyboard only.
    page = pupils[3].new_page()
    page.goto(site_url + "/doe-mee/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    expect(page.get_by_label("Typ de code van het bord")).to_be_focused()
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Hoe voel jij je nu?")).to_be_visible()
    while page.evaluate("document.activeElement.name") != "mood":
        page.keyboard.press(
            "Tab"
        )  # past the skip link and the read-aloud button, to the first face
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # fourth face: blij
    expect(page.locator("#mood-4")).to_be_checked()
    while page.evaluate("document.activeElement.name") != "naar":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Hoeveel energie heb je?")).to_be_focused()
    while page.evaluate("document.activeElement.name") != "overslaan":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # skip energy
    expect(page.get_by_text("Welk woord past nu het best bij jou?")).to_be_focused()
    while page.evaluate("document.activeElement.name") != "klaar":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # no feeling word either
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()

    # Pupil 5: the school wifi drops just before "Klaar", and comes back.
    page = pupils[4].new_page()
    page.goto(f"{site_url}/doe-mee/{code}/")
    choose(page, "heel verdrietig")
    page.locator("fieldset.question:not([hidden])").get_by_role(
        "button", name="Volgende"
    ).click()
    page.locator("fieldset.question:not([hidden])").get_by_role(
        "button", name="Volgende"
    ).click()
    choose(page, "boos")
    pupils[4].set_offline(True)
    page.get_by_role("button", name="Klaar").click()
    expect(page.get_by_text("Er is nu geen verbinding.")).to_be_visible()
    assert CheckInSession.objects.get().n == 4
    pupils[4].set_offline(False)
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible(timeout=20_000)

    expect(board.get_by_text("5 van 6 beantwoord")).to_be_visible(timeout=10_000)
    expect(board.get_by_text("Te weinig antwoorden om te tonen.")).to_have_count(0)
    board.get_by_role("button", name="Sluit de check-in").click()
    expect(board.get_by_text("Deze check-in is gesloten.")).to_be_visible()
    expect(board.get_by_role("heading", name="Hoe voel jij je nu?")).to_be_visible()
    expect(board.locator(".results-cell")).to_have_count(3)
    expect(board.get_by_text("hooguit 5 af")).to_be_visible()
    board.screenshot(path=str(_shots() / "check-in-results.png"), full_page=True)

    session = CheckInSession.objects.get()
    counted = {
        name: getattr(session, name)
        for name in ("n", "mood_1", "mood_3", "mood_4", "mood_5", "energy_high")
    }
    assert counted == {
        "n": 5,
        "mood_1": 1,
        "mood_3": 1,
        "mood_4": 2,
        "mood_5": 1,
        "energy_high": 1,
    }
    assert (session.energy_medium, session.energy_low, session.mood_2) == (1, 1, 0)
    feelings = ("feeling_trots", "feeling_rustig", "feeling_moe", "feeling_boos")
    assert [getattr(session, name) for name in feelings] == [1, 1, 1, 1]
    for context in [board_context, *pupils]:
        context.close()


def _shots():
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
