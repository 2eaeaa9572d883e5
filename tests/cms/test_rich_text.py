"""Rich text whose links or images name an object by an id that is not one (finding 9 of
issue 13): the lesson's public pages, its edit view and the API answer, never a 500."""

import json

import pytest
from django.test import Client
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import ReferenceIndex

from lessons.blocks import RICH_TEXT_FEATURES
from tests.factories import LessonPageFactory, UserFactory, step

BAD_LINKS = [
    '<a linktype="page" id="abc">tekst</a>',
    '<a linktype="page">zonder id</a>',
    '<a linktype="page" id="-3">min</a>',
    '<a linktype="page" id="99999999999999999999999">te groot</a>',
    '<a linktype="page" id="١٢">andere cijfers</a>',
    '<a linktype="document" id="abc">werkblad</a>',
    '<embed embedtype="image" id="abc" format="fullwidth" alt="plaatje"/>',
]


@pytest.fixture
def broken_lesson(library, home):
    html = "".join(f"<p>{link}</p>" for link in BAD_LINKS)
    good = f'<p><a linktype="page" id="{home.pk}">naar de start</a></p>'
    instructions = step("Kapot", 30)
    instructions["value"]["instructions"] = html + good
    return LessonPageFactory(
        parent=library, slug="kapot", steps=[instructions], homework=html + good
    )


@pytest.mark.parametrize(
    "path", ["/lessen/kapot/", "/lessen/kapot/klas/", "/lessen/kapot/print/"]
)
def test_the_public_pages_render_a_bad_id_as_a_link_to_nothing(
    client, broken_lesson, path
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<a>tekst</a>" in html and "<a>werkblad</a>" in html
    assert '<img alt="">' in html
    assert '<a href="/">naar de start</a>' in html  # a good link still works


def test_the_api_answers(client, broken_lesson):
    assert client.get("/api/v1/lessons/kapot/").status_code == 200


def test_the_edit_view_opens_with_broken_links(broken_lesson):
    editor = UserFactory(username="redactie", is_superuser=True)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    response = browser.get(f"/admin/pages/{broken_lesson.pk}/edit/")
    assert response.status_code == 200


def test_saving_from_the_editor_keeps_the_text_and_drops_a_link_to_nothing():
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    state = json.loads(
        converter.from_database_format('<p><a linktype="page" id="abc">tekst</a></p>')
    )
    assert list(state["entityMap"].values())[0]["data"]["url"] is None
    assert "><a>tekst</a></p>" in converter.to_database_format(json.dumps(state))
    # Posted by hand: a link without id or address, or with an id that is not a number.
    for data in ({}, {"url": None}, {"id": "abc"}, {"id": {"x": 1}}):
        state["entityMap"]["0"]["data"] = data
        assert "><a>tekst</a></p>" in converter.to_database_format(json.dumps(state))
    # A page that was deleted keeps its id (Wagtail's broken link), as before.
    state["entityMap"]["0"]["data"] = {"id": 12345, "url": None}
    assert '<a linktype="page" id="12345">tekst</a>' in converter.to_database_format(
        json.dumps(state)
    )


def test_bad_ids_are_left_out_of_the_reference_index(broken_lesson, home):
    references = ReferenceIndex.get_references_for_object(broken_lesson)
    assert {reference.to_object_id for reference in references} == {str(home.pk)}
