"""Activities whose options are reviewed words (lessons/word_lists.py): a word cloud and
the choice of a strength. A word's stable value is its primary key."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks

from lessons.activities.base import ClassActivityBlock, count_error, option
from lessons.word_lists import Word, word_choices, words_in_order

CLOUD_WORDS = (2, 12)
STRENGTHS = (2, 16)
MAX_WORD_PICKS = 3


class WordChoiceBlock(blocks.MultipleChoiceBlock):
    """Words from the reviewed word lists, grouped by list; stored by primary key."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=word_choices, widget=forms.CheckboxSelectMultiple, **kwargs
        )


def _preview_words(slug, count):
    words = Word.objects.filter(word_list__slug=slug, word_list__live=True)
    return [
        str(pk)
        for pk in words.order_by("sort_order").values_list("pk", flat=True)[:count]
    ]


class WordsActivityBlock(ClassActivityBlock):
    words_bounds = CLOUD_WORDS
    with_descriptions = False  # a word's explanation, for strengths cards

    def option_list(self, value):
        return [
            option(
                word.pk,
                word.text,
                word.icon,
                description=word.description if self.with_descriptions else "",
            )
            for word in words_in_order(value["words"])
        ]

    def activity_errors(self, value):
        return count_error(
            "words",
            value["words"] or [],
            self.words_bounds,
            _("Choose %(min)s to %(max)s words from the word lists."),
        )


class WordCloudBlock(WordsActivityBlock):
    kind = "word_cloud"
    icon_name = "cloud"
    label_text = _("word cloud")

    question = blocks.CharBlock(label=_("question"), max_length=160)
    words = WordChoiceBlock(
        label=_("words to choose from"),
        help_text=_(
            "2 to 12 words from the reviewed word lists. Pupils never type a word of their own."
        ),
    )
    picks = blocks.IntegerBlock(
        label=_("words each pupil may choose"),
        min_value=1,
        max_value=MAX_WORD_PICKS,
        default=MAX_WORD_PICKS,
    )

    class Meta:
        icon = "openquote"
        label = _("word cloud")
        description = _(
            "Pupils choose 1 to 3 words from a reviewed word list; the words grow with how often they are chosen."
        )
        # A callable: the words are in the database.
        preview_value = staticmethod(
            lambda: {
                "question": "Hoe voel jij je vandaag?",
                "words": _preview_words("gevoelens", 6),
                "picks": 2,
            }
        )

    def choose(self, value):
        return (1, value["picks"])

    def choose_hint(self, value):
        if value["picks"] == 1:
            return _("Choose one word.")
        return ngettext(
            "Choose up to %(count)s word.",
            "Choose up to %(count)s words.",
            value["picks"],
        ) % {"count": value["picks"]}

    def activity_errors(self, value):
        errors = super().activity_errors(value)
        if not errors and value["picks"] and value["picks"] >= len(value["words"]):
            errors["picks"] = ValidationError(
                _("Pupils must have a choice: give more words than they may choose.")
            )
        return errors


class StrengthsChoiceBlock(WordsActivityBlock):
    kind = "strengths_choice"
    icon_name = "star"
    label_text = _("choose your strength")
    words_bounds = STRENGTHS
    with_descriptions = True

    question = blocks.CharBlock(
        label=_("question"), max_length=160, default="Welke sterke kant past bij jou?"
    )
    words = WordChoiceBlock(
        label=_("strengths to choose from"),
        help_text=_(
            "2 to 16 strengths from the list of strengths; each pupil chooses one."
        ),
    )

    class Meta:
        icon = "pick"
        label = _("choose your strength")
        description = _(
            "Every pupil chooses the one strength that fits them best, from our list of strengths."
        )
        preview_value = staticmethod(
            lambda: {
                "question": "Welke sterke kant past bij jou?",
                "words": _preview_words("sterke-kanten", 4),
            }
        )

    def choose_hint(self, value):
        return _("Choose the one strength that fits you best.")
