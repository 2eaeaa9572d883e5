"""The results engine: every rule, and attacks that try to get round them."""

import datetime
import io
from collections import Counter

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schools import clock, results
from schools.models import SCALES, CheckInSession, CoordinatorScope
from schools.results import ResultsError, Viewer, viewer_for
from tests.factories import (
    MONDAY,
    UserFactory,
    add_check_in,
    add_delivery,
    atom_shown,
    shown,
    shown_for_coordinators,
    units_for_coordinators,
)

COORDINATOR = Viewer.coordinator()


def rows(viewer, group_by=(), **filters):
    return results.results(viewer=viewer, group_by=group_by, filters=filters)["results"]


def expected(sessions, question="mood", *, teacher=False):
    """The cell the engine must give for these check-ins: what each of a teacher's
    check-ins, or each of a coordinator's atoms, shows, added."""
    from collections import Counter

    total = Counter()
    if teacher:
        for session in sessions:
            total.update(shown(session, question))
    else:
        total = shown_for_coordinators(sessions, question)
    total = Counter({value: count for value, count in total.items() if count})
    return results.cell(total, scale=SCALES[question], question=question)


def pair(region, first, moods, other_moods=None, **where):
    """Check-ins of two parallel classes (`first` and the one after it) in one atom."""
    return [
        add_check_in(region["classes"][first], moods, **where),
        add_check_in(region["classes"][first + 1], other_moods or moods, **where),
    ]


def test_a_shown_cell_is_the_sum_of_its_atoms_shown_counts(region):
    sessions = pair(region, 2, [1, 6, 7, 8, 6], [2, 6, 9, 6, 7])
    [row] = rows(COORDINATOR, ["school"])
    assert row == {"school": region["schools"][0].pk, **expected(sessions)}
    assert set(row) == {
        "school",
        "suppressed",
        "n",
        "counts",
        "percentages",
        "mean",
        "positive_pct",
    }
    assert row["n"] == sum(row["counts"].values())


def test_coordinators_see_nothing_below_ten_and_suppressed_cells_carry_no_counts(
    region,
):
    pair(region, 2, [1, 2, 1, 0, 0], [0, 1, 2, 1, 1])  # 9 answers in two classes
    assert rows(COORDINATOR, ["school"]) == []
    assert rows(COORDINATOR) == [{"suppressed": True}]


def test_coordinators_never_see_one_class_alone(region):
    add_check_in(region["classes"][6], [3, 6, 9, 8, 7])  # 33 answers, one class
    assert rows(COORDINATOR, ["school"]) == []
    with override_settings(RESULTS_COORDINATOR_MIN_CLASSES=1):
        assert len(rows(COORDINATOR, ["school"])) == 1


def test_single_classes_of_a_school_week_count_together_as_its_rest(region):
    """Two classes, each alone in its group that week: neither atom counts, but together
    they are the school week's rest, one atom more, in the school's and the
    municipality's figures and in none per group, moment or lesson; rollups agree."""
    rest = [
        add_check_in(region["classes"][0], [2, 6, 7, 6, 2]),  # groep 3-4
        add_check_in(region["classes"][2], [1, 5, 8, 6, 3], moment="lesson_end"),
    ]
    whole = results.cell(
        +Counter(atom_shown(rest)), scale=SCALES["mood"], question="mood"
    )
    school = region["schools"][0].pk

    def figures():
        return [
            rows(COORDINATOR),
            rows(COORDINATOR, ["school", "week"]),
            rows(COORDINATOR, ["municipality"], municipality="den-helder"),
            rows(COORDINATOR, ["group"]),
            rows(COORDINATOR, ["moment"]),
            rows(COORDINATOR, ["lesson"]),
            rows(COORDINATOR, group="groep-3-4"),
            rows(COORDINATOR, ["school"], moment="lesson_start"),
        ]

    assert figures() == [
        [whole],
        [{"school": school, "week": MONDAY.isoformat(), **whole}],
        [{"municipality": "den-helder", **whole}],
        [],
        [],
        [],
        [{"suppressed": True}],
        [],
    ]
    results.refresh_rollups(full=True)
    assert results.rollup_state().through_week >= MONDAY
    assert figures()[:3] == [
        [whole],
        [{"school": school, "week": MONDAY.isoformat(), **whole}],
        [{"municipality": "den-helder", **whole}],
    ]


