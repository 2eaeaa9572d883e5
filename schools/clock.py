"""The platform's one clock. Weeks, "today" and "completed week" are days in the platform's
time zone (settings.TIME_ZONE, Europe/Amsterdam), never in a user's own: the Wagtail admin
activates each user's profile time zone, and a coordinator who picked one far to the east
would otherwise see a running week as complete."""

import datetime
import functools
import zoneinfo

from django.conf import settings
from django.utils import timezone


@functools.cache
def _zone(name):
    return zoneinfo.ZoneInfo(name)


def platform_zone():
    return _zone(settings.TIME_ZONE)


def date_of(moment):
    """The platform's calendar date of an aware datetime."""
    return timezone.localtime(moment, platform_zone()).date()


def today(now=None):
    return date_of(now or timezone.now())


def week_of(day):
    """The Monday of a day's week."""
    return day - datetime.timedelta(days=day.weekday())


def month_of_week(monday):
    """A week belongs to the month of its Thursday, as ISO weeks belong to years."""
    return (monday + datetime.timedelta(days=3)).replace(day=1)


def last_complete_week(now=None):
    """The Monday of the last week in which nothing can change any more: it has ended, and
    so has every check-in opened in it (a session lives CHECKIN_SESSION_HOURS), with an
    hour's grace for answers being stored as it expired."""
    now = now or timezone.now()
    grace = datetime.timedelta(hours=settings.CHECKIN_SESSION_HOURS + 1)
    return week_of(date_of(now - grace)) - datetime.timedelta(weeks=1)
