"""A pupil on a browser without JavaScript (an old tablet, a strict school setting): the
plain form, one question per screen, posted as the browser posts it, to "Bedankt!"; and
Back or the code again in that browser counts no second answer."""

from playwright.sync_api import expect

from schools.checkins.services import start_session
from schools.models import CheckInSession
from tests.e2e.test_check_in import _shots
from tests.factories import SchoolClassFactory, UserFactory


def test_a_pupil_without_javascript_answers_once(browser, site_url):
    teacher = UserFactory()
    school_class = SchoolClassFactory(pupil_count=20, teachers=[teacher])
    session = start_session(
        school_class=school_class, started_by=teacher, moment="standalone"
    )
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/doe-mee/")
    page.get_by_label("Typ de code van het bord").fill(session.code)
    page.get_by_role("button", name="Doe mee").click()
    expect(page.get_by_text("Hoe voel jij je nu?")).to_be_visible()
    question = page.locator("fieldset.question:not([hidden])")
    question.get_by_text("blij", exact=True).click()
    question.get_by_role("button", name="Volgende").click()
    expect(page.get_by_text("Hoeveel energie heb je?")).to_be_visible()
    question = page.locator("fieldset.question:not([hidden])")
    question.get_by_role("button", name="Overslaan").click()
    expect(page.get_by_text("Welk woord past nu het best bij jou?")).to_be_visible()
    question = page.locator("fieldset.question:not([hidden])")
    question.get_by_text("trots", exact=True).click()
    question.get_by_role("button", name="Klaar").click()
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
    page.screenshot(path=str(_shots() / "no-javascript-thanks.png"), full_page=True)
    counted = CheckInSession.objects.get(pk=session.pk)
    assert (counted.n, counted.mood_4, counted.feeling_trots) == (1, 1, 1)

    page.goto(f"{site_url}/doe-mee/{session.code}/")  # the question page again
    expect(page.get_by_text("Je hebt al geantwoord")).to_be_visible()
    page.goto(site_url + "/doe-mee/")
    page.get_by_label("Typ de code van het bord").fill(session.code)
    page.get_by_role("button", name="Doe mee").click()
    expect(page.get_by_text("Je hebt al geantwoord")).to_be_visible()
    assert CheckInSession.objects.get(pk=session.pk).n == 1
    context.close()
