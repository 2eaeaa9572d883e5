"""A lesson run (issue 16) in Debian's chromium: the teacher runs a lesson with a poll, a
word cloud and a quiz from the board; 25 pupils join once with the code and their screens
follow the board: phones, tablets, one at 320 px, one by keyboard only, one shared tablet
passed along three pupils, one browser without JavaScript ("Kijk opnieuw"). The teacher
reveals each result from 5 answers; no pupil's screen ever shows a count or the quiz's
right answer; "Les afsluiten" ends the lesson on every screen. The pages pass axe."""

import html
import re

import pytest
from playwright.sync_api import Error, expect

from lessons.models import LessonPage
from lessons.word_lists import Word, WordList
from schools.models import LessonRun, Membership, Role, RunActivity
from schools.runs import services
from tests.e2e.test_accessibility import Audit
from tests.e2e.test_check_in import _shots, sign_in
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
    UserFactory,
    step,
)

BOARD = {"width": 1366, "height": 768}
FULL_HD = {"width": 1920, "height": 1080}
PHONE = {"width": 375, "height": 667}
TABLET = {"width": 768, "height": 1024}
NARROW = {"width": 320, "height": 640}
CLASS_SIZE = 25

POLL = (
    "poll",
    {
        "question": "Wat doen we in de pauze?",
        "answers": [
            {"label": label, "icon": "sun"}
            for label in ("voetballen", "tekenen", "verstoppertje")
        ],
        "multiple": False,
    },
)
QUIZ = (
    "quiz",
    {
        "question": "Wat helpt als je boos bent?",
        "answers": [
            {"text": "hard wegrennen", "correct": False},
            {"text": "langzaam ademhalen", "correct": True},
            {"text": "schreeuwen", "correct": False},
        ],
        "explanation": "Ademen kalmeert.",
    },
)
FEELINGS = ("blij", "rustig", "trots", "moe", "boos")
STEPS = {"poll": "Stemmen", "word_cloud": "Woorden", "quiz": "Weten"}
QUESTIONS = {
    "poll": "Wat doen we in de pauze?",
    "word_cloud": "Hoe voel je je?",
    "quiz": "Wat helpt als je boos bent?",
}


def word_cloud():
    word_list = WordList.objects.create(name="Gevoelens in de les", slug="les-gevoelens", live=True)
    Word.objects.bulk_create(
        Word(word_list=word_list, text=text, icon="smile", sort_order=i, description="")
        for i, text in enumerate(FEELINGS)
    )
    words = [str(pk) for pk in word_list.words.order_by("sort_order").values_list("pk", flat=True)]
    return ("word_cloud", {"question": QUESTIONS["word_cloud"], "words": words, "picks": 3})


def a_class_and_its_lesson(steps=None):
    """A teacher with one class of 25 and a lesson, built as tests/schools/runs/conftest.py
    builds `run_lesson`: by default a step each for the poll, the word cloud and the quiz."""
    from wagtail.models import Site

    library = LessonIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
    raw = steps or [
        step(STEPS["poll"], 5, activities=[POLL]),
        step(STEPS["word_cloud"], 5, activities=[word_cloud()]),
        step(STEPS["quiz"], 5, activities=[QUIZ]),
    ]
    stream = LessonPage._meta.get_field("steps").stream_block
    made = LessonPageFactory(
        parent=library,
        slug="samen-kiezen",
        title="Samen kiezen",
        steps=stream.clean(stream.to_python(raw)),
    )
    teacher = UserFactory(username="juf-les")
    school_class = SchoolClassFactory(
        name="groep 6", pupil_count=CLASS_SIZE, groups=["groep-5-6"], teachers=[teacher]
    )
    Membership.objects.create(user=teacher, school=school_class.school, role=Role.TEACHER)
    return LessonPage.objects.get(pk=made.pk), teacher, school_class


def shot(page, name):
    path = _shots() / f"lesson-run-{name}.png"
    page.screenshot(path=str(path))
    return path


# --- The board ---------------------------------------------------------------------


def open_board(browser, site_url, teacher, viewport=BOARD):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    sign_in(context, teacher, site_url)
    return context, context.new_page()


def shown_slide(board):
    return board.locator("[data-slide]:not([hidden])")


