"""A teacher finds a lesson by filtering, opens it, steps through presentation mode with
the keyboard, and prints the plan to PDF."""

from pathlib import Path

from playwright.sync_api import expect

from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    ThemeFactory,
    check_in,
    step,
)

PDF = Path(__file__).resolve().parents[2] / "test-results" / "lesplan.pdf"


def test_teacher_finds_presents_and_prints_a_lesson(page, site_url, screenshot):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    library = LessonIndexPageFactory(parent=home, show_in_menus=True)
    gratitude = ThemeFactory(
        slug="dankbaarheid", name="Dankbaarheid", icon="heart", colour="coral"
    )
    calm = ThemeFactory(slug="rust", name="Rust", icon="leaf", colour="mint")
    LessonPageFactory(
        parent=library,
        title="Ademen als een ballon",
        slug="ballon",
        duration=20,
        themes=[calm],
        groups=["groep-1-2"],
    )
    LessonPageFactory(
        parent=library,
        title="Dank je wel in de kring",
        slug="kring",
        duration=25,
        themes=[gratitude],
        groups=["groep-3-4"],
        steps=[
            check_in("lesson_start"),
            step("Kringgesprek", 10, teacher_note="Alleen voor de juf"),
            step("Dankkaartje", 10),
            step("Afsluiten", 5),
        ],
    )

    page.goto(site_url + "/")
    page.get_by_role("link", name="Zoek een les").click()
    expect(page.get_by_role("heading", name="2 lessen gevonden")).to_be_visible()
    page.get_by_label("Thema").select_option("dankbaarheid")
    page.get_by_label("Groep").select_option("groep-3-4")
    page.get_by_role("button", name="Toon lessen").click()
    expect(page).to_have_url(
        f"{site_url}/lessen/?q=&thema=dankbaarheid&groep=groep-3-4&duur="
    )
    expect(page.get_by_role("heading", name="1 les gevonden")).to_be_visible()
    screenshot("library-filtered")

    page.get_by_role("link", name="Dank je wel in de kring").click()
    expect(page.get_by_role("heading", name="In één oogopslag")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Kringgesprek")
    screenshot("lesson")

    page.get_by_role("link", name="Start in de klas").click()
    expect(page.locator("[data-progress]")).to_have_text("Dia 1 van 5")
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-progress]")).to_have_text("Dia 2 van 5")
    expect(page.get_by_role("heading", name="Hoe voel jij je nu?")).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_role("heading", name="Kringgesprek")).to_be_visible()
    expect(page.get_by_role("timer")).to_have_text("10:00")
    # The teacher's notes are hers: folded away on the board, there when she opens them.
    expect(page.get_by_text("Alleen voor de juf")).to_be_hidden()
    page.locator("[data-slide]:not([hidden])").get_by_text(
        "Voor de leerkracht", exact=True
    ).click()
    expect(page.get_by_text("Alleen voor de juf")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="Dankkaartje")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", name="Kringgesprek")).to_be_visible()
    expect(page.get_by_text("Alleen voor de juf")).to_be_hidden()  # folded again
    screenshot("presentation")
    page.keyboard.press("Escape")
    expect(page).to_have_url(f"{site_url}/lessen/kring/")

    page.goto(site_url + "/lessen/kring/print/")
    PDF.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(PDF), format="A4")
    assert PDF.read_bytes().startswith(b"%PDF")
    assert PDF.stat().st_size > 5_000


def test_presentation_mode_respects_reduced_motion_and_touch(page, site_url, browser):
    from wagtail.models import Site

    library = LessonIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page
    )
    LessonPageFactory(
        parent=library, slug="veeg", steps=[step("Een", 5), step("Twee", 5)]
    )
    context = browser.new_context(
        reduced_motion="reduce", has_touch=True, viewport={"width": 1024, "height": 768}
    )
    board = context.new_page()
    board.goto(site_url + "/lessen/veeg/klas/")
    assert board.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    expect(board.locator("[data-progress]")).to_have_text("Dia 1 van 3")
    board.get_by_role("button", name="Volgende").click()
    expect(board.get_by_role("heading", name="Een")).to_be_visible()
    # In English the controls are English and marked so; the lesson stays Dutch, marked nl.
    board.goto(site_url + "/en/lessen/veeg/klas/")
    assert board.evaluate("document.documentElement.lang") == "en"
    expect(board.locator("[data-progress]")).to_have_text("Slide 1 of 3")
    expect(board.get_by_role("button", name="Next")).to_be_visible()
    assert board.locator("[data-deck]").get_attribute("lang") == "nl"
    context.close()
