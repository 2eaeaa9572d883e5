"""The one reading of results filters, for the API, the dashboard and the exports alike:
raw values in, checked values out, or a ResultsError that says what is wrong."""

import datetime
import re

from lessons.models import Group
from schools.models import Moment

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
TEACHER_FILTERS = (*FILTERS, "session")
# Periods outside these years are typing errors; they would also overflow date arithmetic.
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)
MAX_ID = 2**31 - 1
SLUG_PATTERN = "^[-a-zA-Z0-9_]{1,80}$"  # Django's slugs; the API schema says the same


class ResultsError(ValueError):
    """A query the engine will not run; the message says why, in words for people."""


def _identifier(value):
    number = int(value)
    if not 0 < number <= MAX_ID:
        raise ValueError
    return number


def _day(value):
    day = datetime.date.fromisoformat(str(value))
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError
    return day


def _moments(value):  # one moment, or several: lesson_start,lesson_end
    moments = [part.strip() for part in str(value).split(",")]
    if not set(moments) <= set(Moment.values):
        raise ValueError
    return moments


def _slug(value):
    text = str(value)
    if not re.fullmatch(SLUG_PATTERN[1:-1], text):
        raise ValueError
    return text


def _group(value):
    if value not in Group.values:
        raise ValueError
    return str(value)


PARSERS = {
    "municipality": _slug,
    "school": _identifier,
    "group": _group,
    "theme": _slug,
    "lesson": _identifier,
    "session": _identifier,
    "moment": _moments,
    "start": _day,
    "end": _day,
}


def parse_filters(raw, *, allowed=FILTERS):
    """`raw` maps filter names to text (or already typed values); empty values are no filter."""
    unknown = set(raw) - set(allowed)
    if unknown:
        raise ResultsError(
            f"Unknown filter: {', '.join(sorted(unknown))}. Use: {', '.join(allowed)}."
        )
    parsed = {}
    for name, value in raw.items():
        if value in (None, ""):
            continue
        try:
            parsed[name] = PARSERS[name](value)
        except (TypeError, ValueError) as error:
            raise ResultsError(f"Invalid value for {name}: {value!r}.") from error
    if "start" in parsed and "end" in parsed and parsed["start"] > parsed["end"]:
        raise ResultsError("The start of the period is after its end.")
    return parsed
