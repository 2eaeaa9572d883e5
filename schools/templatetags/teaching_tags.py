from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def week_label(monday):
    """A week as Dutch teachers write it: "week 49 · 30 november" (its ISO number and
    its Monday, in the language's month-and-day format)."""
    if not monday:
        return ""
    return _("week %(number)s · %(day)s") % {
        "number": monday.isocalendar().week,
        "day": date_format(monday, "MONTH_DAY_FORMAT"),
    }


@register.filter
def get_item(mapping, key):
    """A dict's value in a template: the errors of one form among many."""
    return (mapping or {}).get(key)