def test_homogeneous_cells_are_suppressed(region):
    pair(region, 2, [0, 0, 0, 0, 15])  # all the same
    # All but one the same: the one shows as 0 with this key, so it shows homogeneous.
    add_check_in(region["classes"][4], [0, 0, 0, 1, 14], keys={"mood_4": 0})
    add_check_in(region["classes"][5], [0, 0, 0, 0, 12])
    assert rows(COORDINATOR, ["school"]) == []


def test_small_atoms_are_left_out_of_totals_too(region):
    shown_pair = pair(region, 2, [6, 6, 7, 7, 6])
    pair(region, 4, [1, 0, 1, 0, 0], [0, 1, 0, 1, 0])  # 4: in no figure
    [total] = rows(COORDINATOR)
    assert total == expected(shown_pair)
    assert [row["school"] for row in rows(COORDINATOR, ["school"])] == [
        region["schools"][0].pk
    ]


def test_teachers_see_their_own_ended_check_ins_from_five(region):
    teacher = UserFactory()
    region["classes"][0].teachers.add(teacher)
    ours = add_check_in(region["classes"][0], [6, 0, 6, 0, 6])
    add_check_in(region["classes"][0], [1, 1, 1, 1, 0])  # four answers: in nothing
    add_check_in(region["classes"][1], [5, 5, 5, 5, 5])  # not her class
    viewer = viewer_for(teacher)
    assert viewer.threshold == 5 and viewer.is_teacher
    [row] = rows(viewer, ["class"])
    assert row == {"class": region["classes"][0].pk, **expected([ours], teacher=True)}


def test_coordinator_scope_is_her_municipality_or_the_region(region):
    pair(region, 2, [2, 6, 7, 6, 2])
    pair(region, 6, [6, 7, 6, 7, 6])
    local, regional = UserFactory(), UserFactory()
    CoordinatorScope.objects.create(user=local, municipality=region["den_helder"])
    CoordinatorScope.objects.create(user=regional, municipality=None)
    assert [
        row["municipality"] for row in rows(viewer_for(local), ["municipality"])
    ] == ["den-helder"]
    assert [
        row["municipality"] for row in rows(viewer_for(regional), ["municipality"])
    ] == ["den-helder", "texel"]
    assert rows(viewer_for(local), ["municipality"], municipality="texel") == []
    assert viewer_for(UserFactory()) is None


def test_groupings_and_filters(region):
    pair(region, 2, [6, 6, 7, 7, 6], moment="lesson_start")
    pair(region, 2, [6, 6, 7, 7, 7], moment="lesson_end")
    pair(region, 4, [6, 6, 7, 7, 6], week=MONDAY + datetime.timedelta(weeks=5))
    assert [row["moment"] for row in rows(COORDINATOR, ["moment"])] == [
        "lesson_end",
        "lesson_start",
    ]
    assert [row["month"] for row in rows(COORDINATOR, ["month"])] == [
        "2026-09-01",
        "2026-10-01",
    ]
    assert [row["group"] for row in rows(COORDINATOR, ["group"])] == ["groep-7-8"]
    assert (
        len(rows(COORDINATOR, ["week"], start="2026-09-09", end="2026-09-30")) == 1
    )  # the week of the 9th counts whole
    assert (
        len(rows(COORDINATOR, ["school", "moment"], school=region["schools"][0].pk))
        == 2
    )


@pytest.mark.parametrize(
    "group_by, filters",
    [
        (["class"], {}),
        (["pupil"], {}),
        (["week", "week"], {}),
        ([], {"colour": "red"}),
        ([], {"start": "gisteren"}),
        ([], {"school": "x"}),
        ([], {"moment": "nacht"}),
        ([], {"start": "2026-10-01", "end": "2026-09-01"}),
    ],
)
def test_unknown_groupings_and_filters_are_refused(region, group_by, filters):
    with pytest.raises(ResultsError):
        results.results(viewer=COORDINATOR, group_by=group_by, filters=filters)


