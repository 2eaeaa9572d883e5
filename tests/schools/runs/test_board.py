"""The teacher's board in a lesson run, as a browser posts its forms (CSRF enforced)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from schools.models import LessonDelivery, LessonRun, RunActivity, Showing
from schools.runs import services


def csrf_of(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]


@pytest.fixture
def board(teacher):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(teacher)
    return browser


def present_url(lesson):
    return f"{lesson.url}klas/"


def test_the_teacher_starts_the_lesson_from_the_title_slide(
    board, run_lesson, school_class
):
    page = board.get(present_url(run_lesson))
    assert "Start de les met de klas" in page.text
    started = board.post(
        reverse("runs:start"),
        {
            "csrfmiddlewaretoken": csrf_of(page),
            "lesson": run_lesson.pk,
            "school_class": school_class.pk,
        },
    )
    assert started.status_code == 302 and started.url == present_url(run_lesson)
    run = LessonRun.objects.get()
    shown = board.get(present_url(run_lesson))
    assert run.code in shown.text and "Les afsluiten" in shown.text
    assert 'class="qr"' in shown.text and "run-board.js" in shown.text
    assert f'data-run-move="{reverse("runs:move", args=[run.code])}"' in shown.text
    # Running the lesson is giving it.
    assert LessonDelivery.objects.filter(
        lesson=run_lesson, school_class=school_class
    ).exists()


def test_a_post_without_the_csrf_token_is_refused(board, run_lesson, school_class):
    refused = board.post(
        reverse("runs:start"),
        {"lesson": run_lesson.pk, "school_class": school_class.pk},
    )
    assert refused.status_code == 403 and not LessonRun.objects.exists()


def test_the_board_moves_and_the_panel_counts_then_reveals(
    board, run, run_lesson, activities, answer_activity
):
    page = board.get(present_url(run_lesson))
    token = csrf_of(page)
    poll_id, poll = activities["poll"]
    moved = board.post(
        reverse("runs:move", args=[run.code]),
        {"activity": poll_id, "check_in": "0"},
        headers={"x-csrftoken": token},
    )
    assert moved.status_code == 200 and moved.json()["show"] == Showing.ACTIVITY
    panel_url = reverse("runs:panel", args=[run.code, poll_id])
    first = board.get(panel_url)
    assert "<strong>0</strong> van de 6 hebben geantwoord" in first.text
    assert "Laat de uitkomst zien" not in first.text
    values = [o["value"] for o in poll["options"]]
    for value in [values[0]] * 4 + [values[1]]:
        answer_activity(poll_id, value)
    ready = board.get(panel_url)
    assert (
        "<strong>5</strong> van de 6" in ready.text
        and "Laat de uitkomst zien" in ready.text
    )
    assert (
        "voetballen" not in ready.text.split("data-run-panel")[1]
    )  # no option before the reveal
    revealed = board.post(
        reverse("runs:reveal", args=[run.code, poll_id]),
        {"csrfmiddlewaretoken": token},
        headers={"x-requested-with": "fetch"},
    )
    assert revealed.status_code == 200 and "Wat de klas koos" in revealed.text
    assert "een paar" in revealed.text  # tekenen: one pupil
    assert RunActivity.objects.get(activity=poll_id).revealed_at is not None


def test_the_reveal_below_five_answers_explains_itself(
    board, run, run_lesson, activities
):
    poll_id, _poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    token = csrf_of(board.get(present_url(run_lesson)))
    refused = board.post(
        reverse("runs:reveal", args=[run.code, poll_id]), {"csrfmiddlewaretoken": token}
    )
    assert refused.status_code == 409
    assert "De uitkomst kan op het bord vanaf 5 antwoorden." in refused.text


def test_the_quiz_result_shows_the_right_answer_and_the_share(
    board, run, activities, answer_activity
):
    quiz_id, quiz = activities["quiz"]
    services.move_board(run=run, activity_id=quiz_id)
    right = next(o["value"] for o in quiz["options"] if o["correct"])
    for _ in range(6):
        answer_activity(quiz_id, right)
    services.reveal(run=run, activity_id=quiz_id)
    panel = board.get(reverse("runs:panel", args=[run.code, quiz_id])).text
    assert "Het goede antwoord: B – langzaam ademhalen" in panel
    assert re.search(r"\d+% had het goed", panel)


def test_the_scale_shows_its_average(board, run, activities, answer_activity):
    scale_id, _scale = activities["scale"]
    services.move_board(run=run, activity_id=scale_id)
    for value in ("6", "7", "7", "8", "6", "7"):
        answer_activity(scale_id, value)
    services.reveal(run=run, activity_id=scale_id)
    panel = board.get(reverse("runs:panel", args=[run.code, scale_id])).text
    assert re.search(r"Gemiddeld: \d", panel)


def test_ending_the_lesson_from_the_board(
    board, run, run_lesson, activities, answer_activity
):
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    answer_activity(poll_id, poll["options"][0]["value"])
    token = csrf_of(board.get(present_url(run_lesson)))
    ended = board.post(
        reverse("runs:end", args=[run.code]), {"csrfmiddlewaretoken": token}
    )
    assert ended.status_code == 302 and not RunActivity.objects.exists()
    assert "Start de les met de klas" in board.get(present_url(run_lesson)).text


def test_a_check_in_started_in_the_run_takes_the_pupils_there_and_back(
    board, run, run_lesson, school_class
):
    page = board.get(present_url(run_lesson))
    started = board.post(
        reverse("checkins:start"),
        {
            "csrfmiddlewaretoken": csrf_of(page),
            "lesson": run_lesson.pk,
            "moment": "lesson_start",
            "dia": 1,
            "school_class": school_class.pk,
        },
    )
    assert started.status_code == 302
    run.refresh_from_db()
    assert run.showing == Showing.CHECK_IN
    pupil = Client(enforce_csrf_checks=True)
    follow = pupil.get(reverse("runs:follow", args=[run.code]))
    assert follow.status_code == 302
    assert follow.url == reverse("checkins:answer", args=[run.check_in.code])
    thanks = pupil.get(reverse("checkins:thanks", args=[run.check_in.code]))
    assert reverse("runs:follow", args=[run.code]) in thanks.text
    assert "Terug naar de les" in thanks.text


def test_another_teacher_cannot_reach_the_run(run, activities):
    from tests.factories import UserFactory

    stranger = Client()
    stranger.force_login(UserFactory(username="meester-bas"))
    poll_id, _ = activities["poll"]
    for url in (reverse("runs:panel", args=[run.code, poll_id]),):
        assert stranger.get(url).status_code == 404
    assert (
        stranger.post(
            reverse("runs:move", args=[run.code]), {"activity": poll_id}
        ).status_code
        == 404
    )
    assert stranger.post(reverse("runs:end", args=[run.code])).status_code == 404
    assert LessonRun.objects.get().is_live