def forward_to(board, locator, *, most=3):
    """Press → until the shown slide holds `locator` (the title slide's sequel may hold
    the start form and the join panel: see test_the_title_slide_holds_...)."""
    for _ in range(most):
        if shown_slide(board).locator(locator).count():
            return
        board.keyboard.press("ArrowRight")
    expect(shown_slide(board).locator(locator).first).to_be_visible()


def show_step(board, title):
    """Press → until the board shows the step's slide; its activity's panel appears."""
    for _ in range(8):
        if shown_slide(board).get_attribute("aria-label") == title:
            break
        board.keyboard.press("ArrowRight")
    expect(shown_slide(board)).to_have_attribute("aria-label", title)
    return shown_slide(board).locator("[data-run-panel]")


def answered(count):
    return f"{count} van de {CLASS_SIZE} {'heeft' if count == 1 else 'hebben'} geantwoord"


# --- What a pupil's screen may show --------------------------------------------------

COUNT_WORDS = re.compile(r"\d|%|✓|\bgoed\b|een paar|geantwoord", re.IGNORECASE)
RESULT_MARKUP = re.compile(r"correct|right|run-results|run-panel|word-cloud|count", re.I)


def visible_text(page_html):
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


class Screens:
    """Every page the pupils' browsers load (the HTML as the server sent it), kept to
    check that none tells a count or which quiz answer is right."""

    def __init__(self):
        self.pages, self.unread = [], []

    def watch(self, page):
        page.on("response", self._keep)

    def _keep(self, response):
        if response.request.resource_type != "document" or "/meedoen/" not in response.url:
            return
        if 300 <= response.status < 400:
            return
        try:
            self.pages.append((response.url, response.text()))
        except Error as error:  # the page went on before its body was read
            self.unread.append((response.url, str(error)))

    def findings(self):
        found = []
        for url, page_html in self.pages:
            # The word cloud's own hint ("at most 3 words") is the one number a pupil reads.
            text = visible_text(page_html).replace("Kies hoogstens 3 woorden.", "")
            said = COUNT_WORDS.findall(text)
            # Inline markup only: class and id values and attribute names, not the token.
            markup = " ".join(
                re.findall(r'\b(?:class|id)="([^"]*)"', page_html)
                + re.findall(r"\s([a-z-]+)=", page_html)
            )
            marked = RESULT_MARKUP.findall(markup)
            if said or marked:
                found.append((url, said, marked))
        return found


