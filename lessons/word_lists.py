"""Word lists for the class activities: reviewed words that pupils pick from, each with an
icon, so an activity never asks a child to type. A list is offered to authors once the
editors have published it (Wagtail's draft state: publishing is the review)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index


class ActivityIcon(models.TextChoices):
    """The icons of lessons/static/lessons/icons.svg that an option may carry; the word
    beside it always says the same."""

    SUN = "sun", _("sun")
    HEART = "heart", _("heart")
    STAR = "star", _("star")
    SMILE = "smile", _("smile")
    LEAF = "leaf", _("leaf")
    HANDS = "hands", _("hands")
    CLOUD = "cloud", _("cloud")
    ROCKET = "rocket", _("rocket")
    GIFT = "gift", _("gift")
    SPARK = "spark", _("spark")
    CLOCK = "clock", _("clock")
    INDIVIDUAL = "individual", _("one person")
    PAIRS = "pairs", _("two people")
    GROUPS = "groups", _("small groups")
    WHOLE_CLASS = "whole_class", _("the whole class")
    HAPPY = "feeling-blij", _("happy face")
    CALM = "feeling-rustig", _("calm face")
    PROUD = "feeling-trots", _("proud face")
    GRATEFUL = "feeling-dankbaar", _("grateful face")
    EXCITED = "feeling-opgewonden", _("excited face")
    TIRED = "feeling-moe", _("tired face")
    BORED = "feeling-verveeld", _("bored face")
    NERVOUS = "feeling-zenuwachtig", _("nervous face")
    SAD = "feeling-verdrietig", _("sad face")
    ANGRY = "feeling-boos", _("angry face")


class WordList(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(
        _("what the list is for"), max_length=200, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("description"),
        InlinePanel(
            "words",
            label=_("word"),
            heading=_("Words"),
            min_num=2,
            help_text=_(
                "Words children know, in the order pupils see them. Every word has an "
                "icon; the word always says what the icon shows."
            ),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("word list")
        verbose_name_plural = _("word lists")

    def __str__(self):
        return self.name


class Word(Orderable):
    word_list = ParentalKey(WordList, on_delete=models.CASCADE, related_name="words")
    text = models.CharField(_("word"), max_length=40)
    icon = models.CharField(
        _("icon"),
        max_length=24,
        choices=ActivityIcon.choices,
        default=ActivityIcon.STAR,
    )
    description = models.CharField(
        _("short explanation"),
        max_length=120,
        blank=True,
        help_text=_("For strengths cards: what it means, in a child's words."),
    )

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("icon")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("word")
        verbose_name_plural = _("words")
        constraints = [
            models.UniqueConstraint(
                fields=["word_list", "text"], name="word_once_per_list"
            )
        ]

    def __str__(self):
        return self.text


def word_choices():
    """The words of every reviewed (live) list, grouped by list, as a block's choices: a
    word's primary key is its stable value."""
    words = Word.objects.filter(word_list__live=True).select_related("word_list")
    groups = {}
    for word in words.order_by("word_list__name", "sort_order", "pk"):
        groups.setdefault(word.word_list.name, []).append((str(word.pk), word.text))
    return list(groups.items())


def words_in_order(keys):
    """The reviewed words for the stored keys, in the order the author's list holds them;
    a word since removed from its list is left out."""
    pks = [int(key) for key in keys if str(key).isdigit()]
    words = Word.objects.filter(pk__in=pks, word_list__live=True)
    return list(words.order_by("word_list__name", "sort_order", "pk"))
