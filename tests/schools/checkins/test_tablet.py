"""The kleuter tablet (groep 1-2 on the class tablet): one tap on a face is the answer,
as a plain form a browser without JavaScript posts (CSRF enforced, as a real browser),
then a thank-you that leads to a fresh answer page for the next child."""

import re
import uuid

import pytest
from django.test import Client

from schools.checkins.services import close_session, start_session
from schools.models import CheckInSession, Moment
from tests.factories import SchoolClassFactory

TABLET = "?tablet=1"


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


@pytest.fixture
def young(teacher):
    return start_session(
        school_class=SchoolClassFactory(
            name="groep 1/2", pupil_count=4, groups=["groep-1-2"], teachers=[teacher]
        ),
        started_by=teacher,
        moment=Moment.STANDALONE,
    )


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def faces_page(browser, session):
    response = browser.get(f"/doe-mee/{session.code}/{TABLET}")
    assert response.status_code == 200
    return response.content.decode()


def tap(browser, session, html, value):
    """What a browser posts for a tap on one face button: the hidden fields and the button."""
    return browser.post(
        f"/doe-mee/{session.code}/{TABLET}",
        {"token": hidden(html, "token"), "key": hidden(html, "key"), "mood": value},
    )


def counts(session):
    session = CheckInSession.objects.get(pk=session.pk)
    return session.n, session.mood_1, session.mood_3, session.mood_5


def test_each_face_is_a_button_that_answers_and_there_is_no_done_or_skip(
    browser, young
):
    html = faces_page(browser, young)
    assert f'action="/doe-mee/{young.code}/?tablet=1"' in html
    for value, word in [(1, "verdrietig"), (3, "gewoon"), (5, "blij")]:
        assert re.search(
            rf'<button type="submit" class="kleuter__answer" name="mood" value="{value}">'
            rf'\s*<svg[^>]*>.*?</svg>\s*<span class="kleuter__word">{word}</span>',
            html,
            re.S,
        ), word
        assert f'aria-label="Voorlezen: {word}"' in html
    assert html.count('type="submit"') == 3
    assert 'type="radio"' not in html
    for word in ("klaar", "overslaan", "naar", "stap"):
        assert f'name="{word}"' not in html
    assert ">Klaar<" not in html and ">Overslaan<" not in html
    # The question is read aloud with what to do.
    assert 'data-speak="Hoe voel jij je nu? Tik op een gezicht."' in html


def test_one_tap_counts_one_answer_and_thanks_lead_to_a_fresh_page(browser, young):
    html = faces_page(browser, young)
    done = tap(browser, young, html, "5")
    assert done.status_code == 302
    assert done["Location"] == f"/doe-mee/{young.code}/bedankt/{TABLET}"
    assert counts(young) == (1, 0, 0, 1)
    thanks = browser.get(done["Location"]).content.decode()
    assert "Dankjewel!" in thanks and "Volgende kind" in thanks
    assert f'href="/doe-mee/{young.code}/{TABLET}" data-next-child' in thanks
    assert "data-countdown" in thanks
    # The next child: a new one-time token and key, and no face chosen.
    again = faces_page(browser, young)
    assert hidden(again, "token") != hidden(html, "token")
    assert hidden(again, "key") != hidden(html, "key")
    assert "checked" not in again and "aria-pressed" not in again


def test_three_children_in_a_row(browser, young):
    for value in ("1", "3", "5"):
        html = faces_page(browser, young)
        assert tap(browser, young, html, value).status_code == 302
    assert counts(young) == (3, 1, 1, 1)


def test_a_double_tap_or_a_resend_counts_once(browser, young):
    html = faces_page(browser, young)
    assert tap(browser, young, html, "3").status_code == 302
    assert tap(browser, young, html, "3").status_code == 302  # the same post again
    # Another face with the same form (a second tap before the page changed).
    assert tap(browser, young, html, "1").status_code == 302
    # The same token with another key (a copy of the form sent on its own): refused.
    again = browser.post(
        f"/doe-mee/{young.code}/{TABLET}",
        {"token": hidden(html, "token"), "key": str(uuid.uuid4()), "mood": "5"},
    )
    assert again.status_code == 302
    assert counts(young) == (1, 0, 1, 0)