class Device:
    """One pupil's screen (or a shared tablet's): a browser context of its own."""

    def __init__(self, browser, screens, name, viewport, *, javascript=True, tablet=False, keyboard=False):
        self.name, self.javascript, self.tablet, self.keyboard = name, javascript, tablet, keyboard
        self.context = browser.new_context(
            locale="nl-NL",
            viewport=viewport,
            java_script_enabled=javascript,
            has_touch=tablet or viewport["width"] < 800,
        )
        self.page = self.context.new_page()
        screens.watch(self.page)

    def __repr__(self):
        return self.name

    def join(self, site_url, code):
        page = self.page
        if self.tablet:  # the teacher opens the shared tablet's address on it
            page.goto(f"{site_url}/meedoen/{code}/?tablet=1")
        elif self.keyboard:
            page.goto(site_url + "/doe-mee/")
            tab_to(page, "document.activeElement.id === 'code'")
            page.keyboard.type(code.lower())
            page.keyboard.press("Enter")
        else:
            page.goto(site_url + "/doe-mee/")
            page.get_by_label("Typ de code van het bord").fill(code)
            page.get_by_role("button", name="Doe mee").click()
        expect(page).to_have_url(re.compile(f"/meedoen/{code}/"))
        self.expect_waiting()

    def expect_waiting(self):
        expect(self.page.get_by_role("heading", name="Kijk naar het bord")).to_be_visible()
        expect(self.page.get_by_text("Als je juf of meester een vraag laat zien")).to_be_visible()

    def look_again(self):
        """Without JavaScript the screen shows the board's news when the pupil asks."""
        self.page.get_by_role("link", name="Kijk opnieuw").click()

    def expect_question(self, kind, timeout=15_000):
        expect(self.page.locator("legend")).to_contain_text(QUESTIONS[kind], timeout=timeout)
        expect(self.page.locator("input[name=keuze]:checked")).to_have_count(0)

    def next_pupil(self):
        """The shared tablet after an answer: the next pupil gets a fresh form."""
        page = self.page
        before = page.locator("input[name=token]").count()
        assert before == 0  # the thank-you page holds no form
        page.get_by_role("link", name="Volgende leerling").click()
        expect(page.get_by_role("button", name="Klaar")).to_be_visible()
        expect(page.locator("input[name=keuze]:checked")).to_have_count(0)

    def answer(self, kind, words):
        page = self.page
        if self.tablet and page.get_by_role("link", name="Volgende leerling").count():
            self.next_pupil()
        self.expect_question(kind, timeout=5_000)
        token = page.locator("input[name=token]").input_value()
        assert token not in getattr(self, "tokens", set())
        self.tokens = {*getattr(self, "tokens", set()), token}
        if self.keyboard:
            for word in words:
                target = choice(page, word).get_attribute("id")
                tab_to(page, f"document.activeElement.id === '{target}'")
                page.keyboard.press("Space")
            tab_to(page, "document.activeElement.type === 'submit'")
            for word in words:
                expect(choice(page, word)).to_be_checked()
            page.keyboard.press("Enter")
        else:
            for word in words:
                choose(page, word)
                expect(choice(page, word)).to_be_checked()
            page.get_by_role("button", name="Klaar").click()
        expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
        expect(page.get_by_text("Je antwoord is geteld.")).to_be_visible()
        if self.tablet:
            expect(page.get_by_role("link", name="Volgende leerling")).to_be_visible()

    def expect_closed(self, timeout=15_000):
        expect(self.page.get_by_text("Deze vraag is gesloten.")).to_be_visible(timeout=timeout)

    def expect_ended(self, timeout=15_000):
        expect(self.page.get_by_role("heading", name="De les is afgelopen")).to_be_visible(
            timeout=timeout
        )
        expect(self.page.get_by_role("link", name="Kijk opnieuw")).to_have_count(0)


def choice(page, word):
    """The radio button or checkbox of an answer (its "Voorlezen" button has the word too)."""
    return page.locator("input[name=keuze]").and_(page.get_by_label(word))


def choose(page, word):
    """A tap on the answer's tile (its label: the input itself is drawn by the label)."""
    page.locator(f"label[for='{choice(page, word).get_attribute('id')}']").click()


def tab_to(page, focused, most=40):
    """Tab until the JavaScript condition `focused` holds: the keyboard-only pupil."""
    for _ in range(most):
        if page.evaluate(focused):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {focused!r}")


# --- The journey ---------------------------------------------------------------------

# Who answers in which order, the same for every question: the first five decide when the
# reveal button appears; the shared tablet passes along three pupils in a row.
KEYBOARD, NARROW_PHONE, NO_JS, TABLET_PUPILS = "keyboard", "320 px", "no JavaScript", 3


def answers_for(kind):
    """25 answers in the order the pupils give them (lists of option labels)."""
    if kind == "poll":
        # 13 voetballen, 10 tekenen, 2 verstoppertje ("een paar" on the board).
        given = ["voetballen"] * 13 + ["tekenen"] * 10 + ["verstoppertje"] * 2
        order = [0, 13, 23, 1, 14, 2, 15, 24] + [*range(3, 13), *range(16, 23)]
        return [[given[i]] for i in order]
    if kind == "word_cloud":
        first = [["rustig", "trots"], ["blij", "rustig", "trots"], ["boos"]]
        rest = [["blij"], ["blij", "rustig"], ["trots"], ["rustig", "blij"], ["blij", "trots"]]
        return first + [rest[i % len(rest)] for i in range(CLASS_SIZE - len(first))]
    # 18 right (B), 4 A, 3 C.
    given = ["hard wegrennen"] * 4 + ["langzaam ademhalen"] * 18 + ["schreeuwen"] * 3
    order = [0, 4, 22, 5, 1, 6, 23, 7, *range(8, 22), 2, 3, 24]
    return [[given[i]] for i in order]


