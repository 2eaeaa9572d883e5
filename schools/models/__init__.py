"""The models of schools, check-ins and results, one module per concern."""

from schools.models.checkins import (
    CLASS_SIZE_MARGIN,
    SCALES,
    AnswerCounts,
    CheckInSession,
    Energy,
    Feeling,
    LessonDelivery,
    Moment,
    QuestionSet,
    UsedToken,
    answer_columns,
    open_sessions,
    session_lifetime,
)
from schools.models.organisation import (
    CoordinatorScope,
    Membership,
    Municipality,
    Role,
    School,
    SchoolClass,
    SchoolKind,
    User,
    current_school_year,
)
from schools.models.results import ResultRollup, ResultRollupState
from schools.models.teaching import FavouriteLesson, PlannedLesson

__all__ = [
    "CLASS_SIZE_MARGIN",
    "SCALES",
    "AnswerCounts",
    "CheckInSession",
    "CoordinatorScope",
    "Energy",
    "Feeling",
    "FavouriteLesson",
    "LessonDelivery",
    "Membership",
    "Moment",
    "Municipality",
    "PlannedLesson",
    "QuestionSet",
    "ResultRollup",
    "ResultRollupState",
    "Role",
    "School",
    "SchoolClass",
    "SchoolKind",
    "UsedToken",
    "User",
    "answer_columns",
    "open_sessions",
    "current_school_year",
    "session_lifetime",
]
