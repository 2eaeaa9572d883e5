"""The one way any results figure is made: pick the atoms a viewer's query may use, add
their published counts up per group in the database, and shape each group as a cell."""

import datetime
from collections import Counter, defaultdict

from django.db import connection

from cms import replica
from schools.clock import month_of_week
from schools.models import SCALES, Municipality, QuestionSet, answer_columns
from schools.results import perturbation
from schools.results.atoms import (
    COLUMN_OF,
    coordinator_atoms,
    teacher_atoms,
    with_rests,
)
from schools.results.filters import (
    FILTERS,
    TEACHER_FILTERS,
    ResultsError,
    parse_filters,
)
from schools.results.rollups import level_for, rolled_up, rollup_state, usable_state
from schools.results.viewers import Viewer, coordinators_on_the_replica

QUESTIONS = {
    QuestionSet.YOUNG: ["mood"],
    QuestionSet.STANDARD: ["mood", "energy", "feeling"],
    QuestionSet.LADDER: ["ladder"],
}
POSITIVE = {"mood": {4, 5}, "ladder": {7, 8, 9, 10}}


def cell(counts, *, scale, question=None):
    """`n`, counts, whole percentages, the mean and the share positive of one group."""
    n = sum(counts.values())
    result = {
        "suppressed": False,
        "n": n,
        "counts": {str(value): counts.get(value, 0) for value in scale},
        "percentages": {
            str(value): round(100 * counts.get(value, 0) / n) for value in scale
        },
    }
    if all(isinstance(value, int) for value in scale):
        result["mean"] = round(
            sum(value * count for value, count in counts.items()) / n, 2
        )
    if question in POSITIVE:
        result["positive_pct"] = round(
            100 * sum(counts.get(value, 0) for value in POSITIVE[question]) / n
        )
    return result


def sources(
    viewer, group_by, filters, question, *, rollups_allowed=True, state=None, now=None
):
    """(sql, params) of the atoms (or rollup rows, sums of atoms) a query adds up."""
    columns = list(answer_columns(question).values())
    if viewer.is_teacher:
        return [teacher_atoms(viewer, filters, columns, now=now)]
    rests = with_rests(viewer, group_by, filters)
    if rollups_allowed:
        state = usable_state(state or rollup_state())
    if not rollups_allowed or state is None:
        return [coordinator_atoms(viewer, filters, columns, now=now, rests=rests)]
    level = level_for(viewer, group_by, filters)
    rolled = rolled_up(viewer, level, question, filters, state).query.sql_with_params()
    return [
        rolled,
        coordinator_atoms(
            viewer,
            filters,
            columns,
            now=now,
            after_week=state.through_week,
            rests=rests,
        ),
    ]


def _grouped_sums(parts, group_by, columns):
    """Add the atoms up per group in the database: Python sees only the result rows.
    `parts` are (sql, params) of rows that name their counts `sum_<column>`."""
    from lessons.models import LessonPage, Theme

    quote = connection.ops.quote_name
    needed = list(dict.fromkeys(COLUMN_OF[name] for name in group_by))
    selects, params = [], []
    for inner, inner_params in parts:
        selected = [f"src.{quote(key)}" for key in needed]
        selected += [f"src.{quote('sum_' + column)}" for column in columns]
        selects.append(f"SELECT {', '.join(selected)} FROM ({inner}) src")  # noqa: S608 (names quoted)
        params.extend(inner_params)
    keys = [
        f"theme.{quote('slug')}"
        if name == "theme"
        else f"atoms.{quote(COLUMN_OF[name])}"
        for name in group_by
    ]
    sums = [f"SUM(atoms.{quote('sum_' + column)})" for column in columns]
    joins = ""
    if "theme" in group_by:  # a lesson with two themes counts under both
        through = LessonPage.themes.through._meta.db_table
        joins = (
            f" LEFT JOIN {quote(through)} lesson_theme ON lesson_theme.{quote('lessonpage_id')} = atoms.{quote('lesson_key')}"
            f" LEFT JOIN {quote(Theme._meta.db_table)} theme ON theme.{quote('id')} = lesson_theme.{quote('theme_id')}"
        )
    union = " UNION ALL ".join(selects)
    sql = f"SELECT {', '.join([*keys, *sums])} FROM ({union}) atoms{joins}"  # noqa: S608 (names quoted, values as parameters)
    if keys:
        sql += f" GROUP BY {', '.join(keys)}"
    with (
        replica.reading_connection().cursor() as cursor
    ):  # a coordinator's: the replica
        cursor.execute(sql, params)
        return cursor.fetchall()