def test_a_check_in_counts_once_it_has_ended(region, teacher, answer):
    """Open check-ins are in no figure, for teachers too; closing one adds it whole."""
    from schools.checkins.services import close_session, start_session
    from schools.models import Moment

    region["classes"][1].teachers.add(teacher)
    session = start_session(
        school_class=region["classes"][1], started_by=teacher, moment=Moment.STANDALONE
    )
    for mood in (1, 2, 3, 4, 5) * 5:
        answer(session=session, mood=mood)
    teacher_view = viewer_for(teacher)
    assert rows(teacher_view, ["class"]) == []
    close_session(session=session)
    session.refresh_from_db()
    [row] = rows(teacher_view, ["class"])
    assert row == {
        "class": region["classes"][1].pk,
        **expected([session], teacher=True),
    }


@pytest.mark.parametrize(
    "filters",
    [
        {"municipality": "den-helder\x00"},
        {"theme": "\x00"},
        {"group": "x" * 200},
        {"end": "9999-12-31"},
        {"start": "0001-01-01"},
        {"lesson": "-1"},
        {"session": "1"},  # coordinators cannot pick one check-in
    ],
)
def test_strange_filter_values_are_refused_not_a_server_error(region, filters):
    with pytest.raises(ResultsError):
        results.results(viewer=COORDINATOR, filters=filters)
    with pytest.raises(ResultsError):
        results.participation(viewer=COORDINATOR, filters=filters)


# --- Property-based attacks.


MOODS = st.lists(st.integers(min_value=0, max_value=6), min_size=5, max_size=5)
# Now and then a class that all gave the same answer: homogeneous atoms.
SOME_HOMOGENEOUS = st.one_of(MOODS, st.integers(5, 15).map(lambda n: [0, 0, 0, 0, n]))
QUERIES = st.tuples(
    st.lists(
        st.sampled_from(["week", "municipality", "school", "group", "moment"]),
        max_size=2,
        unique=True,
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "municipality": st.sampled_from(["den-helder", "texel"]),
            "moment": st.sampled_from(["lesson_start", "lesson_end"]),
            "group": st.sampled_from(["groep-3-4", "groep-7-8"]),
        },
    ),
)
CELLS = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.integers(0, 1),
        st.sampled_from(["lesson_start", "lesson_end"]),
        SOME_HOMOGENEOUS,
        st.booleans(),  # and the parallel class in the same week, lesson and moment
    ),
    min_size=1,
    max_size=8,
)


def _load(region, cells):
    CheckInSession.objects.all().delete()
    for class_index, week, moment, moods, parallel in cells:
        for index in (class_index, class_index ^ 1) if parallel else (class_index,):
            add_check_in(
                region["classes"][index],
                moods,
                week=MONDAY + datetime.timedelta(weeks=week),
                moment=moment,
            )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=CELLS, queries=st.lists(QUERIES, min_size=1, max_size=4))
def test_hidden_atoms_change_no_figure_a_coordinator_can_get(region, cells, queries):
    """Whatever a coordinator asks, and so whatever she subtracts, comes out the same with
    every check-in removed that is in no atom or school week's rest that counts (too few
    answers or classes, or homogeneous): there is nothing to recover."""
    with transaction.atomic():
        _load(region, cells)
        answers = [
            results.results(viewer=COORDINATOR, group_by=group_by, filters=filters)
            for group_by, filters in queries
        ]
        sessions = list(CheckInSession.objects.all())
        counted = {
            s.pk for unit, _rest in units_for_coordinators(sessions) for s in unit
        }
        CheckInSession.objects.exclude(pk__in=counted).delete()
        assert [
            results.results(viewer=COORDINATOR, group_by=group_by, filters=filters)
            for group_by, filters in queries
        ] == answers
        transaction.set_rollback(True)


