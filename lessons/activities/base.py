"""What every class activity shares: its value (the options, how many a pupil picks) and
the block that checks it. Helpers for the kinds in authored.py and words.py."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from lessons.word_lists import ActivityIcon


class ActivityValue(blocks.StructValue):
    """What every activity template and the API read: the options pupils choose from and
    how many they may choose."""

    @property
    def kind(self):
        return self.block.kind

    @property
    def kind_label(self):
        return self.block.kind_label(self)

    @property
    def kind_icon(self):
        return self.block.kind_icon(self)

    @property
    def options(self):
        return self.block.option_list(self)

    @property
    def choose(self):
        return self.block.choose(self)

    @property
    def choose_hint(self):
        return self.block.choose_hint(self)

    @property
    def definition(self):
        """Everything a run needs of this activity, as plain data: the lesson run keeps
        this copy (schools.runs), so answers and results never depend on a later edit."""
        fewest, most = self.choose
        return {
            "kind": self.kind,
            "kind_label": str(self.kind_label),
            "kind_icon": self.kind_icon,
            "question": str(self["question"]),
            "choose": [fewest, most],
            "choose_hint": str(self.choose_hint),
            "spoken": self.spoken,
            "options": [
                {key: str(item) if key == "label" else item for key, item in o.items()}
                for o in self.options
            ],
            "low_label": str(self.get("low_label") or ""),
            "high_label": str(self.get("high_label") or ""),
        }

    @property
    def spoken(self):
        """The slide read aloud: the question, how to answer, the options."""
        labels = ", ".join(str(option["label"]) for option in self.options)
        return f"{self['question']} {self.choose_hint} {labels}."


def option(value, label, icon="", **extra):
    return {"value": str(value), "label": label, "icon": icon, **extra}


def list_error(message):
    return ListBlockValidationError(non_block_errors=[ValidationError(message)])


def count_error(name, items, bounds, message):
    low, high = bounds
    if not low <= len(items) <= high:
        return {name: list_error(message % {"min": low, "max": high})}
    return {}


class ClassActivityBlock(blocks.StructBlock):
    """The common ground of the activities; each kind says its options."""

    is_class_activity = True
    kind = ""
    icon_name = "whole_class"
    label_text = ""

    class Meta:
        template = "lessons/blocks/class_activity.html"
        value_class = ActivityValue

    def kind_label(self, value):
        return self.label_text

    def kind_icon(self, value):
        return self.icon_name

    def option_list(self, value):
        raise NotImplementedError

    def choose(self, value):
        """(fewest, most) options one pupil picks."""
        return (1, 1)

    def choose_hint(self, value):
        return _("Choose one answer.")

    def activity_errors(self, value):
        """Errors by field name, beyond what the fields check themselves."""
        return {}

    def clean(self, value):
        errors = self.activity_errors(value)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return super().clean(value)

    def get_api_representation(self, value, context=None):
        fewest, most = self.choose(value)
        return {
            **super().get_api_representation(value, context),
            "kind": self.kind,
            "choose": {"min": fewest, "max": most},
            "options": self.option_list(value),
        }


def list_items(list_value):
    """(id, value) of a list block's items: the id is the item's stable value."""
    return [(item.id, item.value) for item in list_value.bound_blocks]


class IconChoiceBlock(blocks.ChoiceBlock):
    choices = ActivityIcon.choices


class LabelledOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("answer"), max_length=60)
    icon = IconChoiceBlock(label=_("icon"), default=ActivityIcon.STAR)


def duplicate_labels(name, labels):
    seen = [str(label).strip().casefold() for label in labels]
    if len(set(seen)) < len(seen):
        return {name: list_error(_("Two answers have the same text."))}
    return {}
