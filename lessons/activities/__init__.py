"""Class activities (issue 16): a question the whole class answers, each pupil on their own
screen, anonymously, with nothing to type. Every answer is one of a fixed, bounded set of
options, each with a stable value (`options()`), so a later step can count the answers
per activity (its block id) and option, and never store a word a child wrote.

Stable values: a list item's id for the author's own options (Wagtail keeps it when the
list is reordered or edited), the number for a scale, a reviewed word's primary key for
words from a word list (lessons/word_lists.py)."""

from lessons.activities.authored import PollBlock, QuizBlock, ScaleBlock, WallBlock
from lessons.activities.words import (
    StrengthsChoiceBlock,
    WordChoiceBlock,
    WordCloudBlock,
)

__all__ = [
    "PollBlock",
    "QuizBlock",
    "ScaleBlock",
    "StrengthsChoiceBlock",
    "WallBlock",
    "WordChoiceBlock",
    "WordCloudBlock",
]
