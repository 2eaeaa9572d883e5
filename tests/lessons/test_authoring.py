"""Teachers write lessons but cannot publish; the editors review them in a workflow."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Workflow
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from lessons.models import LessonPage, Theme
from lessons.services import REVIEWERS, TEACHERS, WORKFLOW_NAME, set_up_authoring
from tests.factories import LessonPageFactory, UserFactory


@pytest.fixture
def authoring(library, themes):
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
    lesson = LessonPageFactory(parent=library, owner=teacher)
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


# Each teacher edits her own lessons only (finding 5 of issue 13): Wagtail's "add" page
# permission means "add, and edit what you own"; the editors' "change" means "edit all".


def staff_client(user):
    """A browser that sends the CSRF token like a real one, and must."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    browser.get("/admin/")
    return browser


def edit_data(lesson, browser, **changes):
    """The lesson's edit form as the admin posts it, with the browser's CSRF token."""
    fields = {
        "title": lesson.title,
        "slug": lesson.slug,
        "summary": lesson.summary,
        "duration": lesson.duration,
        "steps": streamfield(
            [
                (
                    "step",
                    {
                        "title": "Kringgesprek",
                        "minutes": lesson.duration,
                        "organisation": "whole_class",
                        "work": "conversation",
                        "instructions": rich_text("<p>Praat samen.</p>"),
                        "teacher_note": "",
                        "activities": streamfield([]),
                    },
                )
            ]
        ),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        **{
            name: rich_text(getattr(lesson, name))
            for name in (
                "goals",
                "materials",
                "teacher_notes",
                "safety_agreements",
                "homework",
                "further_reading",
            )
        },
        **changes,
    }
    data = nested_form_data(fields)
    data["themes"] = [theme.pk for theme in Theme.objects.all()[:1]]
    data["groups"] = ["groep-5-6"]
    data["csrfmiddlewaretoken"] = browser.cookies["csrftoken"].value
    return data


@pytest.fixture
def second_teacher(authoring):
    teacher = UserFactory(username="meester")
    teacher.groups.add(Group.objects.get(name=TEACHERS))
    return teacher


def edit_url(lesson):
    return f"/admin/pages/{lesson.pk}/edit/"


