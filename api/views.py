from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api.filters import LessonFilter
from api.serializers import (
    CheckInReceiptSerializer,
    CheckInSerializer,
    CheckInSessionSerializer,
    LessonDetailSerializer,
    LessonSerializer,
)
from lessons.models import LessonPage
from schools import services
from schools.questions import questions_for_session
from schools.throttling import WRONG_CODES, HashedScopedRateThrottle

MAX_CHECK_IN_BYTES = 4096


class LessonViewSet(viewsets.ReadOnlyModelViewSet):
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
        responses={
            200: CheckInSessionSerializer,
            404: OpenApiResponse(description="Unknown code."),
        },
    )
    def retrieve(self, request, code=None):
        """The questions of a check-in and a one-time token for one answer."""
        if WRONG_CODES.exceeded(request):
            self.throttled(request, WRONG_CODES.seconds)
        try:
            session = services.find_session(code)
        except services.SessionNotFound as error:
            WRONG_CODES.record(request)
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
            400: OpenApiResponse(description="Invalid values, token or key."),
            404: OpenApiResponse(description="Unknown code."),
            409: OpenApiResponse(
                description="Closed session, used token or a full class."
            ),
            413: OpenApiResponse(description="Body too large."),
            429: OpenApiResponse(description="Too many requests."),
        },
    )
    def create(self, request):
        """Store one pupil's answer, exactly once per token and idempotency key."""
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_CHECK_IN_BYTES:
            return Response(
                {"detail": "Request body too large."},
                status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = services.record_check_in(
            code=data["session"],
            token=data["token"],
            key=data["key"],
            answers=data["answers"],
        )
        return Response(
            {"status": "stored"},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