@pytest.mark.long
def test_a_class_of_25_follows_the_board_through_a_poll_a_word_cloud_and_a_quiz(
    browser, site_url
):
    import time
    t0 = time.monotonic()
    def tick(what):
        print(f"{time.monotonic() - t0:6.1f} {what}", flush=True)
    lesson, teacher, school_class = a_class_and_its_lesson()
    board_context, board = open_board(browser, site_url, teacher)
    board.goto(f"{site_url}{lesson.url}klas/")
    forward_to(board, "form[action$='/sessies/les/start/']")
    board.get_by_role("button", name="Start de les met de klas").click()
    run = LessonRun.objects.get()
    code = run.code
    forward_to(board, ".run-join__code")
    join = shown_slide(board).locator("[data-run-join]")
    expect(join.locator(".run-join__code")).to_have_text(code)
    expect(join.get_by_role("img", name="QR-code om mee te doen")).to_be_visible()
    expect(join.get_by_role("button", name="Les afsluiten")).to_be_visible()
    shot(board, "board-join")

    tick('# 23 screens for 25 pupils')
    # 23 screens for 25 pupils: the shared tablet serves three.
    screens = Screens()
    keyboard = Device(browser, screens, KEYBOARD, PHONE, keyboard=True)
    narrow = Device(browser, screens, NARROW_PHONE, NARROW)
    no_js = Device(browser, screens, NO_JS, PHONE, javascript=False)
    tablet = Device(browser, screens, "shared tablet", TABLET, tablet=True)
    others = [
        Device(browser, screens, f"pupil {n}", PHONE if n % 2 else TABLET)
        for n in range(1, CLASS_SIZE - 3 - TABLET_PUPILS + 1)
    ]
    devices = [keyboard, narrow, no_js, tablet, *others]
    following = [device for device in devices if device.javascript]
    # The order pupils answer in: keyboard, 320 px, no JavaScript, one more (four: no
    # reveal yet), the fifth; then the shared tablet three times, then the rest.
    order = [keyboard, narrow, no_js, others[0], others[1], tablet, tablet, tablet, *others[2:]]
    assert len(order) == CLASS_SIZE and len(devices) == 23
    tick('for device in devices:\n       ')
    for device in devices:
        device.join(site_url, code)
    expect(no_js.page.get_by_role("link", name="Kijk opnieuw")).to_be_visible()
    expect(keyboard.page.get_by_role("link", name="Kijk opnieuw")).to_be_hidden()
    shot(narrow.page, "pupil-waiting-320")

    for kind in ("poll", "word_cloud", "quiz"):
        panel = show_step(board, STEPS[kind])
        expect(panel.locator(".run-panel__count")).to_have_text(answered(0))
        expect(panel.locator("[data-reveal]")).to_have_count(0)
        expect(shown_slide(board)).not_to_contain_text("✓")  # nothing tells the right answer
        # Every screen with JavaScript shows the question by itself, without a reload by
        # the pupil; the one without JavaScript only when the pupil looks again.
        for device in following:
            device.expect_question(kind)
        expect(no_js.page.locator("legend")).to_have_count(0)
        no_js.look_again()
        no_js.expect_question(kind, timeout=5_000)
        if kind == "poll":
            shot(others[0].page, "pupil-poll-phone")
        if kind == "word_cloud":
            # At most three words: the fourth cannot be chosen once three are.
            page = narrow.page
            for word in ("blij", "rustig", "trots"):
                choose(page, word)
            expect(choice(page, "moe")).to_be_disabled()
            shot(page, "pupil-word-cloud-320")
            for word in ("blij", "rustig", "trots"):  # as it was, for answers_for()
                choose(page, word)

        tick('given = answers_for(kind)')
        given = answers_for(kind)
        for number, (device, words) in enumerate(zip(order, given, strict=True), 1):
            device.answer(kind, words)
            if number == 4:
                expect(panel.locator(".run-panel__count")).to_have_text(answered(4), timeout=10_000)
                expect(panel.locator("[data-reveal]")).to_have_count(0)
                expect(panel).to_contain_text("De uitkomst kan op het bord vanaf 5 antwoorden.")
            if number == 5:
                expect(panel.locator(".run-panel__count")).to_have_text(answered(5), timeout=10_000)
                expect(panel.get_by_role("button", name="Laat de uitkomst zien")).to_be_visible()
            if kind == "poll" and device is tablet and number == 6:
                shot(tablet.page, "tablet-next-pupil")
        expect(panel.locator(".run-panel__count")).to_have_text(answered(25), timeout=10_000)
        assert RunActivity.objects.get(run=run, definition__kind=kind).n == CLASS_SIZE

        tick('panel.get_by_role("button", na')
        panel.get_by_role("button", name="Laat de uitkomst zien").click()
        expect(panel).to_have_attribute("data-revealed", "")
        expect(panel.get_by_role("heading", name="Wat de klas koos")).to_be_focused()
        expect(panel).to_contain_text(f"{CLASS_SIZE} antwoorden.")
        check_result(kind, panel)
        shot(board, f"board-{kind.replace('_', '-')}-result")

        tick('# The question has closed')
        # The question has closed on every screen: the answers are on the board only.
        for device in following:
            device.expect_closed()
        expect(no_js.page.get_by_role("heading", name="Bedankt!")).to_be_visible()
        no_js.look_again()
        no_js.expect_closed(timeout=5_000)
        tick('state = keyboard')
        state = keyboard.page.request.get(f"{site_url}/meedoen/{code}/bord/").json()
        assert set(state) == {"v", "show"}

    tick('# Back to the join slide')
    # Back to the join slide and "Les afsluiten": every screen says the lesson has ended.
    board.keyboard.press("Home")
    for device in following:
        expect(device.page.get_by_role("heading", name="Kijk naar het bord")).to_be_visible(
            timeout=15_000
        )
    forward_to(board, ".run-join__code")
    held = {a.definition["kind"]: a.n for a in RunActivity.objects.filter(run=run)}
    assert held == {"poll": 25, "word_cloud": 25, "quiz": 25}
    tick('shown_slide(board).get_by_role')
    shown_slide(board).get_by_role("button", name="Les afsluiten").click()
    expect(board.get_by_role("button", name="Start de les met de klas")).to_have_count(1)
    for device in following:
        device.expect_ended()
    no_js.look_again()
    no_js.expect_ended(timeout=5_000)
    shot(tablet.page, "tablet-ended")
    run.refresh_from_db()
    assert run.ended_at is not None and run.activities_held == 3
    assert not RunActivity.objects.filter(run=run).exists()  # the counts are gone

    tick('# Nothing any pupil')
    # Nothing any pupil's browser loaded told a count or the right answer.
    assert len(screens.pages) > 200, len(screens.pages)
    found = screens.findings()
    print(len(found), found[:5], {tuple(f[1]) + tuple(f[2]) for f in found})
    assert found == []
    assert screens.unread == []
    for context in [board_context, *(device.context for device in devices)]:
        context.close()


