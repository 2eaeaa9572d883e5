from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from schools.checkins.services import CheckInError


def api_exception_handler(exc, context):
    """Errors are JSON with a message people can read: a rule a service refused becomes 400
    (invalid input) or its own status (404, 409), never a 500. A database that does not
    answer is not handled here: it passes on to cms.middleware.DatabaseUnavailableMiddleware,
    the one place that answers 503 with Retry-After (JSON under /api/), so the pupil's
    browser keeps the answer and sends it again."""
    if isinstance(exc, ValidationError):
        errors = (
            exc.message_dict
            if hasattr(exc, "error_dict")
            else {"non_field_errors": exc.messages}
        )
        return Response(
            {"detail": _("Some answers are not valid."), "errors": errors},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, CheckInError):
        return Response({"detail": str(exc)}, status=exc.status)
    response = exception_handler(exc, context)
    if (
        response is not None
        and isinstance(response.data, dict)
        and "detail" not in response.data
    ):
        response.data = {
            "detail": _("Some fields are not valid."),
            "errors": response.data,
        }
    return response
