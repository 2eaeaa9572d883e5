"""Activities whose options the author writes: a poll, a scale, a gratitude or kindness
wall and a quiz question. Each option's stable value is its list item's id."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks

from lessons.activities.base import (
    ClassActivityBlock,
    LabelledOptionBlock,
    count_error,
    duplicate_labels,
    list_error,
    list_items,
    option,
)

POLL_OPTIONS = (2, 6)
QUIZ_ANSWERS = (2, 4)
WALL_CATEGORIES = (2, 8)
QUIZ_LETTERS = "ABCD"


class PollBlock(ClassActivityBlock):
    kind = "poll"
    icon_name = "whole_class"
    label_text = _("class poll")

    question = blocks.CharBlock(label=_("question"), max_length=160)
    answers = blocks.ListBlock(
        LabelledOptionBlock(),
        label=_("answers"),
        min_num=POLL_OPTIONS[0],
        max_num=POLL_OPTIONS[1],
        help_text=_("2 to 6 answers, each with an icon that shows the same."),
    )
    multiple = blocks.BooleanBlock(
        label=_("pupils may choose more than one answer"), required=False
    )

    class Meta:
        icon = "list-ul"
        label = _("class poll")
        description = _(
            "A question with 2 to 6 answers; every pupil chooses on their own screen."
        )
        preview_value = {
            "question": "Waar word jij blij van?",
            "answers": [
                {"label": "buiten spelen", "icon": "sun"},
                {"label": "een knuffel", "icon": "heart"},
                {"label": "iets maken", "icon": "spark"},
            ],
            "multiple": True,
        }

    def option_list(self, value):
        return [
            option(key, item["label"], item["icon"])
            for key, item in list_items(value["answers"])
        ]

    def choose(self, value):
        return (1, len(value["answers"]) if value["multiple"] else 1)

    def choose_hint(self, value):
        if value["multiple"]:
            return _("Choose one or more answers.")
        return _("Choose one answer.")

    def activity_errors(self, value):
        labels = [item["label"] for item in value["answers"]]
        return count_error(
            "answers", labels, POLL_OPTIONS, _("Give %(min)s to %(max)s answers.")
        ) or duplicate_labels("answers", labels)


class ScaleKind(blocks.ChoiceBlock):
    choices = [("numbers", _("numbers from 0 to 10")), ("faces", _("five faces"))]


class ScaleBlock(ClassActivityBlock):
    kind = "scale"
    icon_name = "smile"
    label_text = _("scale")

    question = blocks.CharBlock(label=_("question"), max_length=160)
    scale = ScaleKind(label=_("scale"), default="faces")
    low_label = blocks.CharBlock(
        label=_("word at the low end"),
        max_length=40,
        help_text=_("For example: not at all."),
    )
    high_label = blocks.CharBlock(
        label=_("word at the high end"),
        max_length=40,
        help_text=_("For example: very much."),
    )

    class Meta:
        icon = "order"
        label = _("scale")
        description = _(
            "A question answered on a scale of 0 to 10 or five faces, with words at both ends."
        )
        preview_value = {
            "question": "Hoe rustig voel jij je nu?",
            "scale": "faces",
            "low_label": "helemaal niet",
            "high_label": "heel erg",
        }

    def option_list(self, value):
        if value["scale"] == "numbers":
            return [option(number, str(number)) for number in range(11)]
        return [option(number, str(number), f"face-{number}") for number in range(1, 6)]

    def choose_hint(self, value):
        if value["scale"] == "numbers":
            return _("Choose one number.")
        return _("Choose one face.")

    def activity_errors(self, value):
        low, high = (
            value[name].strip().casefold() for name in ("low_label", "high_label")
        )
        if low and low == high:
            return {
                "high_label": ValidationError(_("Give both ends a different word."))
            }
        return {}


class WallKind(blocks.ChoiceBlock):
    choices = [("gratitude", _("gratitude wall")), ("kindness", _("kindness wall"))]


class WallBlock(ClassActivityBlock):
    kind = "wall"

    wall = WallKind(label=_("kind of wall"), default="gratitude")
    question = blocks.CharBlock(label=_("prompt"), max_length=160)
    categories = blocks.ListBlock(
        LabelledOptionBlock(),
        label=_("categories"),
        min_num=WALL_CATEGORIES[0],
        max_num=WALL_CATEGORIES[1],
        help_text=_(
            "2 to 8 categories, such as someone in my family or something in nature."
        ),
    )

    class Meta:
        icon = "heart"
        label = _("gratitude or kindness wall")
        description = _(
            "Every pupil puts a heart on the wall under who or what they chose; nobody writes a name."
        )
        preview_value = {
            "wall": "gratitude",
            "question": "Voor wie of wat ben jij vandaag dankbaar?",
            "categories": [
                {"label": "iemand uit mijn familie", "icon": "heart"},
                {"label": "een vriend", "icon": "pairs"},
                {"label": "iets in de natuur", "icon": "leaf"},
            ],
        }

    def kind_label(self, value):
        return dict(WallKind.choices)[value["wall"]]

    def kind_icon(self, value):
        return "heart" if value["wall"] == "gratitude" else "hands"

    def option_list(self, value):
        return [
            option(key, item["label"], item["icon"])
            for key, item in list_items(value["categories"])
        ]

    def choose_hint(self, value):
        if value["wall"] == "gratitude":
            return _("Choose who or what you are thankful for.")
        return _("Choose who your kind deed is for.")

    def activity_errors(self, value):
        labels = [item["label"] for item in value["categories"]]
        return count_error(
            "categories",
            labels,
            WALL_CATEGORIES,
            _("Give %(min)s to %(max)s categories."),
        ) or duplicate_labels("categories", labels)


class QuizAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=80)
    correct = blocks.BooleanBlock(label=_("this is the right answer"), required=False)


class QuizBlock(ClassActivityBlock):
    kind = "quiz"
    icon_name = "spark"
    label_text = _("quiz question")

    question = blocks.CharBlock(label=_("question"), max_length=160)
    answers = blocks.ListBlock(
        QuizAnswerBlock(),
        label=_("answers"),
        min_num=QUIZ_ANSWERS[0],
        max_num=QUIZ_ANSWERS[1],
        help_text=_("2 to 4 answers; mark exactly one as right."),
    )
    explanation = blocks.CharBlock(
        label=_("why it is right"),
        max_length=200,
        required=False,
        help_text=_("For the teacher, to tell the class after they have answered."),
    )

    class Meta:
        icon = "help"
        label = _("quiz question")
        description = _(
            "A question with 2 to 4 answers, of which exactly one is right."
        )
        preview_value = {
            "question": "Wat helpt om rustig te worden?",
            "answers": [
                {"text": "hard wegrennen", "correct": False},
                {"text": "langzaam ademhalen", "correct": True},
                {"text": "boos worden", "correct": False},
            ],
            "explanation": "Langzaam ademen vertelt je lijf dat het veilig is.",
        }

    def option_list(self, value):
        return [
            option(key, item["text"], letter=letter, correct=item["correct"])
            for letter, (key, item) in zip(
                QUIZ_LETTERS, list_items(value["answers"]), strict=False
            )
        ]

    def activity_errors(self, value):
        answers = list(value["answers"])
        errors = count_error(
            "answers", answers, QUIZ_ANSWERS, _("Give %(min)s to %(max)s answers.")
        ) or duplicate_labels("answers", [item["text"] for item in answers])
        if errors:
            return errors
        right = sum(1 for item in answers if item["correct"])
        if right == 0:
            return {
                "answers": list_error(_("Mark which answer is right: now none is."))
            }
        if right > 1:
            message = ngettext(
                "Only one answer may be right: now %(count)s is marked.",
                "Only one answer may be right: now %(count)s are marked.",
                right,
            ) % {"count": right}
            return {"answers": list_error(message)}
        return {}