def _group_key(values, group_by, municipalities):
    key = []
    for name, value in zip(group_by, values, strict=True):
        if name in ("week", "month") and isinstance(value, str):
            value = datetime.date.fromisoformat(
                value
            )  # SQLite gives text from a subquery
        if name == "month":
            value = month_of_week(value)
        elif name == "municipality":
            value = municipalities.get(value)
        elif name == "lesson":
            value = value or None
        key.append(value)
    return tuple(key)


def _json_value(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def check_query(viewer, group_by, filters, question):
    """The query as the engine runs it, or a ResultsError that says what is wrong."""
    group_by = [name for name in group_by if name]
    if question not in SCALES:
        raise ResultsError(f"Unknown question: {question!r}. Use: {', '.join(SCALES)}.")
    unknown = set(group_by) - set(viewer.groupings)
    if unknown:
        raise ResultsError(
            f"Unknown grouping: {', '.join(sorted(unknown))}. Use: {', '.join(viewer.groupings)}."
        )
    if len(set(group_by)) != len(group_by) or len(group_by) > 3:
        raise ResultsError("Group by at most three different things.")
    allowed = TEACHER_FILTERS if viewer.is_teacher else FILTERS
    return group_by, parse_filters(filters or {}, allowed=allowed)


@coordinators_on_the_replica
def results(
    *,
    viewer,
    group_by=(),
    filters=None,
    question="mood",
    rollups=True,
    state=None,
    now=None,
):
    """Rows of group keys with a cell each. A group is shown when at least one atom in it
    counts; it then holds exactly those atoms. `rollups=False` reads only the check-ins
    (the tests compare both ways); `state` is the rollup state when the caller has read it
    already (one read for a page of queries)."""
    group_by, filters = check_query(viewer, group_by, filters, question)
    columns = answer_columns(question)
    parts = sources(
        viewer,
        group_by,
        filters,
        question,
        rollups_allowed=rollups,
        state=state,
        now=now,
    )
    municipalities = (
        dict(Municipality.objects.values_list("pk", "slug"))
        if "municipality" in group_by
        else {}
    )
    groups = defaultdict(Counter)
    for row in _grouped_sums(parts, group_by, list(columns.values())):
        counts = row[len(group_by) :]
        if not any(counts):
            continue
        groups[_group_key(row[: len(group_by)], group_by, municipalities)].update(
            {
                value: int(count)
                for value, count in zip(columns, counts, strict=True)
                if count
            }
        )
    rows = []
    for key in sorted(groups, key=lambda key: tuple((v is None, str(v)) for v in key)):
        row = {
            name: _json_value(value) for name, value in zip(group_by, key, strict=True)
        }
        row.update(cell(groups[key], scale=SCALES[question], question=question))
        rows.append(row)
    if not group_by and not rows:
        rows.append({"suppressed": True})
    return {
        "threshold": viewer.threshold,
        "perturbation": perturbation.parameters(),
        "question": question,
        "results": rows,
    }


def session_results(session, *, now=None):
    """What the board shows of one check-in: a cell per question once it has ended, or
    `{"suppressed": True}` (still open, too few answers, or all nearly the same)."""
    viewer = Viewer.teacher({session.school_class_id})
    return {
        question: results(
            viewer=viewer, filters={"session": session.pk}, question=question, now=now
        )["results"][0]
        for question in QUESTIONS[session.question_set]
    }