GROUP_VALUE = {
    "week": lambda s: s.week.isoformat(),
    "municipality": lambda s: s.municipality.slug,
    "school": lambda s: s.school_id,
    "group": lambda s: s.group,
    "moment": lambda s: s.moment,
}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=CELLS, query=QUERIES)
def test_every_figure_is_a_sum_of_whole_atoms_and_rests(region, cells, query):
    """Each figure adds up whole units (an atom that counts, or a school week's rest), and
    a rest only where the query neither groups nor filters on group or moment: so figures
    depend on the units' sums alone, and no difference of them splits a rest into the
    atoms it is made of."""
    group_by, filters = query
    with transaction.atomic():
        _load(region, cells)
        sessions = list(CheckInSession.objects.select_related("municipality"))
        splits = {"group", "moment"} & {*group_by, *filters}
        wanted = {}
        for unit, is_rest in units_for_coordinators(sessions):
            first = unit[0]
            if (is_rest and splits) or any(
                GROUP_VALUE[name](first) != value for name, value in filters.items()
            ):
                continue
            key = tuple(GROUP_VALUE[name](first) for name in group_by)
            wanted.setdefault(key, Counter()).update(atom_shown(unit))
        got = {
            tuple(row[name] for name in group_by): Counter(
                {int(v): c for v, c in row["counts"].items() if c}
            )
            for row in rows(COORDINATOR, group_by, **filters)
            if not row["suppressed"]
        }
        assert got == {k: +v for k, v in wanted.items() if +v}
        transaction.set_rollback(True)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=CELLS, other=MOODS, query=QUERIES)
def test_a_teacher_learns_nothing_about_other_classes(region, cells, other, query):
    teacher_view = Viewer.teacher({region["classes"][0].pk})
    with transaction.atomic():
        _load(region, cells)
        before = results.results(
            viewer=teacher_view, group_by=query[0], filters=query[1]
        )
        for school_class in region["classes"][1:]:
            add_check_in(school_class, other, week=MONDAY + datetime.timedelta(weeks=7))
        CheckInSession.objects.exclude(school_class=region["classes"][0]).update(
            mood_5=30, n=40
        )
        assert (
            results.results(viewer=teacher_view, group_by=query[0], filters=query[1])
            == before
        )
        transaction.set_rollback(True)


# --- Rollups: region-wide figures from sums made ahead, equal to the result cells.

ROLLUP_CELLS = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.integers(0, 3),
        st.sampled_from(["lesson_start", "lesson_end", "standalone"]),
        st.sampled_from([0, 1]),
        MOODS,
        st.booleans(),  # and the parallel class: without it, the atom is in a rest
    ),
    min_size=1,
    max_size=12,
)
ROLLUP_QUERIES = st.tuples(
    st.lists(
        st.sampled_from(
            [
                "week",
                "month",
                "municipality",
                "school",
                "group",
                "moment",
                "lesson",
                "theme",
            ]
        ),
        max_size=2,
        unique=True,
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "municipality": st.sampled_from(["den-helder", "texel"]),
            "moment": st.sampled_from(["lesson_start", "lesson_end"]),
            "group": st.sampled_from(["groep-3-4", "groep-7-8"]),
            "theme": st.sampled_from(["dankbaarheid", "rust"]),
            "start": st.just(MONDAY + datetime.timedelta(weeks=1)),
        },
    ),
)


@pytest.fixture
def themed_lessons(lessons, themes):
    return [lesson.pk for lesson in list(lessons.values())[:2]]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cells=ROLLUP_CELLS,
    rolled_weeks=st.integers(0, 5),
    queries=st.lists(ROLLUP_QUERIES, min_size=1, max_size=3),
    scoped=st.booleans(),
)
def test_rollups_give_the_same_figures_as_the_check_ins(
    region, themed_lessons, cells, rolled_weeks, queries, scoped
):
    """Whichever weeks are rolled up, every query a coordinator may run gives exactly what
    the check-ins alone give: the rollups are a shortcut, never a different answer."""
    from schools.models import ResultRollup

    viewer = Viewer.coordinator(region["den_helder"].pk) if scoped else COORDINATOR
    with transaction.atomic():
        CheckInSession.objects.all().delete()
        for class_index, week, moment, lesson, moods, parallel in cells:
            for index in (class_index, class_index ^ 1) if parallel else (class_index,):
                add_check_in(
                    region["classes"][index],
                    moods,
                    week=MONDAY + datetime.timedelta(weeks=week),
                    moment=moment,
                    lesson_key=themed_lessons[lesson],
                )
        now = datetime.datetime.combine(
            MONDAY + datetime.timedelta(weeks=rolled_weeks, days=2),
            datetime.time(12),
            tzinfo=datetime.UTC,
        )
        results.refresh_rollups(now=now, full=True)
        if rolled_weeks > 1:  # the first week is complete, so it is rolled up
            assert (
                ResultRollup.objects.filter(week=MONDAY).exists()
                == any(week == 0 for _c, week, *_rest in cells)
                or not ResultRollup.objects.filter(week=MONDAY).exists()
            )
        for group_by, filters in queries:
            assert results.results(
                viewer=viewer, group_by=group_by, filters=filters
            ) == results.results(
                viewer=viewer, group_by=group_by, filters=filters, rollups=False
            )
            for question in ("energy", "feeling"):
                assert results.results(
                    viewer=viewer, group_by=group_by, question=question
                ) == results.results(
                    viewer=viewer, group_by=group_by, question=question, rollups=False
                )
        transaction.set_rollback(True)