def check_result(kind, panel):
    count = re.compile(r"^(\d+|een paar|niemand)$")
    if kind == "word_cloud":
        cloud = panel.locator(".word-cloud__word")
        expect(cloud.filter(has_text="boos")).to_contain_text("(een paar)")
        expect(cloud.filter(has_text="moe")).to_have_count(0)  # nobody chose it
        for word in ("blij", "rustig", "trots"):
            expect(cloud.filter(has_text=word)).to_contain_text(re.compile(r"\(\d+\)"))
        return
    rows = panel.locator(".run-results__row")
    expect(rows).to_have_count(3)
    for index in range(3):
        expect(rows.nth(index).locator(".run-results__count")).to_have_text(count)
    if kind == "poll":
        expect(rows.filter(has_text="verstoppertje").locator(".run-results__count")).to_have_text(
            "een paar"
        )
        expect(panel.locator(".run-results__row--right")).to_have_count(0)
    if kind == "quiz":
        expect(panel.locator(".run-results__right")).to_contain_text(
            re.compile(r"Het goede antwoord: B\W+langzaam ademhalen")
        )
        expect(panel.locator(".run-results__right")).to_contain_text(
            re.compile(r"\d+% had het goed\.")
        )
        right = panel.locator(".run-results__row--right")
        expect(right).to_have_count(1)
        expect(right).to_contain_text("langzaam ademhalen ✓ goed")
