from django.urls import path, register_converter

from schools.results.filters import MAX_ID
from schools.teaching import views


class Id:
    """A row id as our tables hold them: a number the database can take, else no match
    (a 404). Django guards <id:> lookups on plain keys, not through a page's parent link,
    and SQLite raised OverflowError (a 500) for a lesson id of 23 digits."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = int(value)
        if not 0 < number <= MAX_ID:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


register_converter(Id, "id")

app_name = "teaching"

urlpatterns = [
    path("mijn/", views.home, name="home"),
    path("mijn/klas/<id:pk>/plannen/", views.plan_series, name="plan_series"),
    path("mijn/gepland/<id:pk>/verplaatsen/", views.move_planned, name="move"),
    path("mijn/gepland/<id:pk>/weghalen/", views.remove_planned, name="remove"),
    path("mijn/bewaren/<id:lesson_pk>/", views.favourite, name="favourite"),
]
