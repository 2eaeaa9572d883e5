from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from lessons.activities import (
    PollBlock,
    QuizBlock,
    ScaleBlock,
    StrengthsChoiceBlock,
    WallBlock,
    WordCloudBlock,
)
from lessons.moments import IN_A_LESSON, Moment

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Organisation(blocks.ChoiceBlock):
    choices = [
        ("whole_class", _("whole class")),
        # small groups of pupils ("groepjes"), not year groups ("groepen")
        ("groups", pgettext_lazy("working in", "groups")),
        ("pairs", _("pairs")),
        ("individual", _("individual")),
    ]


class WorkKind(blocks.ChoiceBlock):
    choices = [
        ("conversation", _("conversation")),
        ("explanation", _("explanation")),
        ("reflection", _("thinking on your own")),
        ("movement", _("movement")),
        ("calm", _("calm")),
        ("creative", _("creative work")),
        ("game", _("game")),
        ("writing", _("writing")),
    ]


class StepValue(blocks.StructValue):
    def organisation_label(self):
        return dict(Organisation.choices)[self["organisation"]]

    def work_label(self):
        return dict(WorkKind.choices)[self["work"]]


class DiscussionBlock(blocks.StructBlock):
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("questions"), min_num=1
    )

    class Meta:
        icon = "comment"
        template = "lessons/blocks/discussion_block.html"
        label = _("discussion questions")
        description = _("Questions to talk about in the circle or in pairs.")
        preview_value = {
            "questions": ["Wanneer was jij vandaag blij?", "Wat deed je toen?"]
        }


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("question to think about"), max_length=200)
    sentence_starters = blocks.ListBlock(
        blocks.CharBlock(max_length=120), label=_("sentence starters"), required=False
    )

    class Meta:
        icon = "user"
        template = "lessons/blocks/reflection_block.html"
        label = _("individual reflection")
        description = _(
            "A question each pupil thinks about alone, with sentence starters."
        )
        preview_value = {
            "prompt": "Waar ben jij goed in?",
            "sentence_starters": ["Ik ben goed in ...", "Dat merk ik als ..."],
        }


class EnergiserBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "pick"
        template = "lessons/blocks/energiser_block.html"
        label = _("movement or energiser")
        description = _("A short movement game to wake up or to change the mood.")
        preview_value = {
            "title": "Stoelendans van complimenten",
            "instructions": "<p>Iedereen loopt rond op muziek.</p>",
        }


class BreathingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    instructions = blocks.TextBlock(label=_("instructions"))
    breathe_in = blocks.IntegerBlock(
        label=_("breathe in (seconds)"), min_value=2, max_value=8, default=4
    )
    breathe_out = blocks.IntegerBlock(
        label=_("breathe out (seconds)"), min_value=2, max_value=10, default=4
    )
    rounds = blocks.IntegerBlock(
        label=_("rounds"), min_value=1, max_value=20, default=5
    )

    class Meta:
        icon = "time"
        template = "lessons/blocks/breathing_block.html"
        label = _("breathing or calm exercise")
        description = _("A calm exercise with a visual breathing timer.")
        preview_value = {
            "title": "Ballonademhaling",
            "instructions": "Adem in en blaas je buik op als een ballon.",
            "breathe_in": 4,
            "breathe_out": 4,
            "rounds": 5,
        }


class GratitudeBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("question"), max_length=200)
    examples = blocks.ListBlock(
        blocks.CharBlock(max_length=120), label=_("examples"), required=False
    )

    class Meta:
        icon = "heart"
        template = "lessons/blocks/gratitude_block.html"
        label = _("gratitude exercise")
        description = _("Pupils name or write down what they are thankful for.")
        preview_value = {
            "prompt": "Voor wie ben jij vandaag dankbaar?",
            "examples": ["mijn buurman die hielp"],
        }


class StrengthCardBlock(blocks.StructBlock):
    word = blocks.CharBlock(label=_("strength"), max_length=60)
    description = blocks.CharBlock(label=_("description"), max_length=160)


