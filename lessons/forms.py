from django import forms
from django.utils.translation import gettext_lazy as _

from lessons.models import DurationFilter, Group, Theme


class LibraryFilterForm(forms.Form):
    """The library's filters. Field names are the Dutch query parameters in the URL."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    thema = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    groep = forms.ChoiceField(
        label=_("Group"),
        choices=[("", _("All groups")), *Group.choices],
        required=False,
    )
    duur = forms.TypedChoiceField(
        label=_("Duration"),
        choices=[("", _("Any duration")), *DurationFilter.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def clean(self):
        data = super().clean()
        theme = data.get("thema")
        return {
            "query": data.get("q", "").strip(),
            "theme": theme.slug if theme else None,
            "group": data.get("groep") or None,
            "duration": data.get("duur"),
        }
