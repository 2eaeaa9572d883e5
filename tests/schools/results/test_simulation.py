"""Planting, simulated: someone with the join code (a teacher, a coordinator visiting the
class) enters answers of known values next to one real pupil's answer, then reads all the
figures she can get as that class's teacher and as a pilot coordinator, and names the
value she thinks the pupil gave. Seeded, many trials, through the real engine."""

import datetime
import functools
import itertools
import random
from collections import Counter

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from schools.models import CheckInSession, CoordinatorScope, QuestionSet
from schools.results import Viewer, results
from schools.results.perturbation import KEY_RANGE, table
from tests.factories import (
    MONDAY,
    MunicipalityFactory,
    SchoolClassFactory,
    SchoolFactory,
    UserFactory,
    atom_key,
)

TRIALS = 400
VALUES = (1, 2, 3, 4, 5)
# What she plants next to the real answer (counts of the faces 1-5), each a way to make
# one pupil's answer stand out: spread thin, leaving faces empty, nearly all one face.
STRATEGIES = {
    "spread": (2, 2, 2, 2, 1),
    "empty faces": (0, 0, 0, 5, 4),
    "empty faces elsewhere": (0, 0, 5, 4, 0),
    "nearly all 'happy'": (0, 0, 1, 8, 0),
    "nearly all 'okay'": (0, 0, 8, 1, 0),
    "a few": (1, 1, 3, 3, 1),
    "many": (5, 5, 5, 5, 5),
}
BESIDE = (3, 3, 4, 3, 3)  # her second class's check-in, all planted too


def _session(school_class, counts, week, rng):
    """A closed check-in with these counts; each answer's record key drawn as the write
    path draws it, summed modulo the key range per value."""
    keys = {}
    for value, count in zip(VALUES, counts, strict=True):
        keys[f"mood_{value}_key"] = sum(rng.randrange(KEY_RANGE) for _ in range(count))
        keys[f"mood_{value}_key"] %= KEY_RANGE
    opened = timezone.now() - datetime.timedelta(hours=6)
    return CheckInSession(
        school_class=school_class,
        school_id=school_class.school_id,
        municipality_id=school_class.school.municipality_id,
        group="groep-7-8",
        week=week,
        moment="standalone",
        question_set=QuestionSet.STANDARD,
        code="ACDEFG",
        expected=28,
        n=sum(counts),
        opened_at=opened,
        expires_at=opened + datetime.timedelta(hours=4),
        closed_at=opened + datetime.timedelta(minutes=9),
        **{f"mood_{v}": c for v, c in zip(VALUES, counts, strict=True)},
        **keys,
    )


@pytest.fixture
def planted(db):
    """Per strategy a school with her two classes; per trial a week with one real answer
    (drawn uniformly: she knows nothing about this pupil) among her planted ones."""
    rng = random.Random(2026)
    municipality = MunicipalityFactory(name="Den Helder")
    trials, sessions = [], []
    for name, counts in STRATEGIES.items():
        school = SchoolFactory(name=f"School {name}", municipality=municipality)
        ours, beside = (
            SchoolClassFactory(school=school, name=n, groups=["groep-7-8"])
            for n in ("groep 7", "groep 8")
        )
        for number in range(TRIALS):
            week = MONDAY - datetime.timedelta(weeks=number)
            real = rng.choice(VALUES)
            given = [c + (v == real) for v, c in zip(VALUES, counts, strict=True)]
            sessions += [
                _session(ours, given, week, rng),
                _session(beside, BESIDE, week, rng),
            ]
            trials.append((name, school, ours, beside, week, real))
    CheckInSession.objects.bulk_create(sessions)
    return trials


def _cells(rows, *keys):
    return {
        tuple(row[key] for key in keys): [row["counts"][str(v)] for v in VALUES]
        for row in rows
        if not row["suppressed"]
    }


def everything_she_reads(trials):
    """Her figures as the teacher of both classes and as the region's coordinator, in
    every grouping that can isolate one trial (coarser ones add other trials' pupils)."""
    classes = {t[2].pk for t in trials} | {t[3].pk for t in trials}
    teacher, coordinator = Viewer.teacher(classes), Viewer.coordinator()
    taught = _cells(
        results(viewer=teacher, group_by=["class", "week"])["results"], "class", "week"
    )
    for group_by in (["class", "week", "moment"], ["class", "week", "lesson"]):
        again = results(viewer=teacher, group_by=group_by)["results"]
        assert _cells(again, "class", "week") == taught  # the same figures every way
    atoms = _cells(
        results(viewer=coordinator, group_by=["school", "week"])["results"],
        "school",
        "week",
    )
    for group_by in (["school", "week", "moment"], ["school", "week", "group"]):
        again = results(viewer=coordinator, group_by=group_by)["results"]
        assert _cells(again, "school", "week") == atoms
    return taught, atoms


def _homogeneous(counts):
    return max(counts) >= sum(counts) - 1


