"""A reviewer sees the lessons awaiting her review on the admin's dashboard and approves
one in one visible step: a "Goedkeuren" button that posts to Wagtail's own workflow
action, with CSRF enforced. "Wijzigingen vragen" sends Wagtail's comment with it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from lessons.services import REVIEWERS, TEACHERS, set_up_authoring
from tests.factories import LessonPageFactory, UserFactory


@pytest.fixture
def in_review(library, themes):
    set_up_authoring(library=library)
    author = UserFactory(username="juf-schrijft")
    author.groups.add(Group.objects.get(name=TEACHERS))
    reviewer = UserFactory(username="redactie")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    lesson = LessonPageFactory(
        parent=library, live=False, slug="nieuw", title="Een nieuwe les", owner=author
    )
    lesson.save_revision(user=author)
    library.get_workflow().start(lesson, author)
    return lesson, author, reviewer


def dashboard(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    return browser, browser.get("/admin/").content.decode()


def form_for(html, action):
    match = re.search(
        rf'<form method="post" action="(/admin/pages/workflow/action/\d+/{action}/\d+/)"[^>]*>'
        r'\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">',
        html,
    )
    assert match, f"a visible {action} form"
    return match.group(1), match.group(2)


def test_the_reviewer_approves_in_one_visible_step(in_review):
    lesson, _author, reviewer = in_review
    browser, html = dashboard(reviewer)
    assert "Wacht op jouw beoordeling" in html and "Een nieuwe les" in html
    url, token = form_for(html, "approve")
    assert "Goedkeuren" in html[html.index(url) :][:800]
    assert "Bekijken" in html and "/admin/pages/workflow/preview/" in html
    assert browser.post(url, {}).status_code == 403  # no token, no approval
    lesson.refresh_from_db()
    assert not lesson.live

    response = browser.post(url, {"csrfmiddlewaretoken": token, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    lesson.refresh_from_db()
    assert lesson.live and not lesson.workflow_in_progress
    assert "Een nieuwe les" not in dashboard(reviewer)[1]


def test_the_reviewer_asks_for_changes_with_a_comment(in_review):
    lesson, _author, reviewer = in_review
    browser, html = dashboard(reviewer)
    url, token = form_for(html, "reject")
    assert "Wijzigingen vragen" in html
    task_state = lesson.current_workflow_task_state
    response = browser.post(
        url, {"csrfmiddlewaretoken": token, "comment": "Maak stap 2 korter."}
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Maak stap 2 korter."
    lesson.refresh_from_db()
    assert not lesson.live


def test_the_author_sees_no_approve_button(in_review):
    _lesson, author, _reviewer = in_review
    _browser, html = dashboard(author)
    assert "/approve/" not in html and "Goedkeuren" not in html


def test_a_teacher_finds_her_home_on_the_dashboard(teacher, school_class):
    from django.contrib.auth.models import Permission

    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    _browser, html = dashboard(teacher)
    assert 'href="/mijn/"' in html and "Je klassen" in html