class StrengthsBlock(blocks.StructBlock):
    intro = blocks.CharBlock(label=_("introduction"), max_length=200, required=False)
    cards = blocks.ListBlock(StrengthCardBlock(), label=_("cards"), min_num=2)

    class Meta:
        icon = "pick"
        template = "lessons/blocks/strengths_block.html"
        label = _("strengths cards")
        description = _(
            "Cards with strengths that pupils recognise in themselves or others."
        )
        preview_value = {
            "intro": "Welke kracht past bij jou?",
            "cards": [
                {"word": "Behulpzaam", "description": "Je helpt anderen graag."},
                {"word": "Moedig", "description": "Je durft iets nieuws te proberen."},
            ],
        }


class VideoBlock(blocks.StructBlock):
    """A video file from our own document library: an embed from a video platform would
    make the page load from another host (privacy rule 9)."""

    video = DocumentChooserBlock(label=_("video file (mp4 or webm)"))
    title = blocks.CharBlock(label=_("title"), max_length=120)
    transcript = blocks.TextBlock(
        label=_("transcript"),
        help_text=_("What is said and shown, for pupils who cannot hear or see it."),
    )

    class Meta:
        icon = "media"
        template = "lessons/blocks/video_block.html"
        label = _("video")
        description = _("A short video from the document library, with a transcript.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=200, required=False)

    class Meta:
        icon = "image"
        template = "lessons/blocks/captioned_image_block.html"
        label = _("image with caption")
        description = _("An image with alternative text and an optional caption.")


class ActivityStreamBlock(blocks.StreamBlock):
    discussion = DiscussionBlock()
    reflection = ReflectionBlock()
    energiser = EnergiserBlock()
    breathing = BreathingBlock()
    gratitude = GratitudeBlock()
    strengths = StrengthsBlock()
    video = VideoBlock()
    image = CaptionedImageBlock()
    # Class activities (lessons/activities.py): every pupil answers on their own screen.
    poll = PollBlock()
    scale = ScaleBlock()
    word_cloud = WordCloudBlock()
    wall = WallBlock()
    strengths_choice = StrengthsChoiceBlock()
    quiz = QuizBlock()


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=120)
    organisation = Organisation(label=_("class organisation"), default="whole_class")
    work = WorkKind(label=_("kind of work"), default="conversation")
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=RICH_TEXT_FEATURES
    )
    activities = ActivityStreamBlock(label=_("activities"), required=False)
    teacher_note = blocks.TextBlock(
        label=_("note for the teacher"),
        required=False,
        help_text=_("Not shown on the digital board."),
    )

    class Meta:
        icon = "list-ol"
        template = "lessons/blocks/step_block.html"
        value_class = StepValue
        label = _("step")
        description = _("One timed step of the lesson plan.")
        preview_value = {
            "title": "Kringgesprek",
            "minutes": 10,
            "organisation": "whole_class",
            "work": "conversation",
            "instructions": "<p>Vraag de kinderen wat geluk voor hen betekent.</p>",
        }


class CheckInPointBlock(blocks.StructBlock):
    moment = blocks.ChoiceBlock(
        choices=[(moment.value, moment.label) for moment in IN_A_LESSON],
        label=_("moment"),
        default=Moment.LESSON_START,
    )
    prompt = blocks.CharBlock(
        label=_("question on the board"), max_length=120, default="Hoe voel jij je nu?"
    )

    class Meta:
        icon = "tick-inverse"
        template = "lessons/blocks/check_in_point_block.html"
        label = _("check-in point")
        description = _(
            "An anonymous check-in for the class: how do you feel right now?"
        )
        preview_value = {
            "moment": Moment.LESSON_START,
            "prompt": "Hoe voel jij je nu?",
        }


class LessonStreamBlock(blocks.StreamBlock):
    step = StepBlock()
    check_in = CheckInPointBlock()