def test_coordinators_read_the_rollups_and_only_newer_check_ins(region):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    weeks = {}
    for week in range(3):
        monday = MONDAY + datetime.timedelta(weeks=week)
        weeks[str(monday)] = pair(region, 2, [6, 6, 7, 8, 9], week=monday) + pair(
            region, 4, [6, 7, 7, 8, 8], week=monday
        )
    now = datetime.datetime.combine(
        MONDAY + datetime.timedelta(weeks=2, days=1),
        datetime.time(9),
        tzinfo=datetime.UTC,
    )
    assert results.last_complete_week(now) == MONDAY + datetime.timedelta(weeks=1)
    results.refresh_rollups(now=now)
    with CaptureQueriesContext(connection) as queries:
        figures = rows(COORDINATOR, ["week", "group"])
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "schools_resultrollup" in sql
    assert {row["week"]: row["n"] for row in figures} == {
        week: expected(sessions)["n"] for week, sessions in weeks.items()
    }
    # A school is kept in the atoms level; a teacher reads her check-ins.
    with CaptureQueriesContext(connection) as queries:
        rows(COORDINATOR, ["school"])
    assert "schools_resultrollup" in " ".join(
        query["sql"] for query in queries.captured_queries
    )
    with CaptureQueriesContext(connection) as queries:
        rows(Viewer.teacher({region["classes"][1].pk}), ["week"])
    assert "schools_resultrollup" not in " ".join(
        query["sql"] for query in queries.captured_queries
    )


def test_refreshing_is_idempotent_and_incremental_equals_full(region):
    from django.core.management import call_command

    from schools.models import ResultRollup, ResultRollupState

    def snapshot():
        return sorted(
            ResultRollup.objects.values_list(
                "level", "question", "municipality_id", "week", "group", "moment", "n"
            ),
            key=str,
        )

    for week in range(4):
        for school_class in region["classes"]:
            add_check_in(
                school_class,
                [week, 3, 4, 2, 1],
                week=MONDAY + datetime.timedelta(weeks=week),
            )

    def at(weeks):
        return datetime.datetime.combine(
            MONDAY + datetime.timedelta(weeks=weeks, days=3),
            datetime.time(12),
            tzinfo=datetime.UTC,
        )

    results.refresh_rollups(now=at(2))
    results.refresh_rollups(now=at(2))
    results.refresh_rollups(now=at(4))
    incremental = snapshot()
    assert ResultRollupState.objects.get().through_week == MONDAY + datetime.timedelta(
        weeks=3
    )
    results.refresh_rollups(now=at(4), full=True)
    assert snapshot() == incremental
    assert incremental
    # A changed threshold is never mixed with rollups made with the old one.
    from schools.results.rollups import usable_state

    with override_settings(RESULTS_COORDINATOR_MIN_ANSWERS=12):
        assert usable_state(results.rollup_state()) is None
        assert viewer_for(_regional_coordinator()).threshold == 12
    call_command("refresh_result_rollups", stdout=io.StringIO())
    assert ResultRollupState.objects.count() == 1


def _regional_coordinator():
    user = UserFactory()
    CoordinatorScope.objects.create(user=user)
    return user


