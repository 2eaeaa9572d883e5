"""A teacher downloads a demo lesson's worksheets and cards in one file, in chromium; the
lesson page with its materials passes axe (WCAG 2.1 AA) and the page's CSP."""

import shutil
import zipfile

from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_accessibility import Audit

LESSON = "ontdek-je-sterke-kanten"


def test_a_teacher_downloads_all_materials_of_a_lesson(
    page, site_url, screenshot, settings, tmp_path
):
    from cms.demo.lesson_files import LESSONS
    from cms.demo.lessons import load_lessons
    from cms.models import HomePage

    settings.MEDIA_ROOT = tmp_path / "media"
    one_lesson = tmp_path / "lessons"
    one_lesson.mkdir()
    shutil.copy(LESSONS / f"{LESSON}.toml", one_lesson)
    load_lessons(home=HomePage.objects.get(), directory=one_lesson)

    audit = Audit(page)
    page.goto(f"{site_url}/lessen/{LESSON}/")
    materials = page.locator(".lesson-materials")
    expect(materials.get_by_role("heading", name="Materialen")).to_be_visible()
    expect(materials.locator(".material__link")).to_have_text(
        [
            "Sterke-kantenkaarten",
            "Speurtocht naar sterke kanten",
            "Mijn sterke kanten",
        ]
    )
    expect(materials.locator(".material__kind")).to_have_text(
        ["Kaartjes", "Werkblad", "Werkblad"]
    )
    expect(materials.locator(".material__file").first).to_contain_text("PDF, ")
    audit.check("lesson page with materials")
    audit.narrow("lesson page with materials")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    materials.screenshot(path=str(SCREENSHOTS / "lesson-materials.png"))
    screenshot("lesson-page-with-materials")

    with page.expect_download() as download_info:
        materials.get_by_role("link", name="Alle materialen downloaden").click()
    download = download_info.value
    assert download.suggested_filename == f"{LESSON}-materialen.zip"
    pack = zipfile.ZipFile(download.path())
    assert pack.namelist() == [
        "1-sterke-kantenkaarten.pdf",
        "2-speurtocht-naar-sterke-kanten.pdf",
        "3-mijn-sterke-kanten.pdf",
    ]
    assert all(pack.read(name).startswith(b"%PDF-") for name in pack.namelist())

    # one worksheet on its own opens from its link, served by Wagtail's document view
    href = materials.get_by_role("link", name="Mijn sterke kanten").get_attribute(
        "href"
    )
    response = page.request.get(site_url + href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert audit.findings == {}
