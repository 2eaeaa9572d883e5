from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from lessons.wagtail_hooks import warn_when_steps_do_not_add_up
from tests.factories import LessonPageFactory, step


def admin_request():
    request = RequestFactory().post("/admin/pages/1/edit/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_editor_is_warned_when_steps_do_not_add_up(library):
    lesson = LessonPageFactory(
        parent=library, duration=45, steps=[step("A", 10), step("B", 20)]
    )
    request = admin_request()
    warn_when_steps_do_not_add_up(request, lesson)
    assert [str(message) for message in get_messages(request)] == [
        "De stappen duren samen 30 minuten, maar de les staat op 45 minuten."
    ]


def test_no_warning_when_the_plan_fits(library):
    lesson = LessonPageFactory(
        parent=library, duration=30, steps=[step("A", 10), step("B", 20)]
    )
    request = admin_request()
    warn_when_steps_do_not_add_up(request, lesson)
    assert list(get_messages(request)) == []


def test_theme_snippets_are_in_the_admin(admin_client, themes):
    response = admin_client.get("/admin/snippets/lessons/theme/")
    assert response.status_code == 200
    assert "Dankbaarheid" in response.content.decode()
