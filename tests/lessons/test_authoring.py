"""Teachers write lessons but cannot publish; the editors review them in a workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from lessons.services import REVIEWERS, TEACHERS, WORKFLOW_NAME, set_up_authoring
from tests.factories import LessonPageFactory, UserFactory


@pytest.fixture
def authoring(library):
    set_up_authoring(library=library)
    teacher = UserFactory(username="juf")
    teacher.groups.add(Group.objects.get(name=TEACHERS))
    reviewer = UserFactory(username="redactie")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    return teacher, reviewer


def test_set_up_is_idempotent(library):
    first = set_up_authoring(library=library)
    second = set_up_authoring(library=library)
    assert first == second
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert library.get_workflow().name == WORKFLOW_NAME


def test_teacher_can_write_but_not_publish(authoring, library):
    teacher, _ = authoring
    lesson = LessonPageFactory(parent=library)
    assert library.permissions_for_user(teacher).can_add_subpage()
    assert lesson.permissions_for_user(teacher).can_edit()
    assert not lesson.permissions_for_user(teacher).can_publish()


def test_reviewer_can_publish(authoring, library):
    _, reviewer = authoring
    lesson = LessonPageFactory(parent=library)
    assert lesson.permissions_for_user(reviewer).can_publish()


def test_teachers_have_no_say_outside_the_library(authoring, home):
    teacher, _ = authoring
    assert not home.permissions_for_user(teacher).can_edit()
    assert not home.permissions_for_user(teacher).can_add_subpage()


def test_a_teachers_lesson_goes_live_only_after_review(authoring, library, client):
    teacher, reviewer = authoring
    lesson = LessonPageFactory(parent=library, live=False, slug="nieuw")
    revision = lesson.save_revision(user=teacher)
    workflow = library.get_workflow()
    state = workflow.start(lesson, teacher)
    lesson.refresh_from_db()
    assert not lesson.live
    assert client.get("/lessen/nieuw/").status_code == 404

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(lesson, reviewer)
    assert not task_state.task.specific.user_can_access_editor(
        lesson, teacher
    ) or not task_state.task.specific.get_actions(lesson, teacher)
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    lesson.refresh_from_db()
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED
    assert lesson.live
    assert lesson.live_revision_id == revision.pk or lesson.live_revision is not None
    assert client.get("/lessen/nieuw/").status_code == 200


def test_teacher_submits_through_the_admin(authoring, library, client):
    teacher, _ = authoring
    client.force_login(teacher)
    response = client.get(f"/admin/pages/add/lessons/lessonpage/{library.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
