"""The class tablet in groep 1-2: the teacher opens the check-in on the tablet from her
board; three children in a row each tap one big face (no "Klaar", no reading), a
thank-you and the faces again for the next child, who never sees the last child's
choice; the check-in counts exactly those three. The same with JavaScript off. The pages
pass axe and fit a 10" tablet (portrait and landscape) and 320 px without scrolling."""

from playwright.sync_api import expect

from schools.checkins.services import start_session
from schools.models import CheckInSession, Membership, Role
from tests.e2e.test_accessibility import Audit
from tests.e2e.test_check_in import _shots, sign_in
from tests.factories import SchoolClassFactory, UserFactory

PORTRAIT = {"width": 800, "height": 1280}
LANDSCAPE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
QUESTION = "Hoe voel jij je nu?"
THANKS = "Dankjewel!"
SPOKEN_THANKS = "Dankjewel! Nu is het volgende kind aan de beurt."
# speechSynthesis is real in chromium but silent here: record what would be said.
RECORD_SPEECH = """
window.__spoken = [];
if (window.speechSynthesis) {
    window.speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);
}
"""


def kleuter_check_in():
    teacher = UserFactory(username="juf-kleuter")
    school_class = SchoolClassFactory(
        name="groep 1/2", pupil_count=20, groups=["groep-1-2"], teachers=[teacher]
    )
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    session = start_session(
        school_class=school_class, started_by=teacher, moment="standalone"
    )
    return teacher, session


def the_board(browser, site_url, teacher, session):
    """The teacher's live page on the board, and the tablet's address from its link."""
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    sign_in(context, teacher, site_url)
    board = context.new_page()
    board.goto(f"{site_url}/sessies/{session.code}/")
    expect(board.get_by_text("0 van 20 beantwoord")).to_be_visible()
    link = board.get_by_role("link", name="Open op de klassentablet")
    return context, board, link.get_attribute("href")


def shot(page, name):
    """The viewport of this page (the `screenshot` fixture shoots a page of its own)."""
    page.screenshot(path=str(_shots() / f"{name}.png"))  # what the child sees


def faces(page):
    return page.locator(".kleuter__answer")


