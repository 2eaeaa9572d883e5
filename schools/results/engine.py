"""Every number about check-ins that anyone sees passes through here: pages, exports and the API.

The rules (DOMAIN.md, privacy):
- A teacher sees her own classes, a cell from RESULTS_TEACHER_MIN_ANSWERS (5) answers; a
  coordinator her municipality or the region, from RESULTS_COORDINATOR_MIN_ANSWERS (10), and
  never below school and group-band level.
- A cell where all answers, or all but one, are the same value is suppressed: it would tell
  what each pupil answered.
- Complementary suppression: figures are built from fixed building blocks ("atoms": per school,
  band, week, lesson and moment for coordinators; per class, week, lesson and moment for
  teachers). An atom below the threshold or homogeneous is left out of every figure, totals
  included. Any query, and the difference of any two queries, is then a sum of atoms that
  could each be shown on their own: a hidden atom cannot be worked out, because it is in
  nothing. Periods are whole weeks for the same reason.
- Percentages are whole numbers; a suppressed cell carries no counts at all."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, DateField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import Greatest, TruncMonth, TruncWeek
from django.utils import timezone

from schools.models import (
    SCALES,
    CoordinatorScope,
    Moment,
    QuestionSet,
    ResultCell,
    ResultRollup,
    ResultRollupState,
    SchoolClass,
    answer_columns,
    week_of,
)

QUESTIONS = {
    QuestionSet.YOUNG: ["mood"],
    QuestionSet.STANDARD: ["mood", "energy", "feeling"],
    QuestionSet.LADDER: ["ladder"],
}
POSITIVE = {"mood": {4, 5}, "ladder": {7, 8, 9, 10}}
COORDINATOR_GROUPINGS = (
    "week",
    "month",
    "municipality",
    "school",
    "group",
    "theme",
    "lesson",
    "moment",
)
TEACHER_GROUPINGS = (*COORDINATOR_GROUPINGS, "class")
FILTERS = (
    "municipality",
    "school",
    "group",
    "theme",
    "lesson",
    "moment",
    "start",
    "end",
)


class ResultsError(ValueError):
    """A query the engine will not run; the message says why, in words for people."""


@dataclass(frozen=True)
class Viewer:
    kind: str  # "teacher" or "coordinator"
    threshold: int
    municipality_id: int | None = (
        None  # a coordinator's municipality; None is the whole region
    )
    class_ids: frozenset = field(default_factory=frozenset)

    @property
    def groupings(self):
        return TEACHER_GROUPINGS if self.kind == "teacher" else COORDINATOR_GROUPINGS


def viewer_for(user):
    """Who may read results, and how: a coordinator scope first, else a teacher's classes."""
    if not user.is_authenticated:
        return None
    scope = CoordinatorScope.objects.filter(user=user).first()
    if scope is not None:
        return Viewer(
            "coordinator",
            settings.RESULTS_COORDINATOR_MIN_ANSWERS,
            municipality_id=scope.municipality_id,
        )
    class_ids = frozenset(
        SchoolClass.objects.for_user(user).values_list("pk", flat=True)
    )
    if class_ids:
        return Viewer(
            "teacher", settings.RESULTS_TEACHER_MIN_ANSWERS, class_ids=class_ids
        )
    return None


def viewer_for_request(request):
    """viewer_for, read once per request (a page's menu and view both ask)."""
    if not hasattr(request, "_results_viewer"):
        request._results_viewer = viewer_for(request.user)
    return request._results_viewer


def is_suppressed(counts, *, threshold):
    """Too few answers, or all (or all but one) of them the same value."""
    n = sum(counts.values())
    return n < threshold or max(counts.values(), default=0) >= n - 1


def distribution(values, *, scale, threshold):
    """A cell for one question from raw values (a teacher's own session)."""
    return cell(
        Counter(value for value in values if value not in (None, "")),
        scale=scale,
        threshold=threshold,
    )


def cell(counts, *, scale, threshold, question=None):
    """`{"suppressed": True}`, or `n`, counts, whole percentages, the mean and the share positive."""
    if is_suppressed(counts, threshold=threshold):
        return {"suppressed": True}
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


