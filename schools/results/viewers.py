"""Who reads results, and under which rules: teachers (and school admins) read their own
classes' closed check-ins; pilot coordinators read their municipality or the region."""

import enum
import functools
from dataclasses import dataclass, field

from cms import replica
from schools.models import CoordinatorScope, SchoolClass

GROUPINGS = (
    "week",
    "month",
    "municipality",
    "school",
    "group",
    "theme",
    "lesson",
    "moment",
)


class ViewerKind(enum.StrEnum):
    TEACHER = "teacher"
    COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Viewer:
    kind: ViewerKind
    # A teacher's classes (a school admin's: every class of her school).
    class_ids: frozenset = field(default_factory=frozenset)
    # A coordinator's municipality; None is the whole region.
    municipality_id: int | None = None

    @classmethod
    def teacher(cls, class_ids):
        return cls(ViewerKind.TEACHER, class_ids=frozenset(class_ids))

    @classmethod
    def coordinator(cls, municipality_id=None):
        return cls(ViewerKind.COORDINATOR, municipality_id=municipality_id)

    @property
    def is_teacher(self):
        return self.kind is ViewerKind.TEACHER

    @property
    def threshold(self):
        """The fewest answers an atom needs to count in any figure."""
        from schools.results.rules import min_answers

        return min_answers(self)

    @property
    def groupings(self):
        return (*GROUPINGS, "class") if self.is_teacher else GROUPINGS


def viewer_for(user):
    """Who may read results, and how: a coordinator scope first, else a teacher's classes."""
    if not user.is_authenticated:
        return None
    scope = CoordinatorScope.objects.filter(user=user).first()
    if scope is not None:
        return Viewer.coordinator(scope.municipality_id)
    class_ids = SchoolClass.objects.for_user(user).values_list("pk", flat=True)
    class_ids = frozenset(class_ids)
    return Viewer.teacher(class_ids) if class_ids else None


def viewer_for_request(request):
    """viewer_for, read once per request (a page's menu and view both ask)."""
    if not hasattr(request, "_results_viewer"):
        request._results_viewer = viewer_for(request.user)
    return request._results_viewer


def coordinators_on_the_replica(function):
    """An engine read (its `viewer` keyword) on the read replica when the viewer is a
    coordinator (cms/replica.py: completed weeks only, so lag cannot show a running week);
    teachers read their check-ins, closed a moment ago, from the primary. On the replica
    the rollups' state is read there too (a `state` read from the primary could name
    weeks the replica has not rolled up yet)."""

    @functools.wraps(function)
    def reading(*args, viewer, **kwargs):
        if viewer.is_teacher or not replica.configured():
            return function(*args, viewer=viewer, **kwargs)

        def on_replica():
            rest = {name: value for name, value in kwargs.items() if name != "state"}
            return function(*args, viewer=viewer, **rest)

        def on_primary():
            return function(*args, viewer=viewer, **kwargs)

        return replica.read(on_replica, fallback=on_primary)

    return reading
