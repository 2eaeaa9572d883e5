import datetime
from statistics import mean

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from cms.demo.lessons import load_lessons
from cms.demo.schools import (
    create_school_users,
    generate_check_ins,
    load_schools,
    school_days,
    school_holidays,
)
from schools.models import (
    CLASS_SIZE_MARGIN,
    CheckInAnswer,
    CheckInSession,
    CoordinatorScope,
    LessonDelivery,
    Membership,
    Moment,
    Municipality,
    QuestionSet,
    Role,
    School,
    SchoolClass,
    SchoolKind,
    current_school_year,
)
from schools.services import JOIN_CODE_ALPHABET, questions_for

TARGET = 3_000
TODAY = datetime.date(2026, 6, 15)  # a fixed year: 2025-06-15 to 2026-06-14


@pytest.fixture
def library(home):
    return load_lessons(home=home)


@pytest.fixture
def classes(library):
    return load_schools()


@pytest.fixture
def counts(library, classes):
    return generate_check_ins(library=library, target_answers=TARGET, today=TODAY)


def test_demo_schools_cover_the_three_municipalities(library, classes):
    assert set(Municipality.objects.values_list("name", flat=True)) == {
        "Den Helder",
        "Schagen",
        "Texel",
    }
    assert 14 <= School.objects.count() <= 20
    assert 100 <= len(classes) <= 130
    assert all(c.school_year == current_school_year() for c in classes)
    assert all(c.school.board for c in classes)
    for municipality in Municipality.objects.all():
        assert municipality.schools.count() >= 3

    secondary = School.objects.filter(kind=SchoolKind.SECONDARY)
    assert secondary.exists()
    assert all(
        set(c.groups.values_list("code", flat=True)) == {"klas-1-2"}
        for c in SchoolClass.objects.filter(school__in=secondary)
    )
    combinations = SchoolClass.objects.annotate(bands=Count("groups")).filter(
        bands__gte=2
    )
    assert combinations.filter(pupil_count__lt=10).count() >= 2
    assert SchoolClass.objects.filter(name="groep 6/7/8").exists()
    assert not SchoolClass.objects.annotate(bands=Count("groups")).filter(bands=0)
    # village schools (Schagen) are small, town classes are not
    schagen = SchoolClass.objects.filter(school__municipality__slug="schagen")
    assert schagen.filter(pupil_count__lte=20).count() >= 10
    assert all(
        8 <= c.pupil_count <= 28 for c in SchoolClass.objects.filter(school__kind="po")
    )

    before = (School.objects.count(), SchoolClass.objects.count())
    load_schools()
    assert (School.objects.count(), SchoolClass.objects.count()) == before


def test_synthetic_sessions_keep_the_rules(counts):
    assert counts["created"]
    sessions = CheckInSession.objects.select_related("school_class").annotate(
        stored=Count("answers")
    )
    assert counts["sessions"] == len(sessions) > 100
    assert TARGET <= counts["answers"] == CheckInAnswer.objects.count() < TARGET + 200
    question_sets = {}
    for session in sessions:
        assert session.answer_count == session.stored, session.pk
        assert 1 <= session.answer_count <= session.expected + CLASS_SIZE_MARGIN
        assert session.expected == session.school_class.pupil_count
        assert session.closed_at is not None and not session.is_open
        assert session.opened_at < session.closed_at < session.expires_at
        assert len(session.code) == 6 and set(session.code) <= set(JOIN_CODE_ALPHABET)
        key = session.school_class_id, session.moment
        if key not in question_sets:
            question_sets[key] = questions_for(
                school_class=session.school_class, moment=session.moment
            )
        assert session.question_set == question_sets[key], session.pk
        if session.lesson_id:
            assert set(session.lesson.groups.values_list("code", flat=True)) & set(
                session.school_class.groups.values_list("code", flat=True)
            )
            assert LessonDelivery.objects.filter(
                school_class=session.school_class_id,
                lesson=session.lesson_id,
                delivered_on=timezone.localdate(session.opened_at),
            ).exists()
    used = {session.question_set for session in sessions}
    assert used == {QuestionSet.YOUNG, QuestionSet.STANDARD, QuestionSet.LADDER}
    moments = {session.moment for session in sessions}
    assert moments == set(Moment.values)
    assert LessonDelivery.objects.count() == counts["deliveries"]