@pytest.mark.parametrize("owner", ["other_teacher", "reviewer", "nobody"])
def test_a_teacher_cannot_open_or_save_a_lesson_she_does_not_own(
    authoring, second_teacher, library, owner
):
    teacher, reviewer = authoring
    lesson = LessonPageFactory(
        parent=library,
        live=False,
        title="Concept van een ander",
        owner={"other_teacher": second_teacher, "reviewer": reviewer, "nobody": None}[
            owner
        ],
    )
    lesson.save_revision(user=lesson.owner)
    revisions = lesson.revisions.count()
    browser = staff_client(teacher)

    assert not lesson.permissions_for_user(teacher).can_edit()
    response = browser.get(edit_url(lesson))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = browser.post(
        edit_url(lesson), edit_data(lesson, browser, title="Overschreven")
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    lesson.refresh_from_db()
    assert lesson.title == "Concept van een ander"
    assert lesson.revisions.count() == revisions
    assert lesson.get_latest_revision_as_object().title == "Concept van een ander"


def test_the_edit_form_needs_the_csrf_token(authoring, library):
    teacher, _ = authoring
    lesson = LessonPageFactory(parent=library, live=False, owner=teacher)
    browser = staff_client(teacher)
    data = edit_data(lesson, browser, title="Zonder token")
    del data["csrfmiddlewaretoken"]
    assert browser.post(edit_url(lesson), data).status_code == 403
    lesson.refresh_from_db()
    assert lesson.title != "Zonder token"


def test_a_reviewer_edits_every_lesson(authoring, second_teacher, library):
    _, reviewer = authoring
    lesson = LessonPageFactory(parent=library, live=False, owner=second_teacher)
    browser = staff_client(reviewer)
    assert browser.get(edit_url(lesson)).status_code == 200
    response = browser.post(
        edit_url(lesson), edit_data(lesson, browser, title="Nagekeken")
    )
    assert response.status_code == 302, response.context["form"].errors
    lesson.refresh_from_db()
    assert lesson.get_latest_revision_as_object().title == "Nagekeken"


def test_a_teacher_writes_her_own_lesson_and_a_reviewer_approves_it(
    authoring, second_teacher, library, client
):
    teacher, reviewer = authoring
    browser = staff_client(teacher)
    draft = LessonPage(title="Mijn les", slug="mijn-les", summary="Samen.", duration=20)
    data = edit_data(draft, browser)
    data["action-submit"] = "Ter beoordeling"
    response = browser.post(f"/admin/pages/add/lessons/lessonpage/{library.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(slug="mijn-les")
    assert lesson.owner == teacher and not lesson.live
    assert lesson.workflow_in_progress

    # In review, Wagtail locks it for her: the editors judge what she submitted.
    assert browser.get(edit_url(lesson)).status_code == 200
    response = browser.post(edit_url(lesson), edit_data(lesson, browser, title="Nee"))
    assert response.status_code == 200
    assert "vergrendeld" in str(list(response.context["messages"])[0])

    editor = staff_client(reviewer)
    task_state = lesson.current_workflow_task_state
    response = editor.post(
        f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/",
        {"csrfmiddlewaretoken": editor.cookies["csrftoken"].value},
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Mijn les"
    assert client.get("/lessen/mijn-les/").status_code == 200

    # Published, it is still hers: she improves it and submits the change again.
    data = edit_data(lesson, browser, title="Mijn les, beter")
    data["action-submit"] = "Ter beoordeling"
    assert browser.post(edit_url(lesson), data).status_code == 302
    lesson.refresh_from_db()
    assert lesson.title == "Mijn les" and lesson.workflow_in_progress
    assert lesson.get_latest_revision_as_object().title == "Mijn les, beter"
    assert not lesson.permissions_for_user(second_teacher).can_edit()


def test_sites_set_up_before_lose_the_teachers_change_permission(authoring, library):
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    teacher, _ = authoring
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=TEACHERS),
        page=library,
        permission=Permission.objects.get(codename="change_page"),
    )
    lesson = LessonPageFactory(parent=library)
    assert lesson.permissions_for_user(teacher).can_edit()
    migration = importlib.import_module(
        "lessons.migrations.0003_teachers_edit_own_lessons"
    )
    migration.teachers_edit_own_lessons(apps, None)
    teacher = type(teacher).objects.get(pk=teacher.pk)  # no cached permissions
    assert not lesson.permissions_for_user(teacher).can_edit()
    assert library.permissions_for_user(teacher).can_add_subpage()


def test_sites_set_up_before_get_their_check_in_moments_renamed(library):
    """Lesson plans (and their drafts) of before said "start"/"end"; the migration names
    them as check-ins do, so a check-in started from a lesson counts at its moment."""
    import json

    from django.apps import apps
    from django.db import connection

    from tests.factories import check_in

    lesson = LessonPageFactory(
        parent=library, steps=[check_in("lesson_start"), check_in("lesson_end")]
    )
    revision = lesson.save_revision()

    def as_before(text):
        return text.replace('"lesson_start"', '"start"').replace(
            '"lesson_end"', '"end"'
        )

    old = as_before(json.dumps(list(lesson.steps.raw_data)))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {LessonPage._meta.db_table} SET steps = %s WHERE page_ptr_id = %s",
            [old, lesson.pk],
        )
    revision.content["steps"] = as_before(revision.content["steps"])
    revision.save(update_fields=["content"])
    assert [
        b.value["moment"] for b in LessonPage.objects.get(pk=lesson.pk).check_in_points
    ] == ["start", "end"]

    migration = importlib.import_module(
        "lessons.migrations.0004_check_in_points_name_their_moment_as_check_ins_do"
    )
    migration.Migration.operations[0].code(apps, None)
    renamed = ["lesson_start", "lesson_end"]
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert [b.value["moment"] for b in lesson.check_in_points] == renamed
    draft = lesson.get_latest_revision_as_object()
    assert [b.value["moment"] for b in draft.check_in_points] == renamed
