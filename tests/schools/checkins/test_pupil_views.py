"""The pupil's flow as plain HTML forms, without JavaScript."""

import re

from tests.factories import SchoolClassFactory


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_join_by_typed_code_leads_to_the_first_question(client, session):
    response = client.get("/doe-mee/", {"code": session.code.lower()})
    assert (
        response.status_code == 302
        and response["Location"] == f"/doe-mee/{session.code}/"
    )
    html = client.get(response["Location"]).content.decode()
    assert "Hoe voel jij je nu?" in html
    assert html.count("<fieldset") == 3 and html.count(" hidden>") >= 2
    assert "Wil je praten?" in html


def test_each_option_has_an_icon_a_word_and_read_aloud(client, session):
    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    for word in [
        "heel verdrietig",
        "gewoon",
        "heel blij",
        "weinig energie",
        "trots",
        "verdrietig",
    ]:
        assert f'<span class="option__word">{word}</span>' in html
    assert html.count('class="checkin-icon"') >= 5 + 3 + 10
    assert 'data-speak="heel blij"' in html
    assert 'aria-label="Voorlezen: heel blij"' in html


def test_one_question_per_screen_then_done(client, session):
    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    token, key = hidden(html, "token"), hidden(html, "key")
    second = client.post(
        f"/doe-mee/{session.code}/",
        {"token": token, "key": key, "stap": 1, "mood": "5", "naar": "2"},
    )
    assert second.status_code == 200
    assert re.search(
        r'<fieldset class="question question--energy" data-step="2" >',
        second.content.decode(),
    )
    third = client.post(
        f"/doe-mee/{session.code}/",
        {
            "token": token,
            "key": key,
            "stap": 2,
            "mood": "5",
            "energy": "high",
            "overslaan": "2",
        },
    )
    assert re.search(r'data-step="3" >', third.content.decode())
    done = client.post(
        f"/doe-mee/{session.code}/",
        {
            "token": token,
            "key": key,
            "stap": 3,
            "mood": "5",
            "energy": "",
            "feeling": "trots",
            "klaar": "1",
        },
    )
    assert (
        done.status_code == 302
        and done["Location"] == f"/doe-mee/{session.code}/bedankt/"
    )
    session.refresh_from_db()
    assert (session.n, session.mood_5, session.feeling_trots) == (1, 1, 1)
    assert session.energy_low + session.energy_medium + session.energy_high == 0
    thanks = client.get(done["Location"]).content.decode()
    assert "Bedankt!" in thanks and "Wil je praten?" in thanks


def test_pressing_done_twice_stores_one_answer(client, session):
    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    data = {
        "token": hidden(html, "token"),
        "key": hidden(html, "key"),
        "stap": 3,
        "mood": "4",
        "klaar": "1",
    }
    assert client.post(f"/doe-mee/{session.code}/", data).status_code == 302
    assert client.post(f"/doe-mee/{session.code}/", data).status_code == 302
    session.refresh_from_db()
    assert session.n == 1


def test_young_children_see_three_faces_only(client, teacher):
    from schools.checkins.services import start_session
    from schools.models import Moment

    young = start_session(
        school_class=SchoolClassFactory(groups=["groep-1-2"], teachers=[teacher]),
        started_by=teacher,
        moment=Moment.LESSON_START,
    )
    html = client.get(f"/doe-mee/{young.code}/").content.decode()
    assert html.count("<fieldset") == 1
    assert html.count('type="radio"') == 3


def test_tablet_mode_starts_fresh_for_the_next_pupil(client, session):
    html = client.get(f"/doe-mee/{session.code}/?tablet=1").content.decode()
    done = client.post(
        f"/doe-mee/{session.code}/?tablet=1",
        {
            "token": hidden(html, "token"),
            "key": hidden(html, "key"),
            "stap": 3,
            "mood": "3",
            "klaar": "1",
        },
    )
    assert done["Location"] == f"/doe-mee/{session.code}/bedankt/?tablet=1"
    thanks = client.get(done["Location"]).content.decode()
    assert (
        f'href="/doe-mee/{session.code}/?tablet=1"' in thanks
        and "Volgende leerling" in thanks
    )
    again = client.get(f"/doe-mee/{session.code}/?tablet=1").content.decode()
    assert hidden(again, "token") != hidden(html, "token")


