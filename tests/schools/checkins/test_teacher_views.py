import pytest

from schools import results
from schools.checkins.services import close_session
from schools.models import Membership, Role
from tests.factories import SchoolClassFactory, UserFactory


def test_my_classes_lists_only_her_classes(client, teacher, school_class):
    SchoolClassFactory(name="groep 8 van een ander")
    client.force_login(teacher)
    html = client.get("/mijn/").content.decode()
    assert "groep 6/7" in html and "groep 8 van een ander" not in html


def test_starting_from_the_class_list_opens_the_live_view(
    client, teacher, school_class
):
    client.force_login(teacher)
    response = client.post(
        "/sessies/start/", {"school_class": school_class.pk, "moment": "standalone"}
    )
    code = response["Location"].split("/")[-2]
    live = client.get(response["Location"])
    html = live.content.decode()
    assert live.status_code == 200
    assert f">{code}</p>" in html and "<svg" in html and "/doe-mee/" in html
    assert "0 van 6 beantwoord" in html


def test_starting_from_a_lesson_records_the_lesson(
    client, teacher, school_class, lessons
):
    from schools.models import CheckInSession, LessonDelivery

    client.force_login(teacher)
    lesson = lessons["bedankje"]  # starts and ends with a check-in point
    html = client.get("/lessen/bedankje/klas/").content.decode()
    assert 'action="/sessies/start/"' in html and f'value="{lesson.pk}"' in html
    client.post(
        "/sessies/start/",
        {
            "school_class": school_class.pk,
            "moment": "lesson_start",
            "lesson": lesson.pk,
        },
    )
    session = CheckInSession.objects.get()
    assert session.lesson_id == lesson.pk and session.moment == "lesson_start"
    assert LessonDelivery.objects.filter(
        lesson=lesson, school_class=school_class
    ).exists()


def test_teachers_cannot_start_or_watch_other_classes(client, session):
    stranger = UserFactory()
    client.force_login(stranger)
    assert (
        client.post(
            "/sessies/start/",
            {"school_class": session.school_class.pk, "moment": "standalone"},
        ).status_code
        == 404
    )
    assert client.get(f"/sessies/{session.code}/").status_code == 404
    assert client.get(f"/sessies/{session.code}/status/").status_code == 404
    assert client.post(f"/sessies/{session.code}/sluiten/").status_code == 404


def test_school_admin_sees_the_classes_of_her_school(client, session):
    admin = UserFactory()
    Membership.objects.create(
        user=admin, school=session.school_class.school, role=Role.SCHOOL_ADMIN
    )
    client.force_login(admin)
    assert client.get(f"/sessies/{session.code}/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, session):
    response = client.get(f"/sessies/{session.code}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_while_open_the_board_shows_only_how_many_have_answered(
    client, teacher, session, answer
):
    client.force_login(teacher)
    for mood in (1, 2, 3, 4, 5, 5):
        answer(mood=mood)
    status = client.get(f"/sessies/{session.code}/status/").json()
    assert status == {"answered": 6, "expected": 6, "open": True, "results": None}
    html = client.get(f"/sessies/{session.code}/").content.decode()
    assert "6 van 6 beantwoord" in html and "<progress" not in html
    assert "Toon de resultaten nu" not in html  # there is no way to show them early
    close_session(session=session)
    status = client.get(f"/sessies/{session.code}/status/").json()
    assert status["results"] == results.session_results(session)


def test_closing_shows_the_distribution_and_says_it_is_perturbed(
    client, teacher, school_class, answer
):
    from schools.checkins.services import start_session

    school_class.pupil_count = 28
    school_class.save()
    session = start_session(
        school_class=school_class, started_by=teacher, moment="standalone"
    )
    client.force_login(teacher)
    for mood in (3, 4, 5) * 7 + (4,):
        answer(session=session, mood=mood, energy="high")
    response = client.post(f"/sessies/{session.code}/sluiten/")
    assert response.status_code == 302
    html = client.get(f"/sessies/{session.code}/").content.decode()
    assert "Deze check-in is gesloten." in html
    mood = results.session_results(session)["mood"]
    assert not mood["suppressed"]  # seven or more of each: always shown
    assert f'<progress max="100" value="{mood["percentages"]["4"]}"' in html
    assert "hooguit 5" in html and "1 tot 4 antwoorden" in html


@pytest.mark.parametrize("moods", [(5, 5, 5, 5), (1, 2, 3, 4), (4, 4, 4, 4, 4, 4, 4)])
def test_results_reveal_nothing_below_five_or_when_all_agree(
    client, teacher, session, answer, moods
):
    client.force_login(teacher)
    for mood in moods:
        answer(mood=mood)
    close_session(session=session)
    status = client.get(f"/sessies/{session.code}/status/").json()
    assert status["results"]["mood"] == {"suppressed": True}
    html = client.get(f"/sessies/{session.code}/").content.decode()
    assert "Te weinig antwoorden om te tonen." in html
    assert "(100%)" not in html and "<progress" not in html


def test_tampered_start_forms_get_a_404_or_a_plain_session(
    client, teacher, school_class
):
    client.force_login(teacher)
    assert client.post("/sessies/start/", {"school_class": "abc"}).status_code == 404
    assert client.post("/sessies/start/", {}).status_code == 404
    assert client.post("/sessies/start/", {"school_class": "9" * 30}).status_code == 404
    response = client.post(
        "/sessies/start/",
        {"school_class": school_class.pk, "moment": "nacht", "lesson": "x"},
    )
    assert response.status_code == 302
    from schools.models import CheckInSession

    session = CheckInSession.objects.get()
    assert session.moment == "standalone" and session.lesson is None


def test_signed_in_teachers_find_their_classes_from_every_page(client, teacher, home):
    assert 'href="/mijn/"' not in client.get("/").content.decode()
    client.force_login(teacher)
    assert 'href="/mijn/">Mijn klassen</a>' in client.get("/").content.decode()
