"""When a check-in is held: one name per moment, for a lesson's check-in points, the
check-ins and the results alike (`lesson_start` in a lesson plan, on a check-in and in the
API's `moment` filter)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Moment(models.TextChoices):
    LESSON_START = "lesson_start", _("start of the lesson")
    LESSON_END = "lesson_end", _("end of the lesson")
    STANDALONE = "standalone", _("on its own")
    SERIES_START = "series_start", _("start of a lesson series")
    SERIES_END = "series_end", _("end of a lesson series")


# The moments a lesson plan's check-in point can have.
IN_A_LESSON = (Moment.LESSON_START, Moment.LESSON_END)