def test_wrong_or_closed_codes_get_the_same_friendly_message(client, session):
    from schools.checkins.services import close_session

    wrong = client.get("/doe-mee/", {"code": "QQQQQQ"})
    assert wrong.status_code == 404
    assert "Deze code werkt niet" in wrong.content.decode()
    close_session(session=session)
    closed = client.get(f"/doe-mee/{session.code}/")
    assert closed.status_code == 410
    assert "gesloten" in closed.content.decode()


def test_invalid_values_get_a_message_not_an_error(client, session):
    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    response = client.post(
        f"/doe-mee/{session.code}/",
        {
            "token": hidden(html, "token"),
            "key": hidden(html, "key"),
            "stap": 3,
            "mood": "9",
            "klaar": "1",
        },
    )
    assert response.status_code == 400
    assert "Kies een van de gezichtjes." in response.content.decode()
    forged = client.post(
        f"/doe-mee/{session.code}/", {"token": "x", "key": "y", "klaar": "1"}
    )
    assert forged.status_code == 400
    session.refresh_from_db()
    assert session.n == 0


def test_the_form_works_without_javascript(client, session):
    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    assert f'<form method="post" action="/doe-mee/{session.code}/"' in html
    assert (
        'name="naar"' in html and 'name="klaar"' in html and 'name="overslaan"' in html
    )


def test_the_plain_form_reaches_thank_you_with_csrf_enforced(session):
    """As a real browser without JavaScript posts it: Django's test client skips CSRF
    checks unless told; a pupil's browser never does."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    html = browser.get(f"/doe-mee/{session.code}/").content.decode()
    token, key = hidden(html, "token"), hidden(html, "key")
    step = browser.post(
        f"/doe-mee/{session.code}/",
        {"token": token, "key": key, "stap": 1, "mood": "4", "naar": "2"},
    )
    assert step.status_code == 200
    done = browser.post(
        f"/doe-mee/{session.code}/",
        {"token": token, "key": key, "stap": 3, "mood": "4", "klaar": "1"},
    )
    assert done.status_code == 302
    assert "Bedankt!" in browser.get(done["Location"]).content.decode()
    session.refresh_from_db()
    assert session.n == 1


def test_back_or_the_code_again_counts_no_second_answer_from_the_same_browser(
    client, session
):
    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    first = hidden(html, "token")
    # Back before answering: the same token again.
    assert (
        hidden(client.get(f"/doe-mee/{session.code}/").content.decode(), "token")
        == first
    )
    client.post(
        f"/doe-mee/{session.code}/",
        {
            "token": first,
            "key": hidden(html, "key"),
            "stap": 3,
            "mood": "5",
            "klaar": "1",
        },
    )
    for again in (
        client.get(f"/doe-mee/{session.code}/"),
        client.get(client.get("/doe-mee/", {"code": session.code})["Location"]),
    ):
        page = again.content.decode()
        assert "Je hebt al geantwoord" in page and 'name="token"' not in page
        assert "Wil je praten?" in page
    session.refresh_from_db()
    assert session.n == 1
    # Another pupil on her own device, or the next one at the class tablet: a fresh form.
    from django.test import Client

    other = hidden(Client().get(f"/doe-mee/{session.code}/").content.decode(), "token")
    tablet = hidden(
        client.get(f"/doe-mee/{session.code}/?tablet=1").content.decode(), "token"
    )
    assert len({first, other, tablet}) == 3


def test_the_kept_token_is_for_this_check_in_only(
    client, session, school_class, teacher
):
    from schools.checkins.services import start_session

    html = client.get(f"/doe-mee/{session.code}/").content.decode()
    client.cookies[f"checkin-{session.code}"] = "forged"
    assert hidden(
        client.get(f"/doe-mee/{session.code}/").content.decode(), "token"
    ) != hidden(html, "token")
    other = start_session(
        school_class=school_class, started_by=teacher, moment="standalone"
    )
    client.cookies[f"checkin-{other.code}"] = hidden(
        html, "token"
    )  # a token of another check-in
    assert hidden(
        client.get(f"/doe-mee/{other.code}/").content.decode(), "token"
    ) != hidden(html, "token")
