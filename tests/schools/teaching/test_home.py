"""A teacher's home (/mijn/): her classes, what each had and what is planned week by
week, her saved lessons and recent check-ins; every form with CSRF enforced, and nothing
of another teacher's."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schools.models import FavouriteLesson, PlannedLesson
from schools.templatetags.teaching_tags import week_label
from tests.factories import LessonPageFactory, SchoolClassFactory, add_delivery
from tests.schools.teaching.conftest import weeks_after


def plan(signed_in, school_class, series, week):
    return signed_in.post(
        f"/mijn/klas/{school_class.pk}/plannen/",
        {"series": series.pk, "week": week.isoformat()},
    )


def test_a_teacher_plans_a_series_week_by_week(
    teacher, school_class, series, this_week, signed_in
):
    her = signed_in(teacher)
    response = plan(her, school_class, series, this_week)
    assert response.status_code == 302
    assert response["Location"] == f"/mijn/#klas-{school_class.pk}"
    planned = list(PlannedLesson.objects.filter(school_class=school_class))
    assert [(p.lesson.title, p.week) for p in planned] == [
        ("Wat is geluk?", this_week),
        ("Dank je wel", weeks_after(this_week, 1)),
        ("Mijn sterke kant", weeks_after(this_week, 2)),
    ]
    assert {p.series_id for p in planned} == {series.pk}

    html = her.get("/mijn/").content.decode()
    assert "Gelukkig in de klas staat gepland voor groep 6/7: 3 lessen" in html
    for n, title in enumerate(["Wat is geluk?", "Dank je wel", "Mijn sterke kant"]):
        assert week_label(weeks_after(this_week, n)) in html
        assert title in html
    assert "deze week" in html


def test_weeks_are_written_as_dutch_teachers_write_them():
    assert week_label(datetime.date(2026, 11, 30)) == "week 49 · 30 november"
    assert week_label(datetime.date(2027, 1, 4)) == "week 1 · 4 januari"


def test_she_moves_and_removes_a_planned_lesson(
    teacher, school_class, series, this_week, signed_in
):
    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    first, second, third = PlannedLesson.objects.filter(school_class=school_class)
    later = weeks_after(this_week, 5)
    response = her.post(f"/mijn/gepland/{first.pk}/verplaatsen/", {"week": later})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.week == later

    # Into a week where the same lesson is already planned: a friendly no.
    response = her.post(
        f"/mijn/gepland/{second.pk}/verplaatsen/", {"week": first.week.isoformat()}
    )
    assert response.status_code == 302  # another lesson: fine
    response = her.post(f"/mijn/gepland/{third.pk}/weghalen/", {})
    assert response.status_code == 302
    assert not PlannedLesson.objects.filter(pk=third.pk).exists()
    html = her.get("/mijn/").content.decode()
    assert f'id="gepland-{third.pk}"' not in html
    assert "Mijn sterke kant staat niet meer gepland voor groep 6/7." in html


@pytest.mark.parametrize(
    "data, message",
    [
        ({"week": "2020-01-06"}, "Die week is voorbij"),
        ({"week": "morgen"}, "Kies een week"),
        ({"week": ""}, "Kies een week"),
        ({"week": "9999-12-27"}, "Kies een week binnen het komende jaar"),
        ({"series": "999999"}, "Kies een reeks uit de lijst"),
        # Beyond any database's integer (SQLite raised OverflowError: a 500).
        ({"series": "9" * 23}, "Kies een reeks uit de lijst"),
        ({"series": "x' OR 1=1"}, "Kies een reeks uit de lijst"),
        ({"series": ""}, "Kies een reeks"),
    ],
)
def test_bad_input_gets_a_friendly_dutch_answer(
    teacher, school_class, series, this_week, signed_in, data, message
):
    her = signed_in(teacher)
    response = her.post(
        f"/mijn/klas/{school_class.pk}/plannen/",
        {"series": series.pk, "week": this_week.isoformat(), **data},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PlannedLesson.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_id_beyond_any_database_is_not_found(
    teacher, school_class, signed_in, method
):
    her = signed_in(teacher)
    for url in ("/mijn/bewaren/", "/mijn/klas/", "/mijn/gepland/"):
        suffix = "/" if url == "/mijn/bewaren/" else "/plannen/"
        response = getattr(her, method)(f"{url}{'9' * 23}{suffix}")
        assert response.status_code == 404, url


def test_a_series_is_not_planned_twice(
    teacher, school_class, series, this_week, signed_in
):
    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    response = plan(her, school_class, series, weeks_after(this_week, 4))
    assert response.status_code == 400
    assert "al gepland" in response.content.decode()
    assert PlannedLesson.objects.count() == 3


def test_moving_to_a_past_week_is_refused(
    teacher, school_class, series, this_week, signed_in
):
    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    first = PlannedLesson.objects.first()
    response = her.post(
        f"/mijn/gepland/{first.pk}/verplaatsen/",
        {"week": weeks_after(this_week, -1).isoformat()},
    )
    assert response.status_code == 400
    assert "Die week is voorbij" in response.content.decode()
    first.refresh_from_db()
    assert first.week == this_week


def test_a_planned_lesson_that_was_given_shows_as_given(
    teacher, school_class, series, this_week, signed_in
):
    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    first = PlannedLesson.objects.first()
    add_delivery(school_class, first.lesson, this_week)
    html = her.get("/mijn/").content.decode()
    assert f"Gegeven op {this_week.day}" in html
    # Given, it has no move or remove buttons any more; the others still do.
    assert f"/mijn/gepland/{first.pk}/weghalen/" not in html
    assert "/weghalen/" in html
    # And it is among the lessons the class had.
    assert html.count("Wat is geluk?") >= 2


def test_a_lesson_given_before_she_planned_it_again_is_not_given(
    teacher, school_class, series, this_week, signed_in
):
    first = series.get_lessons()[0]
    add_delivery(school_class, first, this_week - datetime.timedelta(days=21))
    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    planned = PlannedLesson.objects.get(lesson=first)
    html = her.get("/mijn/").content.decode()
    assert "Gegeven op" not in html
    assert f"/mijn/gepland/{planned.pk}/weghalen/" in html


def test_the_class_had_lessons_most_recent_first_and_what_comes_next(
    teacher, school_class, series, this_week, signed_in
):
    lessons = series.get_lessons()
    add_delivery(school_class, lessons[0], this_week - datetime.timedelta(days=14))
    add_delivery(school_class, lessons[1], this_week - datetime.timedelta(days=7))
    html = signed_in(teacher).get("/mijn/").content.decode()
    had = html[html.index("Gegeven lessen") :]
    assert had.index("Dank je wel") < had.index("Wat is geluk?")
    assert "Volgende les uit de reeks" in html
    next_up = html[html.index("Volgende les uit de reeks") :]
    assert next_up.index("Mijn sterke kant") < next_up.index("</p>")


def test_the_forms_need_the_csrf_token(teacher, school_class, series, this_week):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    lesson = series.get_lessons()[0]
    for url, data in [
        (
            f"/mijn/klas/{school_class.pk}/plannen/",
            {"series": series.pk, "week": this_week},
        ),
        (f"/mijn/bewaren/{lesson.pk}/", {"action": "save"}),
    ]:
        assert client.post(url, data).status_code == 403
    assert not PlannedLesson.objects.exists() and not FavouriteLesson.objects.exists()


# --- Scoping: teacher B never sees, plans or unplans for teacher A's class.


def test_another_teachers_class_is_a_404(
    teacher, school_class, other_teacher, series, this_week, signed_in
):
    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    hers = PlannedLesson.objects.first()
    him = signed_in(other_teacher)
    assert plan(him, school_class, series, this_week).status_code == 404
    assert (
        him.post(
            f"/mijn/gepland/{hers.pk}/verplaatsen/", {"week": this_week}
        ).status_code
        == 404
    )
    assert him.post(f"/mijn/gepland/{hers.pk}/weghalen/").status_code == 404
    assert PlannedLesson.objects.count() == 3
    html = him.get("/mijn/").content.decode()
    assert "groep 6/7" not in html and "Wat is geluk?" not in html
    assert "groep 8 van Bram" in html


def test_an_archived_class_plans_nothing(
    teacher, school_class, series, this_week, signed_in
):
    school_class.archived_on = datetime.date(2026, 1, 1)
    school_class.save()
    her = signed_in(teacher)
    token_page = f"/mijn/bewaren/{series.get_lessons()[0].pk}/"
    response = her.post(
        f"/mijn/klas/{school_class.pk}/plannen/",
        {"series": series.pk, "week": this_week.isoformat()},
        page=token_page,
    )
    assert response.status_code == 404


# --- Saved lessons.


def test_she_saves_a_lesson_and_finds_it_on_her_home(
    teacher, school_class, lessons, other_teacher, signed_in
):
    her = signed_in(teacher)
    lesson = lessons["bedankje"]
    url = f"/mijn/bewaren/{lesson.pk}/"
    page = her.get(url).content.decode()
    assert "Bewaar deze les" in page
    response = her.post(url, {"action": "save"}, page=url)
    assert response.status_code == 302 and response["Location"] == url
    assert "Je hebt deze les bewaard" in her.get(url).content.decode()
    html = her.get("/mijn/").content.decode()
    saved = html[html.index("Bewaarde lessen") :]
    assert "Een bedankje in de kring" in saved

    # Not his: his home has none, and his "remove" removes only his own.
    him = signed_in(other_teacher)
    assert "Een bedankje in de kring" not in him.get("/mijn/").content.decode()
    him.post(url, {"action": "remove"}, page=url)
    assert FavouriteLesson.objects.filter(user=teacher, lesson=lesson).exists()

    her.post(url, {"action": "remove", "next": "/mijn/"}, page=url)
    assert not FavouriteLesson.objects.exists()


def test_saving_leads_only_to_our_own_pages(teacher, lessons, signed_in):
    her = signed_in(teacher)
    url = f"/mijn/bewaren/{lessons['ballon'].pk}/"
    for next_url in ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]:
        response = her.post(url, {"action": "save", "next": next_url}, page=url)
        assert response["Location"] == url


def test_an_unpublished_or_unknown_lesson_cannot_be_saved(teacher, lessons, signed_in):
    lesson = lessons["dankbrief"]
    lesson.unpublish()
    her = signed_in(teacher)
    assert her.get(f"/mijn/bewaren/{lesson.pk}/").status_code == 404
    assert her.get("/mijn/bewaren/99999999/").status_code == 404


def test_her_saved_lessons_never_reach_another_teachers_lesson_page(
    teacher, other_teacher, lessons, signed_in, settings
):
    """The lesson page is cached whole, one copy for all signed-in staff: it only links
    to the saving page and never says whether this teacher saved it."""
    from django.core.cache import cache

    from tests.factories import cache_keys

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    lesson = lessons["bedankje"]
    her = signed_in(teacher)
    her.post(
        f"/mijn/bewaren/{lesson.pk}/",
        {"action": "save"},
        page=f"/mijn/bewaren/{lesson.pk}/",
    )
    hers = her.get(lesson.url).content.decode()
    assert f'href="/mijn/bewaren/{lesson.pk}/"' in hers
    assert any(":staff:" in key for key in cache_keys()), "the staff copy is stored"
    him = signed_in(other_teacher)
    his = him.get(lesson.url).content.decode()
    assert his == hers  # one copy for all staff ...
    cache.clear()
    assert him.get(lesson.url).content.decode() == hers  # ... and nothing in it is hers
    assert "Je hebt deze les bewaard" not in hers and "Niet meer bewaren" not in hers
    cache.clear()


# --- Recent check-ins, as "Mijn klassen" always showed them: counts only.


def test_recent_check_ins_show_counts_only(
    teacher, school_class, session, answer, signed_in
):
    answer(mood=5)
    html = signed_in(teacher).get("/mijn/").content.decode()
    assert f"/sessies/{session.code}/" in html
    assert "(1/6, open)" in html


def test_the_old_address_leads_to_the_home(teacher, client):
    client.force_login(teacher)
    response = client.get("/sessies/")
    assert response.status_code == 302 and response["Location"] == "/mijn/"


# --- Bounded queries.


def _classes_with_plans(teacher, series, this_week, count):
    from schools.teaching import services

    lessons = series.get_lessons()
    for _n in range(count):
        school_class = SchoolClassFactory(teachers=[teacher])
        services.plan_series(
            school_class=school_class, series=series, start_week=this_week, user=teacher
        )
        for lesson in lessons[:2]:
            add_delivery(school_class, lesson, this_week - datetime.timedelta(days=7))
        extra = LessonPageFactory(parent=series.get_parent())
        from schools.models import FavouriteLesson

        FavouriteLesson.objects.create(user=teacher, lesson=extra)


def test_the_home_takes_the_same_queries_for_one_class_or_five(
    teacher, series, this_week, signed_in, django_assert_max_num_queries
):
    her = signed_in(teacher)
    _classes_with_plans(teacher, series, this_week, 1)
    her.get("/mijn/")  # warm Wagtail's per-process caches
    with CaptureQueriesContext(connection) as one:
        assert her.get("/mijn/").status_code == 200
    _classes_with_plans(teacher, series, this_week, 4)
    with CaptureQueriesContext(connection) as five:
        her.get("/mijn/")
    assert len(five) == len(one), [q["sql"] for q in five][len(one) - 3 :]
    with django_assert_max_num_queries(20):
        her.get("/mijn/")


def test_the_demo_teacher_has_a_lived_in_home(db, settings):
    from django.core.management import call_command

    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = True  # make run: dev settings on SQLite
    for _twice in range(2):
        call_command(
            "load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0
        )
    from schools.models import User

    teacher = User.objects.get(username="leerkracht")
    assert PlannedLesson.objects.filter(school_class__teachers=teacher).count() == 5
    assert FavouriteLesson.objects.filter(user=teacher).count() == 3
    from django.test import Client

    client = Client()
    client.force_login(teacher)
    html = client.get("/mijn/").content.decode()
    assert "Vijf lessen over geluk voor groep 7 en 8" in html
    assert "Stil als een schildpad" in html or "schildpad" in html.lower()


def test_a_lesson_planned_far_ahead_keeps_its_week_in_the_move_form(
    teacher, school_class, series, this_week, signed_in
):
    """The move form lists the coming half year; a lesson planned later still shows
    its own week as chosen, so "Verplaats" never moves it by accident."""
    her = signed_in(teacher)
    far = weeks_after(this_week, 40)
    plan(her, school_class, series, far)
    html = her.get("/mijn/").content.decode()
    assert (
        f'<option value="{far.isoformat()}" selected>{week_label(far)}</option>' in html
    )


def test_a_lesson_not_given_last_week_is_offered_this_week(
    teacher, school_class, series, this_week, signed_in
):
    from schools import clock

    PlannedLesson.objects.create(
        school_class=school_class,
        lesson=series.get_lessons()[0],
        week=weeks_after(this_week, -1),
        planned_on=weeks_after(this_week, -2),
    )
    html = signed_in(teacher).get("/mijn/").content.decode()
    assert "Eerder gepland, nog niet gegeven" in html
    assert weeks_after(this_week, -1).isoformat() not in html
    assert clock.week_of(clock.today()).isoformat() in html


def test_the_home_in_english(teacher, school_class, series, this_week, signed_in):
    from django.utils import translation

    her = signed_in(teacher)
    plan(her, school_class, series, this_week)
    html = her.get("/en/mijn/").content.decode()
    assert '<html lang="en"' in html and "My classes" in html
    with translation.override("en"):
        assert week_label(this_week) in html  # "week 49 · November 30"
