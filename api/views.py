from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from api.filters import LessonFilter
from api.serializers import LessonDetailSerializer, LessonSerializer
from lessons.models import LessonPage


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
