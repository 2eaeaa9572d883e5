from django.contrib.auth.models import Group as UserGroup
from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

TEACHERS = "Leerkrachten"
REVIEWERS = "Redactie"
WORKFLOW_NAME = "Beoordeling door de redactie"
TASK_NAME = "Goedkeuring door de redactie"

# Wagtail's "add" means: add pages here and edit the pages you own. "change" would let every
# teacher open and save every lesson, other teachers' and the editors' drafts included.
TEACHER_PAGE_PERMISSIONS = ["add_page"]
REVIEWER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
ADMIN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


@transaction.atomic
def set_up_authoring(*, library):
    """Teachers write lessons in the library and edit only their own, but cannot publish;
    the editors edit and publish all, and review teachers' lessons through a workflow
    before anything goes live. Idempotent."""
    teachers, _created = UserGroup.objects.get_or_create(name=TEACHERS)
    reviewers, _created = UserGroup.objects.get_or_create(name=REVIEWERS)
    admin_permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in ADMIN_PERMISSIONS
    ]
    for group, codenames in (
        (teachers, TEACHER_PAGE_PERMISSIONS),
        (reviewers, REVIEWER_PAGE_PERMISSIONS),
    ):
        group.permissions.add(*admin_permissions)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=library,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    reviewers.permissions.add(
        *Permission.objects.filter(
            # themes, and the word lists of the class activities: publishing one is its review
            content_type__app_label="lessons",
            codename__regex=r"_(theme|wordlist)$",
        )
    )

    task, _created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    return teachers, reviewers, workflow
