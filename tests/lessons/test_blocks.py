"""Every block renders its content; the teacher's note stays off the board."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from lessons import blocks

VALUES = {
    "discussion": (
        blocks.DiscussionBlock(),
        {"questions": ["Wanneer was jij blij?", "Wat deed je toen?"]},
        ["Wanneer was jij blij?", "Wat deed je toen?"],
    ),
    "reflection": (
        blocks.ReflectionBlock(),
        {"prompt": "Waar ben jij goed in?", "sentence_starters": ["Ik ben goed in"]},
        ["Waar ben jij goed in?", "Ik ben goed in"],
    ),
    "energiser": (
        blocks.EnergiserBlock(),
        {"title": "Stoelendans", "instructions": "<p>Loop rond op muziek.</p>"},
        ["Stoelendans", "Loop rond op muziek."],
    ),
    "breathing": (
        blocks.BreathingBlock(),
        {
            "title": "Ballon",
            "instructions": "Adem rustig.",
            "breathe_in": 3,
            "breathe_out": 5,
            "rounds": 4,
        },
        ["Ballon", 'data-in="3"', 'data-out="5"', 'data-rounds="4"'],
    ),
    "gratitude": (
        blocks.GratitudeBlock(),
        {"prompt": "Voor wie ben jij dankbaar?", "examples": ["de juf"]},
        ["Voor wie ben jij dankbaar?", "de juf"],
    ),
    "strengths": (
        blocks.StrengthsBlock(),
        {
            "intro": "Welke kracht?",
            "cards": [
                {"word": "Moedig", "description": "Je durft."},
                {"word": "Eerlijk", "description": "Je zegt wat waar is."},
            ],
        },
        ["Moedig", "Je zegt wat waar is."],
    ),
    "check_in": (
        blocks.CheckInPointBlock(),
        {"moment": "lesson_end", "prompt": "Hoe voel jij je nu?"},
        ["Hoe voel jij je nu?"],
    ),
}


@pytest.mark.parametrize("name", VALUES)
def test_activity_blocks_render_their_content(name, db):
    block, raw, expected = VALUES[name]
    html = block.render(block.to_python(raw))
    for text in expected:
        assert text in html


def test_step_block_shows_note_on_the_page_but_not_on_the_board(db):
    from tests.factories import shown_on_the_board

    block = blocks.StepBlock()
    value = block.to_python(
        {
            "title": "Kring",
            "minutes": 10,
            "organisation": "pairs",
            "work": "game",
            "instructions": "<p>Doe mee.</p>",
            "teacher_note": "Let op stille kinderen.",
            "activities": [],
        }
    )
    page_html = block.render(value)
    board_html = block.render(value, context={"present": True})
    assert (
        "Kring" in page_html
        and "10 min" in page_html
        and "Let op stille kinderen." in page_html
    )
    assert "tweetallen" in page_html.lower() or "pairs" in page_html
    # On the board the script and the tip are the teacher's: folded, out of the class's sight.
    assert "Let op stille kinderen." in board_html and "Doe mee." in board_html
    shown = shown_on_the_board(board_html)
    assert "Let op stille kinderen." not in shown and "Doe mee." not in shown
    assert "Kring" in shown and "10 min" in shown


def test_image_block_renders_alt_text_and_caption(db):
    image = get_image_model().objects.create(title="Zon", file=get_test_image_file())
    block = blocks.CaptionedImageBlock()
    value = block.to_python(
        {
            "image": {
                "image": image.pk,
                "alt_text": "Een gele zon",
                "decorative": False,
            },
            "caption": "De zon schijnt",
        }
    )
    html = block.render(value)
    assert 'alt="Een gele zon"' in html
    assert "De zon schijnt" in html


def test_video_block_plays_our_own_file_with_transcript(db):
    document = Document.objects.create(
        title="Film", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="film.mp4")
    )
    block = blocks.VideoBlock()
    html = block.render(
        block.to_python(
            {
                "video": document.pk,
                "title": "Een korte film",
                "transcript": "Een kind lacht.",
            }
        )
    )
    assert f'src="{document.url}"' in html
    assert "Een kind lacht." in html


def test_every_block_has_icon_preview_and_description():
    for name, child in [
        *blocks.ActivityStreamBlock().child_blocks.items(),
        *blocks.LessonStreamBlock().child_blocks.items(),
    ]:
        assert child.meta.icon and child.meta.icon != "placeholder", name
        assert child.meta.description, name
        assert child.meta.template, name
        if name not in {"video", "image"}:
            assert child.meta.preview_value, name
