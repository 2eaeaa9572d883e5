import django_filters
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from lessons.models import DurationFilter, Group, LessonPage
from schools.results.filters import SLUG_PATTERN


class LessonFilter(django_filters.FilterSet):
    """The library's filters, under the same (Dutch) names as in the library's URL."""

    # A slug that names no theme finds no lessons, as a search would (not a 400).
    thema = django_filters.CharFilter(
        field_name="themes__slug",
        validators=[RegexValidator(SLUG_PATTERN)],
        label=_("Theme (slug)"),
    )
    groep = django_filters.ChoiceFilter(
        field_name="groups__code", choices=Group.choices, label=_("Group")
    )
    duur = django_filters.TypedChoiceFilter(
        field_name="duration",
        lookup_expr="lte",
        choices=DurationFilter.choices,
        coerce=int,
        label=_("At most this many minutes"),
    )
    q = django_filters.CharFilter(method="search", label=_("Search words"))

    class Meta:
        model = LessonPage
        fields = ["thema", "groep", "duur", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(
            pk__in=[lesson.pk for lesson in queryset.matching(value.strip())]
        )
