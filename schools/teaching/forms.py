from django import forms
from django.utils.translation import gettext_lazy as _

from schools.results.filters import MAX_ID
from schools.teaching.home import week_choices


def series_choices():
    from lessons.models import LessonSeriesPage

    return LessonSeriesPage.objects.live().public().order_by("title")


class WeekField(forms.DateField):
    """A week from a list of Mondays ("week 49 · 30 november"); any date is read as its
    week, and the services say whether it may be planned in."""

    widget = forms.Select

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Week"))
        kwargs.setdefault(
            "error_messages",
            {"required": _("Choose a week."), "invalid": _("Choose a week.")},
        )
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)
        self.widget.choices = week_choices()


class IdChoiceField(forms.ModelChoiceField):
    """A choice by id that refuses numbers no table holds before asking the database."""

    def to_python(self, value):
        if value not in self.empty_values and not (
            str(value).isdigit() and 0 < int(value) <= MAX_ID
        ):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class PlanSeriesForm(forms.Form):
    series = IdChoiceField(
        label=_("Lesson series"),
        queryset=None,
        empty_label=_("Choose a series"),
        error_messages={
            "required": _("Choose a series."),
            "invalid_choice": _("Choose a series from the list."),
        },
    )
    week = WeekField(label=_("First week"))

    def __init__(self, *args, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["series"].queryset = series_choices()


class MoveForm(forms.Form):
    week = WeekField(label=_("Move to"))