def assert_faces_fit(page, name):
    """All three faces in the viewport without scrolling, each at least 120 px."""
    size = page.viewport_size
    expect(faces(page)).to_have_count(3)
    for index in range(3):
        box = faces(page).nth(index).bounding_box()
        assert box["width"] >= 120 and box["height"] >= 120, (name, index, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (name, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (name, box)
    sideways = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert sideways <= 1, (name, sideways)


def nothing_chosen(page):
    """The faces as for the first child: none marked, none disabled, none focused."""
    expect(page.get_by_role("heading", name=QUESTION)).to_be_visible(timeout=10_000)
    expect(page.locator(".kleuter__answer:disabled")).to_have_count(0)
    expect(page.locator("[aria-pressed], [aria-checked], :checked")).to_have_count(0)
    assert not page.evaluate(
        "document.activeElement.classList.contains('kleuter__answer')"
    )


def narrow(audit, name):
    """Audit.narrow, after the page has laid itself out again at 320 px: chromium
    reports the new width at once but may apply its media queries a frame later."""
    page = audit.page
    size = page.viewport_size
    page.set_viewport_size(NARROW)
    page.evaluate(
        "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    audit.narrow(name)
    page.set_viewport_size(size)


def counted(session):
    session = CheckInSession.objects.get(pk=session.pk)
    return {
        name: getattr(session, name) for name in ("n", "mood_1", "mood_3", "mood_5")
    }


def test_three_kleuters_in_a_row_on_the_tablet(browser, site_url, settings):
    # Two seconds of countdown, not four (checked in tests/schools/checkins/test_tablet.py):
    # the same ring and reset, three times, six seconds sooner.
    settings.KLEUTER_COUNTDOWN_SECONDS = 2
    teacher, session = kleuter_check_in()
    board_context, board, tablet_url = the_board(browser, site_url, teacher, session)
    assert tablet_url.endswith(f"/doe-mee/{session.code}/?tablet=1")

    tablet = browser.new_context(locale="nl-NL", viewport=PORTRAIT, has_touch=True)
    tablet.add_init_script(RECORD_SPEECH)
    page = tablet.new_page()
    page.goto(tablet_url)
    nothing_chosen(page)
    assert_faces_fit(page, "portrait")
    expect(page.get_by_role("button", name="Klaar")).to_have_count(0)
    expect(page.get_by_role("button", name="Overslaan")).to_have_count(0)
    shot(page, "kleuter-tablet-faces-portrait")
    # The question and each face can be read aloud.
    page.get_by_role("button", name="Voorlezen", exact=True).tap()
    page.get_by_role("button", name="Voorlezen: gewoon").tap()
    assert page.evaluate("window.__spoken") == [
        f"{QUESTION} Tik op een gezicht.",
        "gewoon",
    ]

    for number, word in enumerate(["verdrietig", "gewoon", "blij"], start=1):
        token = page.locator("input[name=token]").input_value()
        face = page.get_by_role("button", name=word, exact=True)
        where = face.bounding_box()
        if number == 2:
            face.dblclick()  # a double tap: one answer
        else:
            face.tap()
        expect(page.get_by_role("heading", name=THANKS)).to_be_visible()
        expect(faces(page).first).to_be_hidden()
        expect(page.locator("[data-countdown]")).to_be_visible()
        assert page.evaluate("window.__spoken").count(SPOKEN_THANKS) == 1
        if number == 1:
            shot(page, "kleuter-tablet-thanks-portrait")
        if number == 3:
            # Tapping where the face was, during the reset, counts nothing.
            page.touchscreen.tap(where["x"] + 20, where["y"] + 20)
        nothing_chosen(page)  # the next child's faces, after the countdown
        assert page.locator("input[name=token]").input_value() != token
        assert page.evaluate("window.__spoken") == []  # a fresh page
        assert counted(session)["n"] == number

    expect(board.get_by_text("3 van 20 beantwoord")).to_be_visible(timeout=10_000)
    assert counted(session) == {"n": 3, "mood_1": 1, "mood_3": 1, "mood_5": 1}

    # The teacher closes the check-in: the next tap leads to the closed screen.
    board.get_by_role("button", name="Sluit de check-in").click()
    expect(board.get_by_text("Deze check-in is gesloten.")).to_be_visible()
    page.get_by_role("button", name="blij", exact=True).tap()
    expect(page.get_by_role("heading", name="De check-in is voorbij.")).to_be_visible(
        timeout=10_000
    )
    expect(faces(page)).to_have_count(0)
    shot(page, "kleuter-tablet-closed")
    assert counted(session) == {"n": 3, "mood_1": 1, "mood_3": 1, "mood_5": 1}
    for context in (tablet, board_context):
        context.close()


def test_three_kleuters_in_a_row_without_javascript(browser, site_url):
    teacher, session = kleuter_check_in()
    board_context, board, tablet_url = the_board(browser, site_url, teacher, session)
    tablet = browser.new_context(
        locale="nl-NL", viewport=LANDSCAPE, java_script_enabled=False
    )
    page = tablet.new_page()
    page.goto(tablet_url)
    assert_faces_fit(page, "landscape, no JavaScript")
    shot(page, "kleuter-tablet-faces-landscape-no-js")
    for number, word in enumerate(["blij", "verdrietig", "blij"], start=1):
        nothing_chosen(page)
        token = page.locator("input[name=token]").input_value()
        page.get_by_role("button", name=word, exact=True).click()
        expect(page.get_by_role("heading", name=THANKS)).to_be_visible()
        expect(page.locator("[data-countdown]")).to_be_hidden()  # no timer without JS
        assert counted(session)["n"] == number
        if number == 1:
            shot(page, "kleuter-tablet-thanks-no-js")
            # Back: the faces again, fresh; the answer is not sent a second time.
            page.go_back()
            nothing_chosen(page)
            assert page.locator("input[name=token]").input_value() != token
            assert counted(session)["n"] == 1
            page.go_forward()
            expect(page.get_by_role("heading", name=THANKS)).to_be_visible()
        next_child = page.get_by_role("link", name="Volgende kind")
        box = next_child.bounding_box()
        assert box["height"] >= 80 and box["width"] >= 120, box
        next_child.click()
    nothing_chosen(page)
    assert counted(session) == {"n": 3, "mood_1": 1, "mood_3": 0, "mood_5": 2}
    board.reload()
    expect(board.get_by_text("3 van 20 beantwoord")).to_be_visible()
    for context in (tablet, board_context):
        context.close()


def test_the_kleuter_pages_pass_axe_and_fit_every_screen(browser, site_url):
    teacher, session = kleuter_check_in()
    answer_url = f"{site_url}/doe-mee/{session.code}/?tablet=1"
    for name, viewport in [("narrow", NARROW), ("landscape", LANDSCAPE)]:
        context = browser.new_context(locale="nl-NL", viewport=viewport)
        page = context.new_page()
        page.goto(answer_url)
        assert_faces_fit(page, name)
        shot(page, f"kleuter-tablet-faces-{name}")
        context.close()

    context = browser.new_context(
        locale="nl-NL", viewport=PORTRAIT, has_touch=True, reduced_motion="reduce"
    )
    page = context.new_page()
    audit = Audit(page)
    page.goto(answer_url)
    audit.check("kleuter faces")
    narrow(audit, "kleuter faces")
    # The thank-you after a tap, held on screen while the tablet is offline.
    context.set_offline(True)
    page.get_by_role("button", name="gewoon", exact=True).tap()
    expect(page.get_by_text("Er is nu geen verbinding.")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("heading", name=THANKS)).to_be_visible()
    # Reduced motion: the ring stands still, the number still counts down.
    ring = page.locator(".countdown__left")
    assert ring.evaluate("(ring) => getComputedStyle(ring).animationName") == "none"
    audit.check("kleuter thank-you (after a tap)")
    narrow(audit, "kleuter thank-you (after a tap)")
    shot(page, "kleuter-tablet-thanks-offline")
    assert counted(session)["n"] == 0
    context.set_offline(False)
    nothing_chosen(page)  # sent once the connection is back, then the next child
    assert counted(session) == {"n": 1, "mood_1": 0, "mood_3": 1, "mood_5": 0}

    # The thank-you page and the closed screen as a browser without JavaScript has them.
    page.route("**/checkin.js", lambda route: route.abort())
    page.goto(f"{site_url}/doe-mee/{session.code}/bedankt/?tablet=1")
    expect(page.get_by_role("link", name="Volgende kind")).to_be_visible()
    audit.check("kleuter thank-you page")
    narrow(audit, "kleuter thank-you page")
    from schools.checkins.services import close_session

    close_session(session=session)
    page.goto(answer_url)
    expect(page.get_by_role("heading", name="De check-in is voorbij.")).to_be_visible()
    audit.check("kleuter closed")
    narrow(audit, "kleuter closed")
    context.close()
    assert audit.findings == {}
