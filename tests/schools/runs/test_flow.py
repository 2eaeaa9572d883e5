"""A lesson run from start to end: the board leads, pupils follow, answers are counts."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from schools.checkins.services import TokenUsed
from schools.models import LessonRun, OptionCount, RunActivity, Showing
from schools.runs import following, services


def test_starting_twice_gives_the_same_run_and_code(
    run, run_lesson, school_class, teacher
):
    again = services.start_run(
        school_class=school_class, lesson=run_lesson, started_by=teacher
    )
    assert again.pk == run.pk and again.code == run.code
    assert run.showing == Showing.WAIT and run.is_live


def test_the_run_ends_at_the_end_of_the_school_day(run):
    local = run.ends_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Amsterdam"))
    assert (local.hour, local.minute) == (0, 0)
    assert run.ends_at > run.started_at


def test_moving_the_board_to_an_activity_copies_it_and_gives_it_counters(
    run, activities
):
    poll_id, poll = activities["poll"]
    before = following.current(run.code)["v"]
    services.move_board(run=run, activity_id=poll_id)
    run.refresh_from_db()
    assert (run.showing, run.activity) == (Showing.ACTIVITY, poll_id)
    assert following.current(run.code)["v"] == before + 1
    activity = RunActivity.objects.get(run=run)
    assert activity.definition == poll
    assert sorted(activity.counts.values_list("option", "n")) == sorted(
        (o["value"], 0) for o in poll["options"]
    )
    # The same slide again (a second board, a reload) changes nothing.
    services.move_board(run=run, activity_id=poll_id)
    assert following.current(run.code)["v"] == before + 1


def test_an_unknown_activity_shows_the_pupils_the_board(run):
    services.move_board(run=run, activity_id="not-in-this-lesson")
    run.refresh_from_db()
    assert run.showing == Showing.WAIT and not RunActivity.objects.exists()


def test_an_answer_adds_to_counts_once(run, activities, answer_activity):
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    first = poll["options"][0]["value"]
    token = services.issue_token(run=run, activity_id=poll_id)
    services.record_answer(run=run, token=token, chosen=[first])
    with pytest.raises(TokenUsed):
        services.record_answer(
            run=run, token=token, chosen=[poll["options"][1]["value"]]
        )
    activity = RunActivity.objects.get(run=run)
    assert activity.n == 1
    assert dict(activity.counts.values_list("option", "n"))[first] == 1
    assert sum(activity.counts.values_list("n", flat=True)) == 1


@pytest.mark.parametrize(
    "chosen, message",
    [([], "Kies een antwoord"), (["nope"], "Kies een antwoord"), (["a", "b"], None)],
)
def test_an_answer_must_fit_the_question(run, activities, chosen, message):
    from django.core.exceptions import ValidationError

    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    if message is None:
        chosen = [o["value"] for o in poll["options"][:2]]
    with pytest.raises(ValidationError):
        services.record_answer(
            run=run,
            token=services.issue_token(run=run, activity_id=poll_id),
            chosen=chosen,
        )
    assert RunActivity.objects.get(run=run).n == 0


def test_a_word_cloud_takes_one_to_three_words(run, activities, answer_activity):
    cloud_id, cloud = activities["word_cloud"]
    services.move_board(run=run, activity_id=cloud_id)
    values = [o["value"] for o in cloud["options"]]
    answer_activity(cloud_id, *values[:3])
    answer_activity(cloud_id, values[0])
    counts = dict(OptionCount.objects.values_list("option", "n"))
    assert counts[values[0]] == 2 and counts[values[2]] == 1
    assert RunActivity.objects.get(run=run).n == 2


def test_the_class_cap_holds(run, activities, answer_activity):
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    value = poll["options"][0]["value"]
    for _ in range(run.expected + 2):
        answer_activity(poll_id, value)
    with pytest.raises(services.ActivityFull):
        answer_activity(poll_id, value)
    assert RunActivity.objects.get(run=run).n == run.expected + 2


def test_the_reveal_needs_five_answers_and_closes_the_question(
    run, activities, answer_activity
):
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    value = poll["options"][0]["value"]
    for _ in range(4):
        answer_activity(poll_id, value)
    with pytest.raises(services.TooFewAnswers):
        services.reveal(run=run, activity_id=poll_id)
    answer_activity(poll_id, value)
    services.reveal(run=run, activity_id=poll_id)
    with pytest.raises(services.ActivityClosed):
        answer_activity(poll_id, value)
    assert RunActivity.objects.get(run=run).n == 5


def test_ending_the_run_deletes_every_count_and_token_and_keeps_activities_held(
    run, activities, answer_activity
):
    for kind in ("poll", "quiz"):
        activity_id, definition = activities[kind]
        services.move_board(run=run, activity_id=activity_id)
        if kind == "poll":
            answer_activity(activity_id, definition["options"][0]["value"])
    services.end_run(run=run)
    run.refresh_from_db()
    assert not RunActivity.objects.exists() and not OptionCount.objects.exists()
    assert not run.spent_tokens.exists()
    assert (run.activities_held, run.showing, run.is_live) == (1, Showing.ENDED, False)
    assert following.current(run.code)["show"] == Showing.ENDED


def test_runs_past_their_end_are_ended_by_the_nightly_purge(
    run, activities, answer_activity
):
    from django.core.management import call_command

    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    answer_activity(poll_id, poll["options"][0]["value"])
    LessonRun.objects.filter(pk=run.pk).update(ends_at=run.started_at)
    call_command("purge_checkins", stdout=__import__("io").StringIO())
    assert not OptionCount.objects.exists() and not RunActivity.objects.exists()
    assert LessonRun.objects.get(pk=run.pk).activities_held == 1


def test_a_pupil_joins_once_and_follows_the_board(run, activities):
    pupil = Client(enforce_csrf_checks=True)
    joined = pupil.get(reverse("checkins:join"), {"code": run.code.lower()})
    assert joined.status_code == 302 and joined.url == reverse(
        "runs:follow", args=[run.code]
    )
    waiting = pupil.get(joined.url)
    assert waiting.status_code == 200 and "Kijk naar het bord" in waiting.text
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    question = pupil.get(joined.url)
    assert poll["question"] in question.text
    token = question.context["token"]
    sent = pupil.post(
        joined.url, {"token": token, "keuze": poll["options"][1]["value"]}
    )
    assert sent.status_code == 302
    thanks = pupil.get(joined.url)
    assert "Dank je" in thanks.text and "keuze" not in thanks.text
    assert RunActivity.objects.get(run=run).n == 1


def test_the_state_endpoint_answers_304_for_the_current_version(
    run, client, django_assert_num_queries
):
    url = reverse("runs:board_state", args=[run.code])
    first = client.get(url)
    assert first.status_code == 200 and first.json()["show"] == "wait"
    with django_assert_num_queries(0):
        again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_a_shared_tablet_takes_one_answer_per_pupil_and_keeps_no_cookie(
    run, activities
):
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    tablet = Client(enforce_csrf_checks=True)
    url = reverse("runs:follow", args=[run.code]) + "?tablet=1"
    tokens = set()
    for pupil in range(3):
        question = tablet.get(url)
        assert question.status_code == 200 and not question.cookies
        tokens.add(question.context["token"])
        done = tablet.post(
            url,
            {
                "token": question.context["token"],
                "keuze": poll["options"][pupil]["value"],
            },
        )
        assert done.status_code == 200 and "Volgende leerling" in done.text
    assert len(tokens) == 3 and RunActivity.objects.get(run=run).n == 3


def test_a_wrong_or_missing_choice_gets_a_friendly_dutch_error(run, activities):
    poll_id, _poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    pupil = Client(enforce_csrf_checks=True)
    url = reverse("runs:follow", args=[run.code])
    question = pupil.get(url)
    refused = pupil.post(url, {"token": question.context["token"]})
    assert refused.status_code == 400 and "Kies een antwoord." in refused.text
    forged = pupil.post(url, {"token": "forged", "keuze": "x"})
    assert forged.status_code == 400 and "Deze vraag is te oud" in forged.text
    assert RunActivity.objects.get(run=run).n == 0


def test_after_the_end_pupils_see_that_the_lesson_has_ended(run):
    services.end_run(run=run)
    page = Client().get(reverse("runs:follow", args=[run.code]))
    assert page.status_code == 410 and "De les is afgelopen" in page.text
    state = Client().get(reverse("runs:board_state", args=[run.code])).json()
    assert state["show"] == "ended"


def test_a_wrong_code_on_the_follow_page_and_the_state_gets_a_404(db):
    assert Client().get(reverse("runs:follow", args=["ACDEFG"])).status_code == 404
    missing = Client().get(reverse("runs:board_state", args=["ACDEFG"]))
    assert missing.status_code == 404 and "code" in missing.json()["detail"]


def test_a_run_past_its_end_keeps_nothing_once_touched(
    run, activities, answer_activity, teacher
):
    """Before the nightly purge: the board's panel and the pupils' page end it."""
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    for _ in range(5):
        answer_activity(poll_id, poll["options"][0]["value"])
    services.reveal(run=run, activity_id=poll_id)
    LessonRun.objects.filter(pk=run.pk).update(ends_at=run.started_at)
    board = Client()
    board.force_login(teacher)
    assert board.get(reverse("runs:panel", args=[run.code, poll_id])).status_code == 404
    assert not OptionCount.objects.exists() and not RunActivity.objects.exists()
    assert LessonRun.objects.get(pk=run.pk).activities_held == 1


def test_the_screens_that_follow_a_run_do_not_use_up_their_schools_rate(
    run, activities, monkeypatch, settings
):
    """A school's pupils share one address and one "pupils" rate. The screens of a run
    (they carry its follower tag: the address their page gives them, the ETag of its
    state) are counted per run instead, so a class following its board for an hour does
    not lock the school's other classes out, nor itself (bench/follow.py found it: 75
    screens of one school got 429s on their polls after a few slide changes)."""
    from django.core.cache import cache

    from schools.checkins.throttling import BATCHES, HashedScopedRateThrottle

    cache.clear()
    BATCHES.clear()
    monkeypatch.setattr(
        HashedScopedRateThrottle, "THROTTLE_RATES", {"pupils": "3/minute"}
    )
    poll_id, poll = activities["poll"]
    screen = Client(enforce_csrf_checks=True)
    joined = screen.get(reverse("runs:follow", args=[run.code]))  # 1 of 3
    page_url = following.page_url(run)
    assert joined.status_code == 200
    assert f'data-page-url="{escape(page_url)}"' in joined.content.decode()
    state = screen.get(reverse("runs:board_state", args=[run.code]))  # 2 of 3
    etag = state["ETag"]
    assert etag.startswith(f'"{following.tag_of(run)}-')
    Client().get(reverse("runs:follow", args=[run.code]))  # 3 of 3: another pupil
    assert Client().get(reverse("runs:follow", args=[run.code])).status_code == 429
    slides = [activity_id for activity_id, _definition in activities.values()]
    for activity_id in slides * 2:  # the board moves on: the screen keeps following it
        services.move_board(run=run, activity_id=activity_id)
        asked = screen.get(
            reverse("runs:board_state", args=[run.code]), HTTP_IF_NONE_MATCH=etag
        )
        assert asked.status_code == 200, asked.content
        etag = asked["ETag"]
        assert screen.get(page_url).status_code == 200
    services.move_board(run=run, activity_id=poll_id)
    token = services.issue_token(run=run, activity_id=poll_id)
    answered = screen.post(
        page_url, {"token": token, "keuze": [poll["options"][0]["value"]]}
    )
    assert (answered.status_code, answered["Location"]) == (302, page_url)
    # The school's rate is still used up for everyone else.
    assert Client().get(reverse("runs:board_state", args=[run.code])).status_code == 429