def test_synthetic_answers_fit_their_questions(counts):
    answers = CheckInAnswer.objects.values_list(
        "session__question_set",
        "session__moment",
        "mood",
        "energy",
        "feeling",
        "ladder",
    )
    moods = {Moment.LESSON_START: [], Moment.LESSON_END: []}
    skipped = 0
    for question_set, moment, mood, energy, feeling, ladder in answers:
        if question_set == QuestionSet.YOUNG:
            assert mood in (1, 3, 5, None)
            assert (energy, feeling, ladder) == ("", "", None)
        elif question_set == QuestionSet.STANDARD:
            assert mood in (1, 2, 3, 4, 5, None) and ladder is None
        else:
            assert moment in (Moment.SERIES_START, Moment.SERIES_END)
            assert (mood, energy, feeling) == (None, "", "")
            assert ladder is None or 0 <= ladder <= 10
        skipped += mood is None and ladder is None
        if mood is not None and moment in moods:
            moods[moment].append(mood)
    assert 0 < skipped < 0.1 * len(answers)
    assert mean(moods[Moment.LESSON_END]) >= mean(moods[Moment.LESSON_START])
    standard = CheckInAnswer.objects.filter(session__question_set=QuestionSet.STANDARD)
    assert standard.filter(mood__gte=4).count() > 0.5 * standard.count()
    assert (
        standard.exclude(energy="").exists() and standard.exclude(feeling="").exists()
    )


def test_answers_fall_on_school_days_of_the_last_year(counts):
    dates = set(CheckInAnswer.objects.values_list("answered_on", flat=True))
    assert min(dates) >= TODAY - datetime.timedelta(days=365)
    assert max(dates) < TODAY
    assert all(day.weekday() < 5 for day in dates)
    christmas = school_holidays(2025)["kerstvakantie"]
    assert christmas == (datetime.date(2025, 12, 20), datetime.date(2026, 1, 4))
    assert not {day for day in dates if christmas[0] <= day <= christmas[1]}
    assert not {day for day in dates if (day.month, day.day) in ((12, 25), (1, 1))}
    assert dates <= set(school_days(min(dates), max(dates)))
    assert all(
        answer.answered_on == timezone.localdate(answer.session.opened_at)
        for answer in CheckInAnswer.objects.select_related("session")[:500]
    )


def test_check_ins_are_generated_once(library, counts):
    again = generate_check_ins(library=library, target_answers=TARGET, today=TODAY)
    assert not again["created"]
    assert {key: again[key] for key in ("sessions", "answers", "deliveries")} == {
        key: counts[key] for key in ("sessions", "answers", "deliveries")
    }
    assert CheckInSession.objects.count() == counts["sessions"]
    assert CheckInAnswer.objects.count() == counts["answers"]


def test_same_seed_same_data(library, classes):
    first = generate_check_ins(library=library, target_answers=500, today=TODAY)
    rows = list(
        CheckInAnswer.objects.order_by("session__opened_at", "pk").values_list(
            "session__school_class__name", "mood", "energy", "feeling", "ladder"
        )
    )
    CheckInSession.objects.all().delete()
    second = generate_check_ins(library=library, target_answers=500, today=TODAY)
    assert first == second
    assert rows == list(
        CheckInAnswer.objects.order_by("session__opened_at", "pk").values_list(
            "session__school_class__name", "mood", "energy", "feeling", "ladder"
        )
    )


def test_demo_command_creates_school_logins(db, settings):
    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = True  # make run: dev settings on SQLite
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    assert not CheckInSession.objects.exists()
    User = get_user_model()

    teacher = User.objects.get(username="leerkracht")
    classes = SchoolClass.objects.for_user(teacher)
    assert classes.count() == 2
    school = classes.first().school
    assert {c.school for c in classes} == {school}
    assert school.municipality.name == "Den Helder"
    assert Membership.objects.filter(user=teacher, school=school, role=Role.TEACHER)

    admin = User.objects.get(username="schoolbeheer")
    assert list(School.objects.for_user(admin)) == [school]
    assert SchoolClass.objects.for_user(admin).count() == school.classes.count() > 2
    assert CoordinatorScope.objects.get(user__username="coordinator").municipality == (
        school.municipality
    )
    assert CoordinatorScope.objects.get(user__username="regio").municipality is None
    for username in ("leerkracht", "schoolbeheer", "coordinator", "regio"):
        user = User.objects.get(username=username)
        assert user.check_password("lessen-in-geluk")
        assert user.has_perm("wagtailadmin.access_admin")
        assert not user.is_superuser


def test_school_users_print_their_roles(library, classes, settings):
    settings.DEBUG = True
    get_user_model().objects.create_user(username="leerkracht")
    logins = dict(create_school_users(password="geheim-genoeg"))
    assert set(logins) == {"leerkracht", "schoolbeheer", "coordinator", "regio"}
    assert "Den Helder" in logins["coordinator"]
    create_school_users(password="geheim-genoeg")
    assert SchoolClass.objects.filter(teachers__username="leerkracht").count() == 2
