import segno
from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from schools.models import LessonRun

register = template.Library()


@register.simple_tag(takes_context=True)
def live_run(context, lesson):
    """The signed-in teacher's live run of this lesson (one of her classes), or None."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return (
        LessonRun.objects.live()
        .for_user(request.user)
        .filter(lesson=lesson)
        .select_related("school_class")
        .first()
    )


@register.simple_tag(takes_context=True)
def run_join_qr(context, run):
    """The QR code that opens the run's page for pupils: the join code in it."""
    url = context["request"].build_absolute_uri(reverse("runs:follow", args=[run.code]))
    svg = segno.make(url, error="m").svg_inline(
        scale=6, title=_("QR code to join"), svgclass="qr", lineclass=None
    )
    return mark_safe(svg)  # noqa: S308  (segno's own SVG of our own URL)