def test_a_forged_or_missing_face_gets_the_friendly_message(browser, young):
    html = faces_page(browser, young)
    for value in ("9", "blij", ""):
        response = tap(browser, young, html, value)
        assert response.status_code == 400, value
        assert "Kies een van de gezichtjes." in response.content.decode()
    forged = browser.post(
        f"/doe-mee/{young.code}/{TABLET}", {"token": "x", "key": "y", "mood": "5"}
    )
    assert forged.status_code == 400
    page = forged.content.decode()
    assert "kleuter__answer" in page and hidden(page, "token") != "x"  # a fresh form
    assert counts(young) == (0, 0, 0, 0)


def test_a_closed_check_in_shows_the_closed_screen(browser, young):
    html = faces_page(browser, young)
    close_session(session=young)
    for response in (
        tap(browser, young, html, "5"),
        browser.get(f"/doe-mee/{young.code}/{TABLET}"),
        browser.get(f"/doe-mee/{young.code}/bedankt/{TABLET}"),
    ):
        assert response.status_code == 410
        page = response.content.decode()
        assert "De check-in is voorbij." in page and "#moon" in page
        assert 'name="mood"' not in page and "Volgende kind" not in page
    assert counts(young) == (0, 0, 0, 0)


def test_a_full_class_shows_the_everyone_had_a_turn_screen(browser, young):
    pages = [faces_page(browser, young) for _ in range(young.cap + 1)]
    for html in pages[: young.cap]:
        assert tap(browser, young, html, "3").status_code == 302
    last = tap(browser, young, pages[-1], "3")
    assert last.status_code == 409
    assert "Iedereen is geweest." in last.content.decode()
    for url in (f"/doe-mee/{young.code}/", f"/doe-mee/{young.code}/bedankt/"):
        response = browser.get(url + TABLET)
        assert response.status_code == 409
        assert "Iedereen is geweest." in response.content.decode()
    assert counts(young)[0] == young.cap


def test_older_pupils_and_kleuters_on_their_own_device_keep_the_usual_flow(
    browser, young, session
):
    # Older pupils on the class tablet: the questions one by one, Klaar and Overslaan.
    older = faces_page(browser, session)
    assert 'name="klaar"' in older and 'name="overslaan"' in older
    assert "kleuter__answer" not in older
    thanks = browser.get(f"/doe-mee/{session.code}/bedankt/{TABLET}").content.decode()
    assert "Volgende leerling" in thanks and "Volgende kind" not in thanks
    # A kleuter class without the tablet: the radio faces and Klaar as before.
    own = browser.get(f"/doe-mee/{young.code}/").content.decode()
    assert own.count('type="radio"') == 3 and 'name="klaar"' in own
    assert "kleuter__answer" not in own
    assert (
        "Dankjewel!"
        not in browser.get(f"/doe-mee/{young.code}/bedankt/").content.decode()
    )


def test_the_tablet_keeps_no_cookie_and_stores_nothing_per_child(browser, young):
    from schools.models import UsedToken

    html = faces_page(browser, young)
    assert not browser.cookies  # no token cookie: the tablet is shared
    tap(browser, young, html, "1")
    assert not browser.cookies
    # One answer: one spent nonce (kept to refuse a second use) and counts, nothing else.
    assert UsedToken.objects.filter(session=young).count() == 1


def countdown(html):
    seconds = re.search(r'data-countdown data-seconds="([^"]*)"', html).group(1)
    shown = re.search(r"data-countdown-number>([^<]*)<", html).group(1)
    return seconds, shown


def test_the_thank_you_counts_down_four_seconds_unless_set_otherwise(
    browser, young, settings
):
    """Four seconds (the production default) on the answer page, whose thank-you
    checkin.js shows after a tap, and on the thank-you page; KLEUTER_COUNTDOWN_SECONDS
    sets another (the browser journeys use a shorter one)."""
    from cms.settings import base

    assert base.KLEUTER_COUNTDOWN_SECONDS == 4
    assert settings.KLEUTER_COUNTDOWN_SECONDS == 4  # the tests' settings keep it
    thanks_url = f"/doe-mee/{young.code}/bedankt/{TABLET}"
    assert countdown(faces_page(browser, young)) == ("4", "4")
    assert countdown(browser.get(thanks_url).content.decode()) == ("4", "4")
    settings.KLEUTER_COUNTDOWN_SECONDS = 2
    assert countdown(faces_page(browser, young)) == ("2", "2")
    assert countdown(browser.get(thanks_url).content.decode()) == ("2", "2")
