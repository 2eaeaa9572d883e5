from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from schools.models import SchoolClass

register = template.Library()


@register.simple_tag
def checkin_icon(name, size=64):
    """A check-in picture; always shown next to its word, so it is decorative."""
    href = f"{static('schools/checkin-icons.svg')}#{name}"
    return format_html(
        '<svg class="checkin-icon" width="{}" height="{}" aria-hidden="true" focusable="false"><use href="{}"></use></svg>',
        size,
        size,
        href,
    )


@register.simple_tag(takes_context=True)
def my_classes(context):
    """The signed-in teacher's classes, for starting a check-in from a lesson."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return SchoolClass.objects.none()
    return SchoolClass.objects.for_user(request.user).active().select_related("school")


@register.simple_tag(takes_context=True)
def remembered_class(context):
    """The id of the class of the teacher's last check-in: chosen first next time."""
    from schools.checkins.views import LAST_CLASS

    request = context.get("request")
    return request.session.get(LAST_CLASS) if request is not None else None
