from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.permissions import AllowAny
from rest_framework.routers import APIRootView, DefaultRouter

from api.views import (
    CheckInSessionViewSet,
    CheckInViewSet,
    LessonViewSet,
    ParticipationView,
    ResultsView,
)

app_name = "api"


class PublicAPIRootView(APIRootView):
    """The list of endpoints is public, like the lessons and the docs; each endpoint still
    decides who may read it."""

    permission_classes = [AllowAny]


router = DefaultRouter()
router.APIRootView = PublicAPIRootView
router.register("lessons", LessonViewSet, basename="lesson")
router.register("sessions", CheckInSessionViewSet, basename="session")
router.register("checkins", CheckInViewSet, basename="checkin")

urlpatterns = [
    path("", include(router.urls)),
    path("results/", ResultsView.as_view(), name="results"),
    path("participation/", ParticipationView.as_view(), name="participation"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
]


def not_found(request, rest):
    """Any other path under the API: JSON like every API answer, not the site's page."""
    return JsonResponse({"detail": _("There is nothing at this address.")}, status=404)


urlpatterns.append(re_path(r"^(?P<rest>.*)$", not_found))
