"""The filters above the results dashboard."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms.utils import flatatt
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lessons.models import GroupBand, Theme
from schools.models import Municipality, School
from schools.results.filters import FIRST_DAY, LAST_DAY, ResultsError, parse_filters

IN_RANGE = [MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)]


class QuickSelect(forms.Select):
    """A select whose options are written in one go: Django renders every option through
    its own template, which costs tens of milliseconds for a region's hundreds of schools."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) == chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(attrs), options
        )


class DashboardFilters(forms.Form):
    """The filters above the dashboard. They live in the URL, so a view can be shared."""

    start = forms.DateField(
        label=_("From"),
        required=False,
        validators=IN_RANGE,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("Up to and including"),
        required=False,
        validators=IN_RANGE,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    municipality = forms.ChoiceField(
        label=_("Municipality"), required=False, widget=QuickSelect
    )
    school = forms.TypedChoiceField(
        label=_("School"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=QuickSelect,
    )
    group = forms.ChoiceField(label=_("Group"), required=False, widget=QuickSelect)
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=QuickSelect)
    per = forms.ChoiceField(
        label=_("Per"),
        required=False,
        choices=[("week", _("week")), ("month", _("month"))],
        widget=QuickSelect,
    )

    def __init__(self, data, *, viewer):
        super().__init__(data)
        self.viewer = viewer
        everything = [("", _("All"))]
        schools = School.objects.order_by("name")
        if viewer.is_teacher:
            schools = schools.filter(classes__in=viewer.class_ids).distinct()
            del self.fields["municipality"]
        elif viewer.municipality_id is not None:
            schools = schools.filter(municipality_id=viewer.municipality_id)
            del self.fields["municipality"]
        else:
            self.fields["municipality"].choices = everything + list(
                Municipality.objects.order_by("name").values_list("slug", "name")
            )
        self.fields["school"].choices = everything + list(
            schools.values_list("pk", "name")
        )
        self.fields["group"].choices = everything + [
            (band.code, str(band)) for band in GroupBand.objects.all()
        ]
        self.fields["theme"].choices = everything + list(
            Theme.objects.order_by("order", "name").values_list("slug", "name")
        )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(
                _("The start of the period is after its end."), code="period"
            )
        if not self.errors:
            try:  # the engine's own reading of the filters: what it refuses, we refuse
                parse_filters(self.engine_filters())
            except ResultsError as error:
                raise forms.ValidationError(
                    _("These filters cannot be used: %(reason)s"),
                    code="filters",
                    params={"reason": error},
                ) from error
        return data

    def engine_filters(self):
        """The filters as the engine and the API take them (valid forms only)."""
        data = self.cleaned_data
        return {
            name: value.isoformat() if isinstance(value, datetime.date) else str(value)
            for name, value in data.items()
            if name != "per" and value not in (None, "")
        }

    @property
    def period(self):
        return self.cleaned_data.get("per") or "week"

    def described(self):
        """The filters in words, for the printed report and the exports."""
        parts = []
        for name, value in self.cleaned_data.items():
            if value in (None, "") or name == "per":
                continue
            bound = self[name]
            if isinstance(bound.field, forms.ChoiceField):
                value = dict(bound.field.choices).get(
                    value if name != "school" else value, value
                )
            elif isinstance(value, datetime.date):
                value = formats.date_format(value, "DATE_FORMAT")
            parts.append(f"{bound.label}: {value}")
        return parts
