"""What the OpenAPI schema says beyond what drf-spectacular reads from the views: the
error answers every endpoint can give, and parameters as strict as the rules that read
them (`schools.results.filters`), so that a client (or schemathesis) that keeps to the
schema is never refused for a value the schema allowed."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from lessons.models import DurationFilter, Group
from schools.models import SCALES, Moment
from schools.results.filters import MAX_ID, SLUG_PATTERN
from schools.results.viewers import GROUPINGS as COORDINATOR_GROUPINGS


def only_public_api(endpoints, **kwargs):
    """Document our API under /api/v1/ only, not the Wagtail admin's internal API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def link_answer_to_its_session(result, generator, request, public):
    """The one step of the pupil app, as an OpenAPI link: the session's code and token
    go into the answer. Clients (and schemathesis' stateful phase) can follow it."""
    session = result["paths"].get("/api/v1/sessions/{code}/", {}).get("get")
    if session:
        session["responses"]["200"]["links"] = {
            "answer": {
                "operationId": "checkins_create",
                "description": "Answer this check-in, once, with its token.",
                "requestBody": {
                    "code": "$response.body#/code",
                    "token": "$response.body#/token",
                },
            }
        }
    return result


ANSWERS = {
    "type": "object",
    "description": "The questions of the session's set that the pupil answered; "
    "each may be left out. Which questions a set has: `questions` in the session.",
    "properties": {
        name: {"type": "integer", "minimum": values[0], "maximum": values[-1]}
        if isinstance(values[0], int)
        else {"type": "string", "enum": list(values)}
        for name, values in SCALES.items()
    },
    "additionalProperties": False,
}


class ErrorSerializer(serializers.Serializer):
    """Every error: a message people can read, and per field what is wrong."""

    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="Per field, its messages (nested for a field of objects).",
    )


ERRORS = {
    400: "Invalid input; `detail` says what, `errors` per field.",
    401: "No valid API key or session.",
    403: "Signed in, but not allowed to read this.",
    404: "Not found (an unknown code, slug, page or format).",
    409: "Not possible now: a closed check-in, a used token or a full class.",
    413: "Body too large.",
    429: "Too many requests (or wrong codes) from this client: wait (`Retry-After`).",
}


def errors(*statuses):
    """The error responses an operation gives, all with the one error body."""
    return {
        status: OpenApiResponse(ErrorSerializer, description=ERRORS[status])
        for status in statuses
    }


# Parameters, as strict as their parsers.
IDENTIFIER = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
SLUG = {"type": "string", "pattern": SLUG_PATTERN}
DAY = {"type": "string", "format": "date", "pattern": "^20[0-9]{2}-"}
TEXT = {"type": "string", "pattern": "^[^\\x00]+$"}  # Django refuses NUL characters
MOMENTS = "|".join(Moment.values)
GROUPINGS = "|".join((*COORDINATOR_GROUPINGS, "class"))


def _list_of(names, most):
    return f"^({names})(,({names})){{0,{most - 1}}}$"


def _filter(name, schema, **kwargs):
    """A filter parameter; the API refuses an empty one (leave it out instead)."""
    return OpenApiParameter(name, schema, allow_blank=False, **kwargs)


LESSON_PARAMETERS = [
    OpenApiParameter("theme", SLUG, description="Theme slug."),
    OpenApiParameter("q", TEXT, description="Search words."),
    OpenApiParameter(
        "thema", SLUG, deprecated=True, description="The old name of `theme`."
    ),
    OpenApiParameter(
        "groep",
        str,
        enum=Group.values,
        deprecated=True,
        description="The old name of `group`.",
    ),
    OpenApiParameter(
        "duur",
        int,
        enum=[choice.value for choice in DurationFilter],
        deprecated=True,
        description="The old name of `duration`.",
    ),
]

RESULTS_PARAMETERS = [
    _filter(
        "group_by",
        {"type": "string", "pattern": _list_of(GROUPINGS, 3)},
        description="Up to three, comma-separated and different: week, month, "
        "municipality, school, group, theme, lesson, moment (teachers also: class).",
    ),
    _filter(
        "question",
        str,
        enum=["mood", "energy", "feeling", "ladder"],
        description="Default: mood.",
    ),
    _filter("municipality", SLUG, description="Municipality slug."),
    _filter("school", IDENTIFIER),
    _filter("group", str, enum=Group.values),
    _filter("theme", SLUG, description="Theme slug."),
    _filter("lesson", IDENTIFIER),
    _filter(
        "moment",
        {"type": "string", "pattern": _list_of(MOMENTS, len(Moment.values))},
        description="One moment or several, comma-separated: "
        + ", ".join(Moment.values)
        + ".",
    ),
    _filter(
        "start",
        DAY,
        description="Whole weeks: the week of this date is the first (2000-2099).",
    ),
    _filter(
        "end",
        DAY,
        description="Whole weeks: the week of this date is the last (2000-2099).",
    ),
]
