"""The building blocks every figure is a sum of ("atoms"), and which of them may count.

- A teacher's atom is one check-in of her own classes that has ended (closed or expired).
  A check-in still open is in no figure: its counts move with every answer, so watching
  them would show each answer as it comes in.
- A coordinator's atom is one school x group x week x lesson x moment of a completed week,
  summed over the check-ins in it. The atoms of a school's week that do not count are, for
  figures that do not split by group, lesson or moment, summed into one more atom: the
  school week's rest (a class alone in its group still counts in its school's figures,
  together with other classes).

Which atoms count is decided in schools.results.rules. A teacher's atom (a check-in) shows
its counts perturbed with its key sums; a coordinator's atom is perturbed once, with the
sum of its check-ins' counts and key sums (key sums add up like counts). Every figure is a sum of
atoms that count, so an atom that does not count is in no figure, totals included: no
difference of figures can bring it back (complementary suppression by construction)."""

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Coalesce

from schools.clock import last_complete_week, week_of
from schools.models import CheckInSession
from schools.results import rules
from schools.results.perturbation import KEY_RANGE

# The columns a teacher's atoms carry; a coordinator's leave out the class. Every source
# (check-ins, atoms, rollups) names them alike, so the engine can add them up together.
TEACHER_KEYS = (
    "school_class_id",
    "school_id",
    "group",
    "municipality_id",
    "week",
    "lesson_key",
    "moment",
)
COORDINATOR_KEYS = TEACHER_KEYS[1:]


def conditions(viewer, filters, *, lesson="lesson_id"):
    """The viewer's scope and the filters, on the columns check-ins and rollups share."""
    condition = Q()
    if viewer.is_teacher:
        condition &= Q(school_class_id__in=viewer.class_ids)
    elif viewer.municipality_id is not None:
        condition &= Q(municipality_id=viewer.municipality_id)
    if "session" in filters:
        condition &= Q(pk=filters["session"])
    if "municipality" in filters:
        condition &= Q(municipality__slug=filters["municipality"])
    if "school" in filters:
        condition &= Q(school_id=filters["school"])
    if "group" in filters:
        condition &= Q(group=filters["group"])
    if "lesson" in filters:
        condition &= Q(**{lesson: filters["lesson"]})
    if "theme" in filters:
        condition &= Q(**{f"{lesson}__in": lessons_with_theme(filters["theme"])})
    if "moment" in filters:
        condition &= Q(moment__in=filters["moment"])
    # Whole weeks only: no single day can be subtracted out of a period.
    if "start" in filters:
        condition &= Q(week__gte=week_of(filters["start"]))
    if "end" in filters:
        condition &= Q(week__lte=week_of(filters["end"]))
    return condition


def lessons_with_theme(slug):
    from lessons.models import LessonPage

    return LessonPage.objects.filter(themes__slug=slug).values("pk")


def _sessions(sessions, keys, columns):
    """SQL of these check-ins: their keys, true counts of `columns` and key sums."""
    selected = sessions.annotate(lesson_key=Coalesce("lesson_id", 0)).values(
        *keys, *columns, *(f"{column}_key" for column in columns)
    )
    inner, params = selected.query.sql_with_params()
    return inner, list(params)


def _shown(columns, count="{}", key="{}_key"):
    """`shown_<column>`: what each count shows with its key sum (the cell key method,
    schools.results.rules.shown_count_sql)."""
    quote = connection.ops.quote_name
    return ", ".join(
        f"{rules.shown_count_sql(quote(count.format(c)), quote(key.format(c)))} "
        f"AS {quote('shown_' + c)}"
        for c in columns
    )


def _shown_sessions(sessions, keys, columns):
    """SQL of these check-ins with, as `shown_<column>`, what each count shows."""
    inner, params = _sessions(sessions, keys, columns)
    return f"SELECT s.*, {_shown(columns)} FROM ({inner}) s", params  # noqa: S608 (names quoted)


def _sum(names):
    return " + ".join(names)


def _greatest(names):
    function = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    return f"{function}({', '.join(names)})"


def teacher_atoms(viewer, filters, columns, *, now=None):
    """A teacher's ended check-ins that count, one row each, with their shown counts as
    `sum_<column>`: (sql, params)."""
    quote = connection.ops.quote_name
    sessions = CheckInSession.objects.ended(now).filter(conditions(viewer, filters))
    inner, params = _shown_sessions(sessions, TEACHER_KEYS, columns)
    true = [quote(c) for c in columns]
    shown = [quote(f"shown_{c}") for c in columns]
    selected = [quote(key) for key in TEACHER_KEYS]
    selected += [f"{quote('shown_' + c)} AS {quote('sum_' + c)}" for c in columns]
    sql = (
        f"SELECT {', '.join(selected)} FROM ({inner}) t "  # noqa: S608 (names quoted)
        f"WHERE {_sum(true)} >= %s AND {_greatest(shown)} < {_sum(shown)} - 1"
    )
    return sql, [*params, rules.min_answers(viewer)]


