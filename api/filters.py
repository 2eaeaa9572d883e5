import django_filters
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from lessons.models import DurationFilter, Group, LessonPage
from schools.results.filters import SLUG_PATTERN


def _theme():
    # A slug that names no theme finds no lessons, as a search would (not a 400).
    return django_filters.CharFilter(
        field_name="themes__slug",
        validators=[RegexValidator(SLUG_PATTERN)],
        label=_("Theme (slug)"),
    )


def _group():
    return django_filters.ChoiceFilter(
        field_name="groups__code", choices=Group.choices, label=_("Group")
    )


def _duration():
    return django_filters.TypedChoiceFilter(
        field_name="duration",
        lookup_expr="lte",
        choices=DurationFilter.choices,
        coerce=int,
        label=_("At most this many minutes"),
    )


class LessonFilter(django_filters.FilterSet):
    """The catalogue's filters, named as in the results API (`theme`, `group`). Until API
    1.1 they had the library page's Dutch names (`thema`, `groep`, `duur`): still taken
    for one release (docs/api.md). The library's own URLs stay Dutch: people read them."""

    theme = _theme()
    group = _group()
    duration = _duration()
    q = django_filters.CharFilter(method="search", label=_("Search words"))
    thema = _theme()
    groep = _group()
    duur = _duration()

    class Meta:
        model = LessonPage
        fields = ["theme", "group", "duration", "q", "thema", "groep", "duur"]

    def search(self, queryset, name, value):
        return queryset.filter(
            pk__in=[lesson.pk for lesson in queryset.matching(value.strip())]
        )