def test_watching_the_current_week_tells_a_coordinator_nothing(region, teacher, answer):
    """Attack: ask the same thing before and after one more answer, and subtract. The week
    that is still running is not in a coordinator's figures, so there is nothing to see."""
    from schools.checkins.services import close_session, start_session
    from schools.models import Moment

    for school_class in region["classes"][:4]:
        add_check_in(school_class, [6, 6, 6, 6, 6], week=MONDAY)
    session = start_session(
        school_class=region["classes"][2], started_by=teacher, moment=Moment.STANDALONE
    )
    for mood in (1, 2, 3, 4, 5) * 4:
        answer(session=session, mood=mood)
    queries = [([], {}), (["week"], {}), (["school", "group"], {"start": str(MONDAY)})]
    before = [
        results.results(viewer=COORDINATOR, group_by=group_by, filters=filters)
        for group_by, filters in queries
    ]
    answer(session=session, mood=5)
    assert [
        results.results(viewer=COORDINATOR, group_by=group_by, filters=filters)
        for group_by, filters in queries
    ] == before
    this_week = str(clock.week_of(clock.today()))
    assert this_week not in {row.get("week") for row in before[1]["results"]}
    # The teacher sees her own class once she has closed the check-in.
    teacher_view = Viewer.teacher({region["classes"][2].pk})
    assert this_week not in {row["week"] for row in rows(teacher_view, ["week"])}
    close_session(session=session)
    assert this_week in {row["week"] for row in rows(teacher_view, ["week"])}


def test_participation_counts_per_week_and_month(region, lessons):
    """Counted in SQL: a week belongs to the month of its Thursday, classes and schools
    count once, and only answers of atoms that count are counted."""
    from schools.checkins.services import start_session

    # Monday 28 September 2026: its Thursday is 1 October, so the week is October's.
    monday = datetime.date(2026, 9, 28)
    ours, parallel, young, other = (
        region["classes"][2],
        region["classes"][3],
        region["classes"][0],
        region["classes"][4],
    )

    def session_in(school_class, week):
        session = start_session(
            school_class=school_class, started_by=None, moment="standalone"
        )
        CheckInSession.objects.filter(pk=session.pk).update(week=week)

    session_in(ours, monday)
    session_in(ours, monday)
    session_in(young, monday)
    session_in(other, monday)
    session_in(ours, monday - datetime.timedelta(weeks=1))  # September
    lesson = lessons["bedankje"]
    for school_class, day in (
        (ours, monday),
        (other, monday - datetime.timedelta(days=3)),
    ):
        add_delivery(school_class, lesson, day)
    counted = [
        add_check_in(ours, [6, 7, 6, 8, 6], week=monday),
        add_check_in(parallel, [6, 6, 6, 6, 6], week=monday),
    ]  # an atom of two classes: counts
    add_check_in(young, [1, 2, 1, 0, 0], week=monday)  # 4: below the threshold
    answers = expected(counted)["n"]
    # Lesson runs: only ended ones count, and only how many activities were held.
    from schools.models import LessonRun

    for code, ended in (("ACDEFG", True), ("HJKMNP", False)):
        LessonRun.objects.create(
            school_class=ours,
            school=ours.school,
            municipality=ours.school.municipality,
            group=ours.youngest_group(),
            week=monday,
            lesson=lesson,
            code=code,
            expected=25,
            ends_at=timezone.now() + datetime.timedelta(hours=1),
            ended_at=timezone.now() if ended else None,
            activities_held=2 if ended else 5,
        )

    weekly = results.participation(viewer=COORDINATOR, period="week")["results"]
    assert weekly == [
        {
            "week": str(monday - datetime.timedelta(weeks=1)),
            "lessons_given": 1,
            "sessions": 1,
            "activities_held": 0,
            "classes": 1,
            "schools": 1,
            "answers": 0,
        },
        {
            "week": str(monday),
            "lessons_given": 1,
            "sessions": 7,
            "activities_held": 2,
            "classes": 4,
            "schools": 2,
            "answers": answers,
        },
    ]
    monthly = results.participation(viewer=COORDINATOR, period="month")["results"]
    assert [(row["month"], row["sessions"], row["answers"]) for row in monthly] == [
        ("2026-09-01", 1, 0),
        ("2026-10-01", 7, answers),
    ]
    only_texel = results.participation(
        viewer=COORDINATOR, filters={"municipality": region["texel"].slug}
    )["results"]
    assert only_texel == []
    den_helder = Viewer.coordinator(region["den_helder"].pk)
    assert (
        results.participation(viewer=den_helder, filters={"end": str(monday)})[
            "results"
        ][-1]["sessions"]
        == 7
    )