@functools.cache
def _likelihoods(counts, seen):
    """P(what she saw | the pupil's true counts), from the published table."""
    ptable = table()
    if seen is not None:
        likelihood = 1.0
        for count, shown in zip(counts, seen, strict=True):
            likelihood *= ptable.probability(count, shown)
        return likelihood
    # Nothing shown: the check-in's shown counts came out (nearly) all the same.
    rows = [ptable.row(c).probabilities().items() for c in counts]
    return sum(
        _product(p for _value, p in combination)
        for combination in itertools.product(*rows)
        if _homogeneous([value for value, _p in combination])
    )


def _product(numbers):
    result = 1.0
    for number in numbers:
        result *= number
    return result


def best_guess(planted_counts, observations):
    """The most likely value given what she saw (she knows the table: it is public).
    `observations` are (counts she planted beside it, what was shown, or None when it
    was suppressed): the check-in itself as its teacher sees it, and the coordinator's
    atom, perturbed once with the key sums of both classes (independent of the first)."""
    scores = {}
    for value in VALUES:
        scores[value] = 1.0
        for beside, seen in observations:
            counts = tuple(
                c + b + (v == value)
                for v, c, b in zip(VALUES, planted_counts, beside, strict=True)
            )
            scores[value] *= _likelihoods(counts, None if seen is None else tuple(seen))
    return max(VALUES, key=lambda value: scores[value])


NOTHING = (0, 0, 0, 0, 0)


def test_planted_answers_do_not_tell_the_real_one(planted):
    taught, atoms = everything_she_reads(planted)
    named = Counter()
    for name, school, ours, _beside, week, real in planted:
        week = str(week)
        observations = [
            (NOTHING, taught.get((ours.pk, week))),  # her own check-in
            (BESIDE, atoms.get((school.pk, week))),  # its atom, with her other class
        ]
        named[name] += best_guess(STRATEGIES[name], observations) == real
    rates = {name: named[name] / TRIALS for name in STRATEGIES}
    assert max(rates.values()) <= 0.5, rates


def test_without_the_perturbation_the_same_attack_names_every_answer(
    planted, monkeypatch
):
    """The control: shown counts equal to the true ones, and the planted answers give the
    real one away by subtraction, every time. So the test above is won by the method."""
    from schools.results import rules

    monkeypatch.setattr(rules, "shown_count_sql", lambda count, key: count)
    taught, _atoms = everything_she_reads(planted)
    for name, _school, ours, _beside, week, real in planted:
        seen = taught.get((ours.pk, str(week)))
        if seen is not None:
            extra = [s - c for s, c in zip(seen, STRATEGIES[name], strict=True)]
            assert extra.index(1) + 1 == real


def test_her_second_class_in_another_group_gives_her_nothing_more(planted):
    """With her two classes in different groups, each is alone in its atom and neither
    counts; together they are the school week's rest, shown exactly as their shared
    atom was (the same counts and key sums, perturbed once). So the attack above, and its
    bound, holds for rests too, and per group she gets nothing at all."""
    coordinator = Viewer.coordinator()

    def school_weeks():
        rows = results(viewer=coordinator, group_by=["school", "week"])["results"]
        return _cells(rows, "school", "week")

    together = school_weeks()
    assert len(together) > len(planted) / 2
    CheckInSession.objects.filter(school_class__name="groep 8").update(
        group="groep-5-6"
    )
    assert school_weeks() == together
    assert (
        _cells(
            results(viewer=coordinator, group_by=["school", "week", "group"])[
                "results"
            ],
            "school",
            "week",
        )
        == {}
    )


def test_a_coordinator_alone_cannot_read_a_class_that_is_alone_in_its_atom(db):
    """A village school with one class per band: whatever she plants, a coordinator
    gets no figure of it, so she names the pupil's answer no better than by guessing."""
    rng = random.Random(7)
    municipality = MunicipalityFactory(name="Schagen")
    school = SchoolFactory(name="De Graanhalm", municipality=municipality)
    alone = SchoolClassFactory(school=school, name="groep 6/7/8", groups=["groep-7-8"])
    coordinator = UserFactory()
    CoordinatorScope.objects.create(user=coordinator, municipality=municipality)
    sessions, truth = [], {}
    for number in range(TRIALS):
        week = MONDAY - datetime.timedelta(weeks=number)
        real = rng.choice(VALUES)
        given = [c + (v == real) for v, c in zip(VALUES, (2, 3, 2, 3, 2), strict=True)]
        sessions.append(_session(alone, given, week, rng))
        truth[str(week)] = real
    CheckInSession.objects.bulk_create(sessions)
    viewer = Viewer.coordinator(municipality.pk)
    seen = _cells(results(viewer=viewer, group_by=["week"])["results"], "week")
    named = sum(
        best_guess((2, 3, 2, 3, 2), [(NOTHING, seen.get((week,)))]) == real
        for week, real in truth.items()
    )
    assert seen == {}
    assert named / TRIALS <= 0.3  # a guess is right one time in five


