"""The building blocks every figure is a sum of ("atoms"), and which of them may count.

- A teacher's atom is one check-in of her own classes that has ended (closed or expired).
  A check-in still open is in no figure: its counts move with every answer, so watching
  them would show each answer as it comes in.
- A coordinator's atom is one school x band x week x lesson x moment of a completed week,
  summed over the check-ins in it.

An atom counts when it has at least the viewer's threshold of answers to the question and
its counts are not (nearly) all one value. Every figure is a sum of atoms that count, so an
atom that does not count is in no figure, totals included: no difference of figures can
bring it back (complementary suppression by construction)."""

from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import GreaterThanOrEqual, LessThan

from schools.clock import last_complete_week, week_of
from schools.models import CheckInSession

# The columns a teacher's atoms carry; a coordinator's leave out the class. Every source
# (check-ins, atoms, rollups) names them alike, so the engine can add them up together.
TEACHER_KEYS = (
    "school_class_id",
    "school_id",
    "band",
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
        condition &= Q(band=filters["group"])
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


def published_count(column):
    """The count a check-in shows for one value: what every figure adds up."""
    return F(column)


def _total(expressions):
    total = expressions[0]
    for expression in expressions[1:]:
        total = total + expression
    return total


def teacher_atoms(viewer, filters, columns, *, now=None):
    """A teacher's ended check-ins that count, one row each, with their published counts
    as `sum_<column>`."""
    published = {f"sum_{column}": published_count(column) for column in columns}
    answered = _total([F(column) for column in columns])
    shown = list(published.values())
    return (
        CheckInSession.objects.ended(now)
        .filter(conditions(viewer, filters))
        .annotate(lesson_key=Coalesce("lesson_id", 0), **published)
        .filter(
            GreaterThanOrEqual(answered, viewer.threshold),
            LessThan(Greatest(*shown), _total(shown) - 1),
        )
        .values(*TEACHER_KEYS, *published)
    )


def coordinator_atoms(viewer, filters, columns, *, now=None, after_week=None):
    """A coordinator's atoms that count, with their published counts as `sum_<column>`:
    ended check-ins of completed weeks (after `after_week`, when the rollups hold the
    weeks before), summed per school, band, week, lesson and moment."""
    sessions = (
        CheckInSession.objects.ended(now)
        .filter(conditions(viewer, filters), week__lte=last_complete_week(now))
        .annotate(lesson_key=Coalesce("lesson_id", 0))
    )
    if after_week is not None:
        sessions = sessions.filter(week__gt=after_week)
    published = {f"sum_{column}": Sum(published_count(column)) for column in columns}
    answered = _total([Sum(column) for column in columns])
    shown = list(published.values())
    return (
        sessions.values(*COORDINATOR_KEYS)
        .annotate(**published, atom_n=answered, atom_top=Greatest(*shown))
        .filter(atom_n__gte=viewer.threshold, atom_top__lt=_total(shown) - 1)
    )