def session_results(session):
    """A teacher's view of her own session, while its raw answers are kept: one cell per question."""
    threshold = settings.RESULTS_TEACHER_MIN_ANSWERS
    names = QUESTIONS[session.question_set]
    rows = list(session.answers.values_list(*names))
    return {
        name: distribution(
            [row[index] for row in rows], scale=SCALES[name], threshold=threshold
        )
        for index, name in enumerate(names)
    }


# --- Aggregated results for teachers and coordinators.


def _parse_filters(filters, viewer):
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ResultsError(
            f"Unknown filter: {', '.join(sorted(unknown))}. Use: {', '.join(FILTERS)}."
        )
    parsed = {}
    for name, value in filters.items():
        if value in (None, ""):
            continue
        try:
            if name in ("school", "lesson"):
                parsed[name] = int(value)
                if not 0 < parsed[name] < 2**31:
                    raise ValueError
            elif name in ("start", "end"):
                parsed[name] = datetime.date.fromisoformat(str(value))
            elif name == "moment":  # one moment, or several: lesson_start,lesson_end
                parsed[name] = [part.strip() for part in str(value).split(",")]
                if not set(parsed[name]) <= set(Moment.values):
                    raise ValueError
            else:
                parsed[name] = str(value)
        except ValueError as error:
            raise ResultsError(f"Invalid value for {name}: {value!r}.") from error
    if "start" in parsed and "end" in parsed and parsed["start"] > parsed["end"]:
        raise ResultsError("The start of the period is after its end.")
    return parsed


def _conditions(viewer, filters):
    """The viewer's scope and the filters, on the columns that result cells and rollups share."""
    conditions = Q()
    if viewer.kind == "teacher":
        conditions &= Q(school_class__in=viewer.class_ids)
    elif viewer.municipality_id is not None:
        conditions &= Q(municipality_id=viewer.municipality_id)
    if "municipality" in filters:
        conditions &= Q(municipality__slug=filters["municipality"])
    if "school" in filters:
        conditions &= Q(school_id=filters["school"])
    if "group" in filters:
        conditions &= Q(band=filters["group"])
    if "lesson" in filters:
        conditions &= Q(lesson_key=filters["lesson"])
    if "theme" in filters:
        conditions &= Q(lesson_key__in=_lessons_with_theme(filters["theme"]))
    if "moment" in filters:
        conditions &= Q(moment__in=filters["moment"])
    if "start" in filters:
        conditions &= Q(
            week__gte=week_of(filters["start"])
        )  # whole weeks: no day can be differenced out
    if "end" in filters:
        conditions &= Q(week__lte=week_of(filters["end"]))
    return conditions


def _scoped_cells(viewer, filters):
    return ResultCell.objects.filter(_conditions(viewer, filters))


def _lessons_with_theme(slug):
    from lessons.models import LessonPage

    return LessonPage.objects.filter(themes__slug=slug).values("pk")


def _atoms(viewer, cells, columns):
    """The building blocks a viewer's figures are made of, with their counts summed."""
    keys = ["school_class_id"] if viewer.kind == "teacher" else []
    # A class decides its school, band and municipality: these add no finer split.
    keys += ["school_id", "band", "municipality_id", "week", "lesson_key", "moment"]
    return cells.values(*keys).annotate(
        **{f"sum_{column}": Sum(column) for column in columns}
    )


def _published_atoms(viewer, cells, columns):
    """The atoms that may count: from the threshold up and not homogeneous (the largest
    count at most n - 2). Decided in SQL, so nothing below the threshold leaves the database."""
    sums = [Sum(column) for column in columns]
    total = sums[0]
    for extra in sums[1:]:
        total = total + extra
    top = Greatest(*sums) if len(sums) > 1 else sums[0]
    return (
        _atoms(viewer, cells, columns)
        .annotate(atom_n=total, atom_top=top)
        .filter(atom_n__gte=viewer.threshold, atom_top__lt=F("atom_n") - 1)
    )


# Where each grouping's value comes from in the published atoms (months are merged from weeks).
_ATOM_KEY = {
    "week": "week",
    "month": "week",
    "municipality": "municipality_id",
    "school": "school_id",
    "group": "band",
    "class": "school_class_id",
    "lesson": "lesson_key",
    "moment": "moment",
}


