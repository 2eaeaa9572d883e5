"""After signing in, a teacher lands on her home on the site; a coordinator on the
results; authors, reviewers and administrators on the admin's dashboard. A page she
was sent to sign in for comes first."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from schools.models import CoordinatorScope
from tests.factories import UserFactory


def sign_in(user, next_url=None):
    browser = Client(enforce_csrf_checks=True)
    url = "/admin/login/" + (f"?next={next_url}" if next_url else "")
    browser.get(url)
    response = browser.post(
        url,
        {
            "username": user.username,
            "password": "test-password-123",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def staff(**kwargs):
    user = UserFactory(**kwargs)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def her(teacher, school_class):
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return teacher


@pytest.mark.parametrize("next_url", [None, "/admin/"])
def test_a_teacher_lands_on_her_home(her, next_url):
    assert sign_in(her, next_url) == "/mijn/"


def test_a_page_she_asked_for_comes_first(her):
    assert sign_in(her, "/admin/resultaten/") == "/admin/resultaten/"
    assert sign_in(her, "https://evil.example/") == "/mijn/"


def test_a_coordinator_lands_on_the_results(db):
    coordinator = staff()
    CoordinatorScope.objects.create(user=coordinator, municipality=None)
    assert sign_in(coordinator) == "/admin/resultaten/"


def test_an_author_or_reviewer_lands_in_the_admin(db):
    assert sign_in(staff()) == "/admin/"


def test_a_teacher_of_only_archived_classes_lands_in_the_admin(her, school_class):
    import datetime

    school_class.archived_on = datetime.date(2026, 1, 1)
    school_class.save()
    assert sign_in(her) == "/admin/"
