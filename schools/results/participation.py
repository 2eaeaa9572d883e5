"""Taking part: lessons given, check-ins held, class activities held (in lesson runs that
have ended: their counts are deleted by then, only how many were held is kept), and the
classes and schools that took part, per week or month. These count activity, not pupils; the "answers" column is the number of
answers behind the mood figures of the period (the engine's, so the same rules). Like the
results, a coordinator sees completed weeks only, and every row is read from where the
activity counted when it happened."""

import datetime
from collections import defaultdict

from django.db.models import Count, DateField, ExpressionWrapper, F, Sum
from django.db.models.functions import TruncMonth

from schools.clock import last_complete_week
from schools.models import CheckInSession, LessonDelivery, LessonRun
from schools.results.atoms import conditions
from schools.results.engine import results
from schools.results.filters import FILTERS, ResultsError, parse_filters
from schools.results.viewers import coordinators_on_the_replica

COLUMNS = (
    "lessons_given",
    "sessions",
    "activities_held",
    "classes",
    "schools",
    "answers",
)


def _bucket(period):
    """The week (its Monday) or the month (of the week's Thursday), in SQL."""
    if period == "week":
        return F("week")
    thursday = ExpressionWrapper(
        F("week") + datetime.timedelta(days=3), output_field=DateField()
    )
    return TruncMonth(thursday, output_field=DateField())


def _as_date(value):
    if isinstance(value, str):  # SQLite gives text from an expression
        return datetime.date.fromisoformat(value[:10])
    return value


@coordinators_on_the_replica
def participation(*, viewer, filters=None, period="week", now=None):
    if period not in ("week", "month"):
        raise ResultsError("Choose week or month as the period.")
    given = dict(filters or {})
    parsed = parse_filters(given, allowed=FILTERS)
    sessions = CheckInSession.objects.filter(conditions(viewer, parsed))
    # A lesson given has no moment: the moment filter is for check-ins only.
    parsed.pop("moment", None)
    deliveries = LessonDelivery.objects.filter(conditions(viewer, parsed))
    runs = LessonRun.objects.filter(conditions(viewer, parsed), ended_at__isnull=False)
    if not viewer.is_teacher:
        through = last_complete_week(now)
        sessions, deliveries, runs = (
            sessions.filter(week__lte=through),
            deliveries.filter(week__lte=through),
            runs.filter(week__lte=through),
        )
    rows = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for key, count in (
        deliveries.annotate(bucket=_bucket(period))
        .values("bucket")
        .annotate(count=Count("pk"))
        .values_list("bucket", "count")
    ):
        rows[_as_date(key)]["lessons_given"] = count
    for key, held in (
        runs.annotate(bucket=_bucket(period))
        .values("bucket")
        .annotate(held=Sum("activities_held"))
        .values_list("bucket", "held")
    ):
        if held:
            rows[_as_date(key)]["activities_held"] = held
    for key, count, classes, schools in (
        sessions.annotate(bucket=_bucket(period))
        .values("bucket")
        .annotate(
            count=Count("pk"),
            classes=Count("school_class", distinct=True),
            schools=Count("school", distinct=True),
        )
        .values_list("bucket", "count", "classes", "schools")
    ):
        rows[_as_date(key)].update(sessions=count, classes=classes, schools=schools)
    answered = results(viewer=viewer, group_by=[period], filters=given, now=now)
    for row in answered["results"]:
        if not row["suppressed"]:
            rows[datetime.date.fromisoformat(row[period])]["answers"] = row["n"]
    return {
        "threshold": viewer.threshold,
        "period": period,
        "results": [{period: key.isoformat(), **rows[key]} for key in sorted(rows)],
    }