# The atoms' column each grouping and filter reads (a month is merged from weeks; a theme
# is its lessons').
COLUMN_OF = {
    "week": "week",
    "month": "week",
    "start": "week",
    "end": "week",
    "municipality": "municipality_id",
    "school": "school_id",
    "group": "group",
    "class": "school_class_id",
    "lesson": "lesson_key",
    "theme": "lesson_key",
    "moment": "moment",
}
# What a school's week rest keeps of the coordinator's keys.
REST_KEYS = ("school_id", "municipality_id", "week")


def needed(viewer, group_by, filters):
    """The atoms' columns a query groups or filters on (a municipality's coordinator
    always filters on hers)."""
    columns = {COLUMN_OF[name] for name in (*group_by, *filters)}
    if viewer.municipality_id is not None:
        columns.add("municipality_id")
    return columns


def with_rests(viewer, group_by, filters):
    """Whether a coordinator's query adds the school weeks' rests: only when it neither
    groups nor filters on what a rest leaves out (group, lesson, theme, moment)."""
    return needed(viewer, group_by, filters) <= set(REST_KEYS)


def _summed(source, keys, columns):
    """SQL summing check-ins `source` per `keys`: true counts `true_<column>`, key sums
    `key_<column>`, `answered` and `classes` (classes with answers)."""
    quote = connection.ops.quote_name
    answered = _sum(quote(c) for c in columns)
    classes = (
        f"COUNT(DISTINCT CASE WHEN {answered} > 0 THEN {quote('school_class_id')} END)"
    )
    summed = ", ".join(
        [
            *keys,
            *(f"SUM({quote(c)}) AS {quote('true_' + c)}" for c in columns),
            *(
                f"SUM({quote(c + '_key')}) %% {KEY_RANGE} AS {quote('key_' + c)}"
                for c in columns
            ),
            f"SUM({answered}) AS answered",
            f"{classes} AS classes",
        ]
    )
    atoms = f"SELECT {summed} FROM {source} GROUP BY {', '.join(keys)}"  # noqa: S608 (names quoted)
    return (
        f"SELECT a.*, {_shown(columns, count='true_{}', key='key_{}')} FROM ({atoms}) a"  # noqa: S608
    )


def _counts(viewer, columns):
    """The coordinator's rule on a summed atom, in SQL: (condition, params)."""
    sums = [connection.ops.quote_name("shown_" + c) for c in columns]
    condition = (
        f"answered >= %s AND classes >= %s AND {_greatest(sums)} < {_sum(sums)} - 1"
    )
    return condition, [rules.min_answers(viewer), rules.min_classes(viewer)]


def coordinator_atoms(
    viewer, filters, columns, *, now=None, after_week=None, rests=False
):
    """A coordinator's atoms that count, with their shown counts as `sum_<column>`:
    ended check-ins of completed weeks (after `after_week`, when the rollups hold the
    weeks before), summed per school, group, week, lesson and moment: (sql, params).

    An atom is perturbed once, with its own key sum (the sum of its answers' record keys):
    the noise of a figure grows with its atoms, not with its check-ins.

    With `rests`, each school's week also gives its rest: the check-ins of that week whose
    own atom does not count, summed as one more atom (group, lesson and moment empty) under
    the same rules. A rest is in a figure whole or not at all (schools.results.atoms
    .with_rests), so no difference of figures splits it into the atoms it is made of."""
    quote = connection.ops.quote_name
    sessions = CheckInSession.objects.ended(now).filter(
        conditions(viewer, filters), week__lte=last_complete_week(now)
    )
    if after_week is not None:
        sessions = sessions.filter(week__gt=after_week)
    inner, params = _sessions(sessions, TEACHER_KEYS, columns)
    keys = [quote(key) for key in COORDINATOR_KEYS]
    counting, rule_params = _counts(viewer, columns)
    shown = [f"{quote('shown_' + c)} AS {quote('sum_' + c)}" for c in columns]
    sql = (
        f"WITH checkins AS ({inner}), atoms AS ({_summed('checkins', keys, columns)}) "  # noqa: S608 (names quoted)
        f"SELECT {', '.join([*keys, *shown])} FROM atoms WHERE {counting}"
    )
    params += rule_params
    if rests:
        joined = " AND ".join(f"c.{key} = a.{key}" for key in keys)
        left_over = (
            f"(SELECT c.* FROM checkins c JOIN atoms a ON {joined} "  # noqa: S608 (names quoted)
            f"WHERE NOT ({counting})) rest"
        )
        rest_keys = [quote(key) for key in REST_KEYS]
        selected = [key if key in rest_keys else f"NULL AS {key}" for key in keys]
        sql += (
            f" UNION ALL SELECT {', '.join([*selected, *shown])} "  # noqa: S608 (names quoted)
            f"FROM ({_summed(left_over, rest_keys, columns)}) r WHERE {counting}"
        )
        params += [*rule_params, *rule_params]
    return sql, params
