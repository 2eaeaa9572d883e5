from django.urls import path
from django.views.generic import RedirectView

from schools.checkins import views

app_name = "checkins"

urlpatterns = [
    path("doe-mee/", views.join, name="join"),
    path("doe-mee/<str:code>/", views.answer, name="answer"),
    path("doe-mee/<str:code>/bedankt/", views.thanks, name="thanks"),
    # "Mijn klassen" grew into the teacher's home (schools.teaching): old links lead there.
    path(
        "sessies/",
        RedirectView.as_view(pattern_name="teaching:home", permanent=False),
        name="my_classes",
    ),
    path("sessies/start/", views.start, name="start"),
    path("sessies/klas/<int:pk>/", views.class_results, name="class_results"),
    path("sessies/<str:code>/", views.live, name="live"),
    path("sessies/<str:code>/status/", views.status, name="status"),
    path("sessies/<str:code>/sluiten/", views.close, name="close"),
]
