"""Coordinators' figures of completed weeks, summed ahead.

Nothing in a completed week changes any more (its check-ins have all ended, and an atom
never loses or gains a check-in afterwards), so its atoms' published counts are summed
ahead per question, at a few levels. A coordinator's query reads the smallest level that
keeps what it groups and filters on, for the weeks the rollups reach, and the atoms of the
completed weeks after that, and adds both up: the same atoms, so the same figures as from
the check-ins alone (a property test holds them equal). Rollups made under other rules
(threshold, classes, perturbation) are never used."""

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from schools.clock import last_complete_week
from schools.models import SCALES, ResultRollup, ResultRollupState, answer_columns
from schools.results.atoms import conditions, coordinator_atoms, needed, with_rests
from schools.results.rules import fingerprint
from schools.results.viewers import Viewer

# level -> (the columns it keeps, whether it holds the school weeks' rests), smallest
# first. A query reads the first level that keeps what it needs and holds rests when the
# query adds them (schools.results.atoms.with_rests).
LEVELS = {
    "weeks": (("municipality_id", "week"), True),
    "school_weeks": (("school_id", "municipality_id", "week"), True),
    "lessons": (("week", "group", "lesson_key", "moment"), False),
    "municipalities": (("municipality_id", "week", "moment"), False),
    "groups": (("municipality_id", "week", "group", "moment"), False),
    "atoms": (
        ("school_id", "municipality_id", "week", "group", "lesson_key", "moment"),
        False,
    ),
}


def rollup_state():
    """How far the rollups reach (None before the first refresh)."""
    return ResultRollupState.objects.first()


def usable_state(state):
    return state if state is not None and state.rules == fingerprint() else None


def level_for(viewer, group_by, filters):
    columns = needed(viewer, group_by, filters)
    rests = with_rests(viewer, group_by, filters)
    return next(
        level
        for level, (kept, holds_rests) in LEVELS.items()
        if columns <= set(kept) and holds_rests == rests
    )


def rolled_up(viewer, level, question, filters, state):
    columns = answer_columns(question).values()
    return (
        ResultRollup.objects.filter(
            conditions(viewer, filters, lesson="lesson_key"),
            level=level,
            question=question,
            week__lte=state.through_week,
        )
        .values(*LEVELS[level][0])
        .annotate(**{f"sum_{column}": F(column) for column in columns})
    )


@transaction.atomic
def refresh_rollups(*, now=None, full=False):
    """Sum the published atoms of every completed week into the rollups. Idempotent: weeks
    already rolled up are left alone, unless `full` (or the rules changed), which starts
    again from nothing. Returns (first week done or None, last week, rows written)."""
    viewer = Viewer.coordinator()
    through = last_complete_week(now)
    state = ResultRollupState.objects.select_for_update().first()
    if full or usable_state(state) is None:
        ResultRollup.objects.all().delete()
        after = None
    else:
        after = state.through_week
        ResultRollup.objects.filter(week__gt=after).delete()
    quote = connection.ops.quote_name
    table = quote(ResultRollup._meta.db_table)
    written = 0
    with connection.cursor() as cursor:
        for question in SCALES:
            columns = list(answer_columns(question).values())
            atoms = {
                rests: coordinator_atoms(
                    viewer, {}, columns, now=now, after_week=after, rests=rests
                )
                for rests in (False, True)
            }
            others = [
                column
                for name in SCALES
                if name != question
                for column in answer_columns(name).values()
            ]
            for level, (kept, rests) in LEVELS.items():
                inner, params = atoms[rests]
                sums = [f"SUM(atoms.{quote('sum_' + c)})" for c in columns]
                target = ["level", "question", *kept, "n", *columns, *others]
                selected = [
                    "%s",
                    "%s",
                    *(f"atoms.{quote(key)}" for key in kept),
                    " + ".join(sums),
                    *sums,
                    *("0" for _ in others),
                ]
                grouping = ", ".join(f"atoms.{quote(key)}" for key in kept)
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(quote(c) for c in target)}) "  # noqa: S608 (names quoted, values as parameters)
                    f"SELECT {', '.join(selected)} FROM ({inner}) atoms GROUP BY {grouping}",
                    [level, question, *params],
                )
                written += cursor.rowcount
    ResultRollupState.objects.all().delete()
    ResultRollupState.objects.create(
        through_week=through, rules=fingerprint(), refreshed_at=timezone.now()
    )
    return after, through, written
