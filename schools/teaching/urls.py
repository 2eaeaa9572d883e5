from django.urls import path

from schools.teaching import views

app_name = "teaching"

urlpatterns = [
    path("mijn/", views.home, name="home"),
    path("mijn/klas/<int:pk>/plannen/", views.plan_series, name="plan_series"),
    path("mijn/gepland/<int:pk>/verplaatsen/", views.move_planned, name="move"),
    path("mijn/gepland/<int:pk>/weghalen/", views.remove_planned, name="remove"),
    path("mijn/bewaren/<int:lesson_pk>/", views.favourite, name="favourite"),
]
