import datetime
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, Sum

from cms.demo.calendar import school_days, school_holidays
from cms.demo.check_ins import generate_check_ins
from cms.demo.lessons import load_lessons
from cms.demo.schools import create_school_users, load_schools
from cms.demo.site import load_site
from schools import clock
from schools.checkins.services import JOIN_CODE_ALPHABET, questions_for
from schools.models import (
    CLASS_SIZE_MARGIN,
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
    answer_columns,
    current_school_year,
)
from tests.factories import atoms_of

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


def _question_total(session, question):
    return sum(getattr(session, column) for column in answer_columns(question).values())


class TestSyntheticCheckIns:
    """One school year of synthetic check-ins, generated once for these tests (as
    TestCase.setUpTestData would): each test reads it in a savepoint of its own, rolled
    back after it, so what one test changes the next never sees."""

    @pytest.fixture(scope="class")
    def generated(self, shared_rows):
        def make():
            library = load_lessons(home=load_site())
            load_schools()
            counts = generate_check_ins(
                library=library, target_answers=TARGET, today=TODAY
            )
            return library, counts

        yield from shared_rows(make)

    @pytest.fixture
    def library(self, generated, db):
        return generated[0]

    @pytest.fixture
    def counts(self, generated, db):
        return dict(generated[1])

    def test_synthetic_sessions_keep_the_rules(self, counts):
        assert counts["created"]
        sessions = CheckInSession.objects.select_related("school_class__school")
        assert counts["sessions"] == len(sessions) > 100
        total = sessions.aggregate(total=Sum("n"))["total"]
        assert TARGET <= counts["answers"] == total < TARGET + 200
        question_sets = {}
        for session in sessions:
            school_class = session.school_class
            assert 1 <= session.n <= session.expected + CLASS_SIZE_MARGIN
            assert session.expected == school_class.pupil_count
            assert (session.school, session.municipality, session.group) == (
                school_class.school,
                school_class.school.municipality,
                school_class.youngest_group(),
            )
            assert session.week == clock.week_of(clock.date_of(session.opened_at))
            assert session.closed_at is not None and not session.is_open
            assert session.opened_at < session.closed_at < session.expires_at
            assert len(session.code) == 6 and set(session.code) <= set(
                JOIN_CODE_ALPHABET
            )
            key = session.school_class_id, session.moment
            if key not in question_sets:
                question_sets[key] = questions_for(
                    school_class=school_class, moment=session.moment
                )
            assert session.question_set == question_sets[key], session.pk
            if session.lesson_id:
                assert set(session.lesson.groups.values_list("code", flat=True)) & set(
                    school_class.groups.values_list("code", flat=True)
                )
                assert LessonDelivery.objects.filter(
                    school_class=session.school_class_id,
                    lesson=session.lesson_id,
                    delivered_on=clock.date_of(session.opened_at),
                    week=session.week,
                    group=session.group,
                ).exists()
        used = {session.question_set for session in sessions}
        assert used == {QuestionSet.YOUNG, QuestionSet.STANDARD, QuestionSet.LADDER}
        moments = {session.moment for session in sessions}
        assert moments == set(Moment.values)
        assert LessonDelivery.objects.count() == counts["deliveries"]

    def test_synthetic_answers_fit_their_questions(self, counts):
        moods = {Moment.LESSON_START: Counter(), Moment.LESSON_END: Counter()}
        skipped = answered = 0
        for session in CheckInSession.objects.all():
            mood, ladder = (_question_total(session, q) for q in ("mood", "ladder"))
            energy, feeling = (
                _question_total(session, q) for q in ("energy", "feeling")
            )
            if session.question_set == QuestionSet.YOUNG:
                assert session.mood_2 == session.mood_4 == 0
                assert energy == feeling == ladder == 0
            elif session.question_set == QuestionSet.STANDARD:
                assert ladder == 0 and energy and feeling
            else:
                assert session.moment in (Moment.SERIES_START, Moment.SERIES_END)
                assert mood == energy == feeling == 0
            for question_total in (mood, energy, feeling, ladder):
                assert question_total <= session.n
            answered += session.n
            skipped += session.n - max(mood, ladder)
            if session.moment in moods:
                moods[session.moment].update(
                    {value: getattr(session, f"mood_{value}") for value in range(1, 6)}
                )
        assert 0 < skipped < 0.1 * answered

        def average(counter):
            return (
                sum(value * count for value, count in counter.items()) / counter.total()
            )

        assert average(moods[Moment.LESSON_END]) >= average(moods[Moment.LESSON_START])
        standard = CheckInSession.objects.filter(question_set=QuestionSet.STANDARD)
        totals = standard.aggregate(
            positive=Sum("mood_4") + Sum("mood_5"),
            all=Sum("mood_1")
            + Sum("mood_2")
            + Sum("mood_3")
            + Sum("mood_4")
            + Sum("mood_5"),
        )
        assert totals["positive"] > 0.5 * totals["all"]

    def test_synthetic_counts_carry_random_record_keys(self, counts):
        """As the write path leaves them: each count's key sum is a sum of random keys, so the
        perturbation of demo figures is that of real ones (all-zero keys would always pick
        the lowest deviation)."""
        keyed = zero = 0
        for session in CheckInSession.objects.all():
            for question in ("mood", "energy", "feeling", "ladder"):
                for column in answer_columns(question).values():
                    if getattr(session, column):
                        keyed += 1
                        zero += getattr(session, f"{column}_key") == 0
        assert keyed > 1000 and zero <= keyed / 1000

    def test_parallel_classes_mostly_follow_one_plan(self, counts):
        """Classes of one school and band mostly do the same lesson in the same week, as
        schools plan it; that is what lets coordinators see them (two classes per atom)."""
        atoms = atoms_of(CheckInSession.objects.all())
        shared = sum(len({s.school_class_id for s in atom}) >= 2 for atom in atoms)
        assert shared >= 0.3 * len(atoms)

    def test_check_ins_fall_on_school_days_of_the_last_year(self, counts):
        dates = {clock.date_of(s.opened_at) for s in CheckInSession.objects.all()}
        assert min(dates) >= TODAY - datetime.timedelta(days=365)
        assert max(dates) < TODAY
        assert all(day.weekday() < 5 for day in dates)
        christmas = school_holidays(2025)["kerstvakantie"]
        assert christmas == (datetime.date(2025, 12, 20), datetime.date(2026, 1, 4))
        assert not {day for day in dates if christmas[0] <= day <= christmas[1]}
        assert not {day for day in dates if (day.month, day.day) in ((12, 25), (1, 1))}
        assert dates <= set(school_days(min(dates), max(dates)))

    def test_check_ins_are_generated_once(self, library, counts):
        again = generate_check_ins(library=library, target_answers=TARGET, today=TODAY)
        assert not again["created"]
        assert {key: again[key] for key in ("sessions", "answers", "deliveries")} == {
            key: counts[key] for key in ("sessions", "answers", "deliveries")
        }
        assert CheckInSession.objects.count() == counts["sessions"]


def test_same_seed_same_data(library, classes):
    def snapshot():
        return list(
            CheckInSession.objects.order_by(
                "opened_at", "school_class__name"
            ).values_list("school_class__name", "n", *answer_columns("mood").values())
        )

    first = generate_check_ins(library=library, target_answers=500, today=TODAY)
    rows = snapshot()
    LessonDelivery.objects.all().delete()
    CheckInSession.objects.all().delete()
    second = generate_check_ins(library=library, target_answers=500, today=TODAY)
    assert first == second
    assert rows == snapshot()


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
