"""A lesson's materials: documents with a kind, in the lesson's order, on the lesson page
and its print, and all of them in one ZIP file; Wagtail's collection privacy holds for
the list and for the ZIP file."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset

from lessons.materials import LessonMaterial
from tests.factories import LessonPageFactory, UserFactory, staff
from tests.lessons.test_authoring import edit_data, staff_client

PDF = b"%PDF-1.4\n% een werkblad\n" + b"0" * 2000 + b"\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(title, content=PDF, *, name=None, collection=None):
    doc = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    doc.file.save(
        name or f"{title.lower().replace(' ', '-')}.pdf", ContentFile(content)
    )
    doc._set_document_file_metadata()
    doc.save()
    return doc


def with_materials(lesson, *materials):
    lesson.attachments = [
        LessonMaterial(document=doc, kind=kind, description=description, sort_order=n)
        for n, (doc, kind, description) in enumerate(materials)
    ]
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def lesson(library):
    return LessonPageFactory(parent=library, slug="moed", title="Moed")


@pytest.fixture
def two(lesson):
    cards = document("Gevoelskaartjes", PDF + b"kaartjes" * 100)
    sheet = document("Mijn moedtrap")
    return with_materials(
        lesson,
        (sheet, "worksheet", "Eén per leerling."),
        (cards, "cards", "Een set per groepje."),
    )


def section(html):
    start = html.index('id="materials-title"')
    return html[start : html.index("</section>", start)]


def test_the_lesson_page_lists_its_materials_in_order_with_kind_type_and_size(
    client, two
):
    html = section(client.get("/lessen/moed/").content.decode())
    assert "Materialen" in html
    sheet, cards = (m.document for m in two.attachments.all())
    assert html.index("Mijn moedtrap") < html.index("Gevoelskaartjes")
    assert html.index("Werkblad") < html.index("Mijn moedtrap")
    assert html.index("Kaartjes") < html.index("Gevoelskaartjes")
    assert "PDF, 2,0\xa0KB" in html and "PDF, 2,8\xa0KB" in html
    assert "Eén per leerling." in html and "Een set per groepje." in html
    assert f'href="{sheet.url}"' in html and f'href="{cards.url}"' in html
    assert 'href="/lessen/moed/materialen/"' in html
    assert "Alle materialen downloaden" in html and "2 bestanden" in html


def test_the_print_names_the_materials(client, two):
    html = client.get("/lessen/moed/print/").content.decode()
    assert "Werkblad: Mijn moedtrap (Eén per leerling.)" in html
    assert "Kaartjes: Gevoelskaartjes" in html


def test_download_all_gives_one_zip_with_exactly_those_files_in_order(client, two):
    response = client.get("/lessen/moed/materialen/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="moed-materialen.zip"' in response["Content-Disposition"]
    assert "private" in response["Cache-Control"]
    pack = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert pack.namelist() == ["1-mijn-moedtrap.pdf", "2-gevoelskaartjes.pdf"]
    assert pack.read("1-mijn-moedtrap.pdf") == PDF
    assert pack.read("2-gevoelskaartjes.pdf") == PDF + b"kaartjes" * 100
    assert pack.testzip() is None


def test_one_material_has_no_download_all_button_but_the_address_works(client, lesson):
    with_materials(lesson, (document("Alleen ik"), "other", ""))
    html = section(client.get("/lessen/moed/").content.decode())
    assert "Anders" in html and "Alleen ik" in html
    assert "Alle materialen downloaden" not in html
    assert client.get("/lessen/moed/materialen/").status_code == 200


def test_a_lesson_without_materials_has_no_section_and_a_friendly_404(client, lesson):
    assert 'id="materials-title"' not in client.get("/lessen/moed/").content.decode()
    response = client.get("/lessen/moed/materialen/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze les heeft geen materialen om te downloaden" in html
    assert 'href="/lessen/moed/"' in html


@pytest.fixture
def restricted(lesson):
    """One open worksheet, and cards in a collection only signed-in people may see."""
    private = Collection.get_first_root_node().add_child(
        name="Alleen voor leerkrachten"
    )
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return with_materials(
        lesson,
        (document("Open werkblad"), "worksheet", ""),
        (document("Geheime kaartjes", collection=private), "cards", ""),
    )


def test_a_restricted_document_is_neither_listed_nor_zipped_for_a_visitor(
    client, restricted
):
    html = section(client.get("/lessen/moed/").content.decode())
    assert "Open werkblad" in html and "Geheime kaartjes" not in html
    assert "Sommige materialen zijn alleen voor leerkrachten die zijn ingelogd" in html
    pack = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get("/lessen/moed/materialen/").streaming_content))
    )
    assert pack.namelist() == ["1-open-werkblad.pdf"]


def test_a_signed_in_teacher_sees_and_gets_the_restricted_document(restricted):
    browser = Client()
    browser.force_login(staff())
    html = section(browser.get("/lessen/moed/").content.decode())
    assert "Open werkblad" in html and "Geheime kaartjes" in html
    assert "alleen voor leerkrachten" not in html
    response = browser.get("/lessen/moed/materialen/")
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert names == ["1-open-werkblad.pdf", "2-geheime-kaartjes.pdf"]


def test_only_restricted_documents_give_the_404_to_a_visitor(client, lesson):
    private = Collection.get_first_root_node().add_child(name="Privé")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    with_materials(lesson, (document("Geheim", collection=private), "cards", ""))
    response = client.get("/lessen/moed/materialen/")
    assert response.status_code == 404
    assert "alleen voor leerkrachten die zijn ingelogd" in response.content.decode()


def test_a_group_restriction_keeps_the_lesson_page_out_of_the_page_cache(
    client, lesson, settings
):
    """Who may see a group's document is one person's matter: the page is not stored
    for anyone (cms.middleware stores a page only for its context's query)."""
    settings.PAGE_CACHE_SECONDS = 60
    private = Collection.get_first_root_node().add_child(name="Team")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    team = Group.objects.create(name="Team van juf Ans")
    restriction.groups.add(team)
    with_materials(lesson, (document("Teamblad", collection=private), "worksheet", ""))
    member, other = staff(), staff()
    member.groups.add(team)
    browser = Client()
    browser.force_login(member)
    assert "Teamblad" in section(browser.get("/lessen/moed/").content.decode())
    browser.force_login(other)
    html = browser.get("/lessen/moed/").content.decode()
    assert "Teamblad" not in html and 'id="materials-title"' not in html


def test_the_editor_saves_materials_in_the_order_given(library, themes):
    lesson = LessonPageFactory(parent=library, slug="editor", title="Editor")
    first, second = document("Eerste blad"), document("Tweede blad")
    browser = staff_client(UserFactory(is_superuser=True))
    assert (
        "Werkbladen en kaartjes"
        in browser.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    )
    items = [
        {"document": second.pk, "kind": "cards", "title": "", "description": "Knip"},
        {"document": first.pk, "kind": "worksheet", "title": "Blad", "description": ""},
    ]
    data = edit_data(lesson, browser, attachments=inline_formset(items))
    data["action-publish"] = "action-publish"
    response = browser.post(f"/admin/pages/{lesson.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = [
        (m.document.title, m.kind, m.label, m.description)
        for m in lesson.attachments.all()
    ]
    assert saved == [
        ("Tweede blad", "cards", "Tweede blad", "Knip"),
        ("Eerste blad", "worksheet", "Blad", ""),
    ]


def test_documents_are_served_by_wagtail_with_their_privacy_and_a_closed_policy(
    client, restricted, settings
):
    """Always through Wagtail's view (WAGTAILDOCS_SERVE_METHOD), which checks the
    collection's restriction, never a link to the storage itself."""
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    open_sheet, secret = (m.document for m in restricted.attachments.all())
    assert open_sheet.url.startswith("/documenten/")
    response = client.get(open_sheet.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    refused = client.get(secret.url)
    assert refused.status_code == 302 and "/login/" in refused["Location"]


def test_moving_a_collection_under_a_restricted_one_clears_the_cached_pages(
    client, lesson, settings
):
    """Found by a red-team review: the admin moves a collection with treebeard's move(),
    which sends no signal, and the cached lesson page kept the document's title."""
    settings.PAGE_CACHE_SECONDS = 60
    open_sheets = Collection.get_first_root_node().add_child(name="Werkbladen")
    care = Collection.get_first_root_node().add_child(name="Zorgteam")
    restriction = CollectionViewRestriction.objects.create(
        collection=care, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Zorgteam"))
    with_materials(
        lesson,
        (document("Vertrouwelijk zorgplan", collection=open_sheets), "other", ""),
    )
    assert "Vertrouwelijk zorgplan" in client.get("/lessen/moed/").content.decode()

    admin = staff_client(UserFactory(is_superuser=True))
    moved = admin.post(
        f"/admin/collections/{open_sheets.pk}/",
        {
            "name": "Werkbladen",
            "parent": care.pk,
            "csrfmiddlewaretoken": admin.cookies["csrftoken"].value,
        },
    )
    assert moved.status_code == 302
    open_sheets.refresh_from_db()
    assert open_sheets.get_parent() == care
    assert "Vertrouwelijk zorgplan" not in client.get("/lessen/moed/").content.decode()
