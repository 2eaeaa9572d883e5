"""The demo teacher's home, lived in: a series planned week by week for one of her
classes and a few saved lessons. Idempotent: a class that has a plan keeps it."""

from django.contrib.auth import get_user_model

from lessons.models import LessonPage, LessonSeriesPage
from schools import clock
from schools.models import FavouriteLesson, PlannedLesson, SchoolClass
from schools.teaching import services

PLANNED = [
    ("groep 8", "geluk-in-groep-7-8")
]  # (her class, series slug), from this week
SAVED = ["stil-als-een-schildpad", "gevoelensweer", "dankjewel-slinger"]


def furnish_teacher_home(username="leerkracht"):
    teacher = get_user_model().objects.get(username=username)
    classes = SchoolClass.objects.filter(teachers=teacher).active()
    this_week = clock.week_of(clock.today())
    for class_name, series_slug in PLANNED:
        school_class = classes.filter(name=class_name).first()
        series = LessonSeriesPage.objects.live().filter(slug=series_slug).first()
        if school_class is None or series is None:
            continue
        if PlannedLesson.objects.filter(school_class=school_class).exists():
            continue
        services.plan_series(
            school_class=school_class, series=series, start_week=this_week, user=teacher
        )
    for slug in SAVED:
        lesson = LessonPage.objects.live().filter(slug=slug).first()
        if lesson is not None:
            FavouriteLesson.objects.get_or_create(user=teacher, lesson=lesson)