def _grouped_sums(sources, group_by, columns):
    """Sum the published atoms per group in the database: Python sees only the result rows.
    `sources` are querysets of atoms (or rollup rows, which are sums of atoms) that name
    their counts `sum_<column>`."""
    from lessons.models import LessonPage, Theme

    quote = connection.ops.quote_name
    needed = list(dict.fromkeys(_ATOM_KEY.get(name, "lesson_key") for name in group_by))
    parts, params = [], []
    for source in sources:
        inner, inner_params = source.query.sql_with_params()
        selected = [f"src.{quote(key)}" for key in needed]
        selected += [f"src.{quote('sum_' + column)}" for column in columns]
        parts.append(f"SELECT {', '.join(selected)} FROM ({inner}) src")  # noqa: S608 (names quoted)
        params.extend(inner_params)
    keys = [
        f"theme.{quote('slug')}"
        if name == "theme"
        else f"atoms.{quote(_ATOM_KEY[name])}"
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
    union = " UNION ALL ".join(parts)
    sql = f"SELECT {', '.join([*keys, *sums])} FROM ({union}) atoms{joins}"  # noqa: S608 (names quoted, values as parameters)
    if keys:
        sql += f" GROUP BY {', '.join(keys)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- Rollups: region-wide figures without reading every result cell.
#
# Result cells of a completed week no longer change (an answer always counts in the week it
# is given). For those weeks the published atoms are summed ahead, per question, at a few
# levels that leave out the school. A coordinator's query that needs no school reads the
# rollup for the completed weeks and the atoms of the weeks after it, and sums both: the same
# atoms, so the same figures as from the result cells alone (a property test holds them
# equal). The rollups are only used when made with today's coordinator threshold.

ROLLUP_LEVELS = {  # level -> the columns it keeps, smallest level first
    "lessons": ("week", "band", "lesson_key", "moment"),
    "municipalities": ("municipality_id", "week", "moment"),
    "bands": ("municipality_id", "week", "band", "moment"),
}
# The column a grouping or filter needs; school and class need the result cells.
_NEEDS = {
    "week": "week",
    "month": "week",
    "start": "week",
    "end": "week",
    "municipality": "municipality_id",
    "group": "band",
    "lesson": "lesson_key",
    "theme": "lesson_key",
    "moment": "moment",
    "school": None,
    "class": None,
}


def _rollup_level(viewer, group_by, filters):
    if viewer.kind != "coordinator":
        return None
    needed = {_NEEDS[name] for name in (*group_by, *filters)}
    if viewer.municipality_id is not None:
        needed.add("municipality_id")
    if None in needed:
        return None
    return next(
        (level for level, kept in ROLLUP_LEVELS.items() if needed <= set(kept)), None
    )


def rollup_state():
    """How far the rollups reach (None before the first refresh)."""
    return ResultRollupState.objects.first()


def _rollup_state(viewer):
    state = rollup_state()
    if state is None or state.threshold != viewer.threshold:
        return None
    return state


def _sources(viewer, group_by, filters, columns, *, rollups=True, state=None):
    """Where a query's atoms come from: result cells, or rollups plus the newer cells.
    Coordinators see completed weeks only (see `results`)."""
    cells = _scoped_cells(viewer, filters)
    if viewer.kind == "coordinator":
        cells = cells.filter(week__lte=last_complete_week())
    level = _rollup_level(viewer, group_by, filters) if rollups else None
    if level and state is None:
        state = _rollup_state(viewer)
    elif state is not None and state.threshold != viewer.threshold:
        state = None
    if not level or state is None:
        return [_published_atoms(viewer, cells, columns)]
    rolled = (
        ResultRollup.objects.filter(
            _conditions(viewer, filters),
            level=level,
            question=_question_of(columns),
            week__lte=state.through_week,
        )
        .values(*ROLLUP_LEVELS[level])
        .annotate(**{f"sum_{column}": F(column) for column in columns})
    )
    newer = cells.filter(week__gt=state.through_week)
    return [rolled, _published_atoms(viewer, newer, columns)]


def _question_of(columns):
    return next(
        question
        for question in SCALES
        if list(answer_columns(question).values()) == list(columns)
    )


def last_complete_week(now=None):
    """The Monday of the last week that has ended, with an hour's grace for answers that
    were being stored at midnight."""
    now = now or timezone.now()
    today = timezone.localdate(now - datetime.timedelta(hours=1))
    return week_of(today) - datetime.timedelta(weeks=1)


@transaction.atomic
def refresh_rollups(*, now=None, full=False):
    """Sum the published atoms of every completed week into the rollups. Idempotent: weeks
    already rolled up are left alone, unless `full` (or the threshold changed), which starts
    again from nothing. Returns (first week done or None, last week, rows written)."""
    threshold = settings.RESULTS_COORDINATOR_MIN_ANSWERS
    viewer = Viewer("coordinator", threshold)
    through = last_complete_week(now)
    state = ResultRollupState.objects.select_for_update().first()
    if full or state is None or state.threshold != threshold:
        ResultRollup.objects.all().delete()
        after = None
    else:
        after = state.through_week
        ResultRollup.objects.filter(week__gt=after).delete()
    cells = ResultCell.objects.filter(week__lte=through)
    if after is not None:
        cells = cells.filter(week__gt=after)
    quote = connection.ops.quote_name
    table = quote(ResultRollup._meta.db_table)
    written = 0
    with connection.cursor() as cursor:
        for question in SCALES:
            columns = list(answer_columns(question).values())
            atoms = _published_atoms(viewer, cells, columns)
            inner, params = atoms.query.sql_with_params()
            others = [
                f"{name}_{value}"
                for name in SCALES
                if name != question
                for value in SCALES[name]
            ]
            for level, kept in ROLLUP_LEVELS.items():
                target = ["level", "question", *kept, "n", *columns, *others]
                total = " + ".join(f"SUM(atoms.{quote('sum_' + c)})" for c in columns)
                selected = [
                    "%s",
                    "%s",
                    *(f"atoms.{quote(key)}" for key in kept),
                    total,
                    *(f"SUM(atoms.{quote('sum_' + c)})" for c in columns),
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
        through_week=through, threshold=threshold, refreshed_at=timezone.now()
    )
    return after, through, written


def _group_key(values, group_by, municipalities):
    key = []
    for name, value in zip(group_by, values, strict=True):
        if name in ("week", "month") and isinstance(value, str):
            value = datetime.date.fromisoformat(
                value
            )  # SQLite returns dates of a subquery as text
        if name == "month":
            value = (value + datetime.timedelta(days=3)).replace(
                day=1
            )  # the month of the week's Thursday
        elif name == "municipality":
            value = municipalities.get(value)
        elif name == "lesson":
            value = value or None
        key.append(value)
    return tuple(key)


def results(
    *, viewer, group_by=(), filters=None, question="mood", rollups=True, state=None
):
    """Rows of group keys with a cell each: the one way any results figure is made.
    `rollups=False` reads only the result cells (the tests compare both ways); `state` is
    the rollup state when the caller has read it already (one read for a page of queries).

    Coordinators see completed weeks only, so their figures change once a week, when a week
    is complete, and never while pupils answer: asking the same thing before and after one
    more answer must not tell what that answer was. Teachers see their own classes live."""
    from schools.models import Municipality

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
    filters = _parse_filters(filters or {}, viewer)
    columns = answer_columns(question)
    sources = _sources(
        viewer, group_by, filters, list(columns.values()), rollups=rollups, state=state
    )
    municipalities = (
        dict(Municipality.objects.values_list("pk", "slug"))
        if "municipality" in group_by
        else {}
    )
    groups = defaultdict(Counter)
    for row in _grouped_sums(sources, group_by, list(columns.values())):
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
    for key in sorted(
        groups, key=lambda key: tuple((value is None, str(value)) for value in key)
    ):
        row = {
            name: _json_value(value) for name, value in zip(group_by, key, strict=True)
        }
        row.update(
            cell(
                groups[key],
                scale=SCALES[question],
                threshold=viewer.threshold,
                question=question,
            )
        )
        rows.append(row)
    if not group_by and not rows:
        rows.append({"suppressed": True})
    return {"threshold": viewer.threshold, "question": question, "results": rows}


def flat_row(row):
    """One result row as flat columns (counts_1, percentages_1, ...), for CSV and XLSX."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update(
                {f"{key}_{inner}": inner_value for inner, inner_value in value.items()}
            )
        else:
            flat[key] = value
    return flat


def flat_columns(rows):
    """The columns of these rows once flattened, in the order they first appear."""
    return list(dict.fromkeys(name for row in rows for name in flat_row(row)))


def _json_value(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def participation(*, viewer, filters=None, period="week"):
    """Activity per week or month: lessons given, sessions, classes and schools taking part,
    and the answers that count in the results (atoms below the threshold count nowhere)."""
    from schools.models import CheckInSession, LessonDelivery

    if period not in ("week", "month"):
        raise ResultsError("Choose week or month as the period.")
    given, filters = filters or {}, _parse_filters(filters or {}, viewer)
    classes = SchoolClass.objects.all()
    if viewer.kind == "teacher":
        classes = classes.filter(pk__in=viewer.class_ids)
    elif viewer.municipality_id is not None:
        classes = classes.filter(school__municipality_id=viewer.municipality_id)
    if "municipality" in filters:
        classes = classes.filter(school__municipality__slug=filters["municipality"])
    if "school" in filters:
        classes = classes.filter(school_id=filters["school"])
    if "group" in filters:
        classes = classes.filter(groups__code=filters["group"])
    sessions = CheckInSession.objects.filter(school_class__in=classes)
    deliveries = LessonDelivery.objects.filter(school_class__in=classes)
    if "lesson" in filters:
        sessions, deliveries = (
            sessions.filter(lesson_id=filters["lesson"]),
            deliveries.filter(lesson_id=filters["lesson"]),
        )
    if "theme" in filters:
        lessons = _lessons_with_theme(filters["theme"])
        sessions, deliveries = (
            sessions.filter(lesson__in=lessons),
            deliveries.filter(lesson__in=lessons),
        )
    if "moment" in filters:
        sessions = sessions.filter(moment__in=filters["moment"])

    start, end = filters.get("start"), filters.get("end")
    if start:
        deliveries = deliveries.filter(delivered_on__gte=week_of(start))
        sessions = sessions.filter(opened_at__date__gte=week_of(start))
    if end:
        last_day = week_of(end) + datetime.timedelta(days=6)
        deliveries = deliveries.filter(delivered_on__lte=last_day)
        sessions = sessions.filter(opened_at__date__lte=last_day)

    def bucket(column):
        """The week (its Monday) or the month (of the week's Thursday), in SQL."""
        week = TruncWeek(column, output_field=DateField())
        if period == "week":
            return week
        thursday = ExpressionWrapper(
            week + datetime.timedelta(days=3), output_field=DateField()
        )
        return TruncMonth(thursday, output_field=DateField())

    rows = defaultdict(
        lambda: {
            "lessons_given": 0,
            "sessions": 0,
            "classes": 0,
            "schools": 0,
            "answers": 0,
        }
    )
    for key, count in (
        deliveries.annotate(bucket=bucket("delivered_on"))
        .values("bucket")
        .annotate(count=Count("pk"))
        .values_list("bucket", "count")
    ):
        rows[_as_date(key)]["lessons_given"] = count
    for key, count, classes, schools in (
        sessions.annotate(bucket=bucket("opened_at"))
        .values("bucket")
        .annotate(
            count=Count("pk"),
            classes=Count("school_class", distinct=True),
            schools=Count("school_class__school", distinct=True),
        )
        .values_list("bucket", "count", "classes", "schools")
    ):
        row = rows[_as_date(key)]
        row.update(sessions=count, classes=classes, schools=schools)
    # Answers that count in the results: exactly the answers behind the mood figures per
    # period (the same engine, so the same suppression, rollups included).
    for row in results(viewer=viewer, group_by=[period], filters=given)["results"]:
        if not row["suppressed"]:
            rows[datetime.date.fromisoformat(row[period])]["answers"] = row["n"]
    return {
        "threshold": viewer.threshold,
        "period": period,
        "results": [{period: key.isoformat(), **rows[key]} for key in sorted(rows)],
    }


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).date()
            if timezone.is_aware(value)
            else value.date()
        )
    if isinstance(value, str):  # SQLite returns dates of a subquery as text
        return datetime.date.fromisoformat(value[:10])
    return value
