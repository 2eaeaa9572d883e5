import datetime
import re

import pytest
from django.test import Client

from lessons.models import LessonSeriesItem, LessonSeriesPage
from schools import clock
from schools.models import Membership, Role
from tests.factories import LessonPageFactory, SchoolClassFactory, UserFactory


@pytest.fixture
def this_week():
    return clock.week_of(clock.today())


def weeks_after(monday, n):
    return monday + datetime.timedelta(weeks=n)


@pytest.fixture
def series(library):
    """A published series of three lessons, in order."""
    lessons = [
        LessonPageFactory(parent=library, title=title, slug=slug)
        for title, slug in [
            ("Wat is geluk?", "wat-is-geluk"),
            ("Dank je wel", "dank-je-wel"),
            ("Mijn sterke kant", "sterke-kant"),
        ]
    ]
    page = LessonSeriesPage(
        title="Gelukkig in de klas", slug="reeks", intro="<p>Drie lessen.</p>"
    )
    library.add_child(instance=page)
    for order, lesson in enumerate(lessons):
        LessonSeriesItem.objects.create(page=page, lesson=lesson, sort_order=order)
    return page


@pytest.fixture
def other_teacher(db):
    """Teacher B, with a class of her own at another school."""
    teacher = UserFactory(username="meester-bram")
    school_class = SchoolClassFactory(name="groep 8 van Bram", teachers=[teacher])
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    teacher.school_class = school_class
    return teacher


class Browser:
    """A signed-in browser that must send the CSRF token, as a real one does: every
    form's token is read from the page it is on."""

    def __init__(self, user):
        self.client = Client(enforce_csrf_checks=True)
        self.client.force_login(user)

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def post(self, url, data=None, *, page="/mijn/", **kwargs):
        html = self.client.get(page).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.client.post(
            url, {**(data or {}), "csrfmiddlewaretoken": token}, **kwargs
        )


@pytest.fixture
def signed_in():
    return Browser
