from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api.authentication import TokenAuthentication
from api.filters import LessonFilter
from api.schema import LESSON_PARAMETERS, RESULTS_PARAMETERS, errors
from api.serializers import (
    CheckInReceiptSerializer,
    CheckInSerializer,
    CheckInSessionSerializer,
    LessonDetailSerializer,
    LessonSerializer,
    check_in_data,
)
from lessons.models import LessonPage
from schools import results
from schools.checkins import services
from schools.checkins.questions import questions_for_session
from schools.checkins.recording import record_check_in
from schools.checkins.throttling import (
    WRONG_CODES,
    HashedScopedRateThrottle,
    TooManyWrongCodes,
    find_session_for,
)

MAX_CHECK_IN_BYTES = 4096


class NoEmptyParameters:
    """A client sends a parameter it means, or leaves it out, as the schema says: an
    empty one is refused (it is no filter in a web form, but a slip in a program)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        empty = sorted(
            name for name, value in request.query_params.items() if not value
        )
        if empty:
            raise ParseError(
                _("Leave out what you do not filter on: %(names)s.")
                % {"names": ", ".join(empty)}
            )


@extend_schema_view(
    list=extend_schema(
        parameters=LESSON_PARAMETERS,
        responses={200: LessonSerializer(many=True), **errors(400, 404)},
    ),
    retrieve=extend_schema(responses={200: LessonDetailSerializer, **errors(404)}),
)
class LessonViewSet(NoEmptyParameters, viewsets.ReadOnlyModelViewSet):
    """The published lesson catalogue: public, like the library itself."""

    queryset = LessonPage.objects.none()  # for the schema; requests use get_queryset()
    permission_classes = [AllowAny]
    filterset_class = LessonFilter
    lookup_field = "slug"

    def get_queryset(self):
        return (
            LessonPage.objects.live()
            .public()
            .for_listing()
            .order_by("title")
            .distinct()
        )

    def get_serializer_class(self):
        return LessonDetailSerializer if self.action == "retrieve" else LessonSerializer


class PupilViewSet(viewsets.ViewSet):
    """For the pupil app: no account, no session cookie, no CSRF (nothing to steal), and
    limits per client kept without client addresses."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]  # a program's API: no browsable pages
    throttle_classes = [HashedScopedRateThrottle]
    throttle_scope = "pupils"


class CheckInSessionViewSet(PupilViewSet):
    lookup_field = "code"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "code",
                str,
                OpenApiParameter.PATH,
                description="The join code on the board.",
            )
        ],
        responses={200: CheckInSessionSerializer, **errors(404, 429)},
    )
    def retrieve(self, request, code=None):
        """The questions of a check-in and a one-time token for one answer."""
        try:
            session = find_session_for(request, code)
        except TooManyWrongCodes:
            self.throttled(request, WRONG_CODES.seconds)
        except services.SessionNotFound as error:
            raise NotFound(str(error)) from error
        data = {
            "code": session.code,
            "is_open": session.is_open,
            "question_set": session.question_set,
            "questions": questions_for_session(session),
            "token": services.issue_token(session=session) if session.is_open else "",
        }
        return Response(CheckInSessionSerializer(data).data)


class CheckInViewSet(PupilViewSet):
    @extend_schema(
        request=CheckInSerializer,
        responses={
            201: CheckInReceiptSerializer,
            200: OpenApiResponse(
                CheckInReceiptSerializer,
                description="The same answer (token and key) was stored before.",
            ),
            **errors(400, 404, 409, 413, 429),
        },
    )
    def create(self, request):
        """Store one pupil's answer, exactly once per token and idempotency key."""
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_CHECK_IN_BYTES:
            return Response(
                {"detail": "Request body too large."},
                status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        data = check_in_data(request.data)
        created = record_check_in(
            code=data["code"],
            token=data["token"],
            key=data["key"],
            answers=data["answers"],
        )
        return Response(
            {"status": "stored"},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class CSVRenderer(BaseRenderer):
    """Lets `?format=csv` reach the results views, which stream the same rows as CSV."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else str(data).encode()


class ResultsPermission(IsAuthenticated):
    message = _("Only pilot coordinators and teachers can read results.")

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        request.viewer = results.viewer_for(request.user)
        return request.viewer is not None


class _ResultsView(NoEmptyParameters, APIView):
    authentication_classes = [
        TokenAuthentication,
        SessionAuthentication,
    ]  # token first: anonymous gets 401
    permission_classes = [ResultsPermission]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    throttle_classes = [HashedScopedRateThrottle]
    throttle_scope = "results"

    def respond(self, request, data, filename):
        if request.accepted_renderer.format == "csv":
            return stream_csv(data["results"], filename)
        return Response(data)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        empty = sorted(
            name for name, value in request.query_params.items() if not value
        )
        if empty:  # a client sends a filter it means, or none: as the schema says
            raise ParseError(
                _("Leave out what you do not filter on: %(names)s.")
                % {"names": ", ".join(empty)}
            )

    @staticmethod
    def filters(request):
        return {
            name: request.query_params[name]
            for name in request.query_params
            if name not in ("group_by", "question", "format", "period")
        }


def stream_csv(rows, filename):
    response = StreamingHttpResponse(
        results.csv_lines(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class Echo:
    def write(self, value):
        return value


class ResultsView(_ResultsView):
    """Aggregated, anonymised check-in results: every row is a group of atoms that passed
    the suppression rules, or `{"suppressed": true}` and nothing else. Every count is
    slightly perturbed (see `perturbation` in the response), the same way every time."""

    @extend_schema(
        parameters=RESULTS_PARAMETERS,
        responses={
            200: OpenApiResponse(description="`{threshold, question, results: [...]}`"),
            **errors(400, 401, 403, 404, 429),
        },
    )
    def get(self, request):
        group_by = [
            name.strip()
            for value in request.query_params.getlist("group_by")
            for name in value.split(",")
        ]
        try:
            data = results.results(
                viewer=request.viewer,
                group_by=group_by,
                filters=self.filters(request),
                question=request.query_params.get("question", "mood"),
            )
        except results.ResultsError as error:
            raise ParseError(str(error)) from error
        return self.respond(request, data, "resultaten")


class ParticipationView(_ResultsView):
    """Lessons given, sessions, classes and schools taking part, per week or month."""

    @extend_schema(
        parameters=[
            OpenApiParameter("period", str, enum=["week", "month"]),
            *RESULTS_PARAMETERS[2:],
        ],
        responses={
            200: OpenApiResponse(description="`{threshold, period, results: [...]}`"),
            **errors(400, 401, 403, 404, 429),
        },
    )
    def get(self, request):
        try:
            data = results.participation(
                viewer=request.viewer,
                filters=self.filters(request),
                period=request.query_params.get("period", "week"),
            )
        except results.ResultsError as error:
            raise ParseError(str(error)) from error
        return self.respond(request, data, "deelname")
