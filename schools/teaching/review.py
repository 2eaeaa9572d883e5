"""Reviewers' queue: the lessons awaiting their review, with "Goedkeuren" in sight.

Wagtail's own moderation does the work: the list is Wagtail's (`TaskState.objects
.reviewable_by`, the context of its dashboard panel), and every button posts to Wagtail's
workflow action for the task (`wagtailadmin_pages:workflow_action`), which checks the
reviewer's right and calls `task.on_action`. Only the buttons are ours: Wagtail hides
"Approve" in a menu behind three dots."""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import TaskState


def awaiting_review_count(user):
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return 0
    return TaskState.objects.reviewable_by(user).count()


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" panel, its rows with visible buttons."""

    name = "lessons_awaiting_review"
    template_name = "schools/teaching/awaiting_review_panel.html"
    order = 50  # above Wagtail's other panels


class TeacherHomePanel(Component):
    """On the admin's dashboard, for a teacher: the way to her classes and plans."""

    name = "teacher_home"
    template_name = "schools/teaching/teacher_home_panel.html"
    order = 40


def dashboard_panels(request, panels):
    """Our review panel instead of Wagtail's; for a teacher, a way to her home first."""
    from schools.models import SchoolClass

    panels[:] = [
        panel
        for panel in panels
        if not isinstance(panel, WorkflowObjectsToModeratePanel)
    ]
    panels.append(AwaitingReviewPanel())
    if SchoolClass.objects.filter(teachers=request.user).active().exists():
        panels.append(TeacherHomePanel())