@pytest.mark.parametrize("name", STRATEGIES)
def test_over_every_key_the_best_guess_is_right_at_most_two_times_in_five(name):
    """The same attack worked out exactly, over every key the check-in could have had:
    with the shown counts of the check-in in hand, she names the pupil's answer with this
    probability. A guess alone is right one time in five; with what pupils usually
    answer as her prior (42% "happy"), the docs give those figures too."""
    planted_counts = STRATEGIES[name]
    hypotheses = [
        tuple(c + (v == value) for v, c in zip(VALUES, planted_counts, strict=True))
        for value in VALUES
    ]
    ptable = table()
    rows = {c: ptable.row(c).probabilities() for h in hypotheses for c in h}
    support = [sorted(set().union(*(rows[h[i]] for h in hypotheses))) for i in range(5)]
    right = 0.0
    for seen in itertools.product(*support):
        likelihoods = [
            _product(
                rows[count].get(shown, 0.0)
                for count, shown in zip(h, seen, strict=True)
            )
            for h in hypotheses
        ]
        right += max(likelihoods) / len(VALUES)  # she names the most likely value
    assert right <= 0.4


CHECK_INS = st.lists(
    st.tuples(
        st.integers(0, 3),  # a pair of parallel classes
        st.integers(0, 2),  # week
        st.sampled_from(["lesson_start", "lesson_end"]),
        st.lists(st.integers(0, 6), min_size=5, max_size=5),
        st.lists(st.integers(0, 6), min_size=5, max_size=5),
    ),
    min_size=1,
    max_size=6,
)
FIGURES = [
    ([], {}),
    (["week"], {}),
    (["month"], {"start": str(MONDAY + datetime.timedelta(weeks=1))}),
    (["school"], {}),
    (["school", "week", "moment"], {}),
    (["group", "moment"], {"end": str(MONDAY + datetime.timedelta(weeks=1))}),
    (["municipality"], {"moment": "lesson_end"}),
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(check_ins=CHECK_INS, pick=st.integers(0, 10**6))
def test_no_figure_or_difference_of_figures_tells_one_answer_exactly(
    region, check_ins, pick
):
    """Whatever she adds up or subtracts, as teacher and coordinator together: every figure
    is the same when one pupil gave another answer (a count one higher or lower, with a
    key that shows the same), so no figure pins down what that pupil answered."""
    from django.db import transaction

    from tests.factories import add_check_in

    classes = region["classes"]
    viewers = [
        Viewer.coordinator(),
        Viewer.coordinator(region["den_helder"].pk),
        Viewer.teacher({classes[2].pk, classes[3].pk}),
        Viewer.teacher({c.pk for c in classes[:4]}),
    ]

    def figures():
        return [
            results(viewer=viewer, group_by=group_by, filters=filters)
            for viewer in viewers
            for group_by, filters in FIGURES
        ]

    with transaction.atomic():
        sessions = []
        for pair, week, moment, moods, other in check_ins:
            for index, counts in ((2 * pair, moods), (2 * pair + 1, other)):
                sessions.append(
                    add_check_in(
                        classes[index],
                        counts,
                        week=MONDAY + datetime.timedelta(weeks=week),
                        moment=moment,
                    )
                )
        before = figures()
        session = sessions[pick % len(sessions)]
        value = VALUES[pick % 5]
        changed = _another_answer(session, value, sessions)
        assume(changed)
        assert figures() == before
        transaction.set_rollback(True)


def _another_answer(session, value, sessions):
    """Give one pupil of `session` another answer without changing what is shown: the
    count of `value` one up or down, with a key that shows the same for the check-in (a
    teacher's atom) and for its coordinator atom (counts and key sums added up). The
    numbers of answers that decide what counts stay on the same side of every threshold."""
    ptable = table()
    column = f"mood_{value}"
    count, key = getattr(session, column), getattr(session, f"{column}_key")
    shown = ptable.shown(count, key)
    answered = sum(getattr(session, f"mood_{v}") for v in VALUES)
    atom = [s for s in sessions if atom_key(s) == atom_key(session)]
    atom_answered = sum(sum(getattr(s, f"mood_{v}") for v in VALUES) for s in atom)
    atom_count = sum(getattr(s, column) for s in atom)
    others_key = sum(getattr(s, f"{column}_key") for s in atom) - key
    atom_shown = ptable.shown(atom_count, (others_key + key) % KEY_RANGE)
    for step in (1, -1):
        other = count + step
        if other < 0 or (answered + step >= 5) != (answered >= 5):
            continue
        if (atom_answered + step >= 10) != (atom_answered >= 10) or (
            answered + step > 0
        ) != (answered > 0):
            continue
        low = 0
        for bound, shows in ptable.row(other).bounds:
            if shows == shown:
                for candidate in range(low, bound):
                    if (
                        ptable.shown(
                            atom_count + step, (others_key + candidate) % KEY_RANGE
                        )
                        == atom_shown
                    ):
                        CheckInSession.objects.filter(pk=session.pk).update(
                            **{column: other, f"{column}_key": candidate},
                            n=max(session.n, answered + step),
                        )
                        return True
            low = bound
    return False
