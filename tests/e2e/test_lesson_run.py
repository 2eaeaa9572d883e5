"""A lesson run (issue 16) in Debian's chromium: the teacher runs a lesson with a poll, a
word cloud and a quiz from the board; 25 pupils join once with the code and their screens
follow the board: phones, tablets, one at 320 px, one by keyboard only, one shared tablet
passed along three pupils, one browser without JavaScript ("Kijk opnieuw"). The teacher
reveals each result from 5 answers; no pupil's screen ever shows a count or the quiz's
right answer; "Les afsluiten" ends the lesson on every screen. The pages pass axe, and an
activity's slide with its panel fits the board."""

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
KINDS = ("poll", "word_cloud", "quiz")
STEPS = {"poll": "Stemmen", "word_cloud": "Woorden", "quiz": "Weten"}
QUESTIONS = {
    "poll": "Wat doen we in de pauze?",
    "word_cloud": "Hoe voel je je?",
    "quiz": "Wat helpt als je boos bent?",
}
POLL = (
    "poll",
    {
        "question": QUESTIONS["poll"],
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
        "question": QUESTIONS["quiz"],
        "answers": [
            {"text": "hard wegrennen", "correct": False},
            {"text": "langzaam ademhalen", "correct": True},
            {"text": "schreeuwen", "correct": False},
        ],
        "explanation": "Ademen kalmeert.",
    },
)
FEELINGS = ("blij", "rustig", "trots", "moe", "boos")
FEW = "hooguit een paar"  # what the board shows for 0, 1 or 2


def word_cloud():
    """A word cloud of five reviewed words, three picks each (as `run_lesson` has it)."""
    word_list = WordList.objects.create(
        name="Gevoelens in de les", slug="les-gevoelens", live=True
    )
    Word.objects.bulk_create(
        Word(word_list=word_list, text=text, icon="smile", sort_order=i, description="")
        for i, text in enumerate(FEELINGS)
    )
    words = word_list.words.order_by("sort_order").values_list("pk", flat=True)
    return (
        "word_cloud",
        {
            "question": QUESTIONS["word_cloud"],
            "words": [str(pk) for pk in words],
            "picks": 3,
        },
    )


def a_class_and_its_lesson(steps=None):
    """A teacher with one class of 25 and a lesson, built as tests/schools/runs/conftest.py
    builds `run_lesson`; by default a step of its own for the poll, the word cloud and the
    quiz."""
    from wagtail.models import Site

    library = LessonIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page
    )
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
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    return LessonPage.objects.get(pk=made.pk), teacher


@pytest.fixture
def new_context(browser, site_url):
    """Browser contexts, closed before the live server stops (their screens poll it)."""
    made = []

    def new(**kwargs):
        context = browser.new_context(locale="nl-NL", **kwargs)
        made.append(context)
        return context

    yield new
    for context in made:
        context.close()


def shot(page, name):
    path = _shots() / f"lesson-run-{name}.png"
    page.screenshot(path=str(path))
    return path


# --- The board ---------------------------------------------------------------------


def open_board(new_context, site_url, teacher, lesson, viewport=BOARD):
    context = new_context(viewport=viewport)
    sign_in(context, teacher, site_url)
    board = context.new_page()
    board.goto(f"{site_url}{lesson.url}klas/")
    return board


def shown_slide(board):
    """The slide on the board, once present.js has laid out the deck (before that every
    written slide is visible)."""
    expect(board.locator("[data-progress]")).not_to_be_empty()
    return board.locator("[data-slide]:not([hidden])")


def forward_to(board, selector, *, most=3):
    """Press → until the shown slide holds `selector`: the lesson's start form and join
    panel are on the slide after the title."""
    for _ in range(most):
        if shown_slide(board).locator(selector).count():
            return
        board.keyboard.press("ArrowRight")
    expect(shown_slide(board).locator(selector).first).to_be_visible()


def start_the_lesson(board):
    forward_to(board, "form[action$='/sessies/les/start/']")
    board.get_by_role("button", name="Start de les met de klas").click()
    forward_to(board, ".run-join__code")
    run = LessonRun.objects.get()
    expect(shown_slide(board).locator(".run-join__code")).to_have_text(run.code)
    return run


def show_step(board, title):
    """Press → until the board shows the step's slide; its activity's panel appears."""
    for _ in range(8):
        if shown_slide(board).get_attribute("aria-label") == title:
            break
        board.keyboard.press("ArrowRight")
    expect(shown_slide(board)).to_have_attribute("aria-label", title)
    return shown_slide(board).locator("[data-run-panel]")


def answered(count):
    verb = "heeft" if count == 1 else "hebben"
    return f"{count} van de {CLASS_SIZE} {verb} geantwoord"


def reveal(panel):
    panel.get_by_role("button", name="Laat de uitkomst zien").click()
    expect(panel).to_have_attribute("data-revealed", "")


def answer_by_service(run, kind, count):
    """`count` pupils answer without a browser (the first option): for the audits."""
    activity = RunActivity.objects.get(run=run, definition__kind=kind)
    first = activity.definition["options"][0]["value"]
    for _ in range(count):
        services.record_answer(
            run=run,
            token=services.issue_token(run=run, activity_id=activity.activity),
            chosen=[first],
        )


# --- What a pupil's screen may show --------------------------------------------------

# In the words of a page: no number (the word cloud's "at most 3 words" aside), no share,
# no tick, no "goed", "een paar" or "geantwoord"; in its markup no class, id or attribute
# of a result or of the right answer.
COUNT_WORDS = re.compile(r"\d|%|✓|\bgoed\b|een paar|geantwoord", re.IGNORECASE)
RESULT_MARKUP = re.compile(
    r"correct|right|run-results|run-panel|word-cloud|count", re.I
)


def told(page_html):
    """What a page tells of counts and the right answer: what it says and its markup."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    words = COUNT_WORDS.findall(text.replace("Kies hoogstens 3 woorden.", ""))
    # Class and id values and attribute names only: a token's letters are no marking.
    markup = " ".join(
        re.findall(r'\b(?:class|id)="([^"]*)"', page_html)
        + re.findall(r"\s([a-z-]+)=", page_html)
    )
    return words + RESULT_MARKUP.findall(markup)


class Screens:
    """Every page the pupils' browsers load, as the server sent it."""

    def __init__(self):
        self.pages, self.unread = [], []

    def watch(self, page):
        page.on("response", self._keep)

    def _keep(self, response):
        if response.request.resource_type != "document":
            return
        if "/meedoen/" not in response.url or 300 <= response.status < 400:
            return
        try:
            self.pages.append((response.url, response.text()))
        except Error as error:  # the page went on before its body was read
            self.unread.append((response.url, str(error)))

    def findings(self):
        return [
            (url, found) for url, page_html in self.pages if (found := told(page_html))
        ]


class Device:
    """One pupil's screen, or the shared tablet: a browser context of its own."""

    def __init__(
        self,
        new_context,
        screens,
        name,
        viewport,
        *,
        javascript=True,
        tablet=False,
        keyboard=False,
    ):
        self.name, self.javascript = name, javascript
        self.tablet, self.keyboard = tablet, keyboard
        self.context = new_context(
            viewport=viewport, java_script_enabled=javascript, has_touch=not keyboard
        )
        self.page = self.context.new_page()
        self.tokens = set()
        screens.watch(self.page)

    def __repr__(self):
        return self.name

    def open(self, site_url, code, *, by_code=True):
        """Join: the code typed on /doe-mee/, or the QR code's address (the shared tablet's
        with ?tablet=1). Not waited for: see `expect_waiting`."""
        page = self.page
        if self.tablet:
            page.goto(f"{site_url}/meedoen/{code}/?tablet=1", wait_until="commit")
        elif self.keyboard:
            page.goto(site_url + "/doe-mee/")
            tab_to(page, "document.activeElement.id === 'code'")
            page.keyboard.type(code.lower())
            page.keyboard.press("Enter")
        elif by_code:
            page.goto(site_url + "/doe-mee/")
            page.get_by_label("Typ de code van het bord").fill(code)
            page.get_by_role("button", name="Doe mee").click()
        else:
            page.goto(f"{site_url}/meedoen/{code}/", wait_until="commit")

    def expect_waiting(self, timeout=5_000):
        page = self.page
        expect(page.get_by_role("heading", name="Kijk naar het bord")).to_be_visible(
            timeout=timeout
        )
        expect(
            page.get_by_text("Als je juf of meester een vraag laat zien")
        ).to_be_visible()

    def look_again(self):
        """Without JavaScript the screen shows the board's news when the pupil asks."""
        self.page.get_by_role("link", name="Kijk opnieuw").click()

    def expect_question(self, kind, timeout=15_000):
        legend = self.page.locator("legend")
        expect(legend).to_contain_text(QUESTIONS[kind], timeout=timeout)
        expect(self.page.locator("input[name=keuze]:checked")).to_have_count(0)

    def give(self, kind, words):
        """Choose and press Klaar, by keyboard (Tab, Space, Enter) or by tapping."""
        page = self.page
        if self.tablet and page.get_by_role("link", name="Volgende leerling").count():
            # The shared tablet: the next pupil gets a fresh form.
            page.get_by_role("link", name="Volgende leerling").click()
        self.expect_question(kind, timeout=5_000)
        token = page.locator("input[name=token]").input_value()
        assert token not in self.tokens  # a fresh one-time token for every answer
        self.tokens.add(token)
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

    def expect_thanks(self):
        page = self.page
        expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
        expect(page.locator("input[name=keuze]")).to_have_count(0)
        if self.tablet:
            expect(page.get_by_role("link", name="Volgende leerling")).to_be_visible()

    def answer(self, kind, words):
        self.give(kind, words)
        self.expect_thanks()

    def expect_closed(self, timeout=15_000):
        expect(self.page.get_by_text("Deze vraag is gesloten.")).to_be_visible(
            timeout=timeout
        )

    def expect_ended(self, timeout=15_000):
        heading = self.page.get_by_role("heading", name="De les is afgelopen")
        expect(heading).to_be_visible(timeout=timeout)
        expect(self.page.get_by_role("link", name="Kijk opnieuw")).to_have_count(0)


def choice(page, word):
    """An answer's radio button or checkbox (its "Voorlezen" button has the word too)."""
    return page.locator("input[name=keuze]").and_(page.get_by_label(word))


def choose(page, word):
    """A tap on the answer's tile: its label, which draws the input."""
    page.locator(f"label[for='{choice(page, word).get_attribute('id')}']").click()


def tab_to(page, focused, most=40):
    """Tab until the JavaScript condition `focused` holds: the keyboard-only pupil."""
    for _ in range(most):
        if page.evaluate(focused):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {focused!r}")


# --- The journey ---------------------------------------------------------------------


def answers_for(kind):
    """The 25 answers (lists of option labels) in the order the pupils give them."""
    if kind == "poll":
        # 13 voetballen, 10 tekenen, 2 verstoppertje ("hooguit een paar" on the board).
        given = ["voetballen"] * 13 + ["tekenen"] * 10 + ["verstoppertje"] * 2
        order = [0, 13, 23, 1, 14, 2, 15, 24, *range(3, 13), *range(16, 23)]
        return [[given[i]] for i in order]
    if kind == "word_cloud":
        # Nobody chooses "moe", one pupil "boos": both "hooguit een paar".
        first = [["rustig", "trots"], ["blij", "rustig", "trots"], ["boos"]]
        rest = [["blij"], ["blij", "rustig"], ["trots"], ["rustig", "blij"], ["trots"]]
        return first + [rest[i % len(rest)] for i in range(CLASS_SIZE - len(first))]
    # 18 right (B), 4 A, 3 C.
    given = ["hard wegrennen"] * 4 + ["langzaam ademhalen"] * 18 + ["schreeuwen"] * 3
    order = [0, 4, 22, 5, 1, 6, 23, 7, *range(8, 22), 2, 3, 24]
    return [[given[i]] for i in order]


def check_result(kind, panel):
    """The board's result: every count a number or "hooguit een paar"."""
    if kind == "word_cloud":
        cloud = panel.locator(".word-cloud__word")
        expect(cloud).to_have_count(len(FEELINGS))
        for word in ("boos", "moe"):  # one pupil, and nobody
            expect(cloud.filter(has_text=word)).to_contain_text(f"({FEW})")
        for word in ("blij", "rustig", "trots"):
            expect(cloud.filter(has_text=word)).to_contain_text(re.compile(r"\(\d+\)"))
        return
    rows = panel.locator(".run-results__row")
    expect(rows).to_have_count(3)
    for index in range(3):
        expect(rows.nth(index).locator(".run-results__count")).to_have_text(
            re.compile(rf"^(\d+|{FEW})$")
        )
    if kind == "poll":
        hiding = rows.filter(has_text="verstoppertje").locator(".run-results__count")
        expect(hiding).to_have_text(FEW)
        expect(panel.locator(".run-results__row--right")).to_have_count(0)
    if kind == "quiz":
        right = panel.locator(".run-results__right")
        expect(right).to_contain_text(
            re.compile(r"Het goede antwoord: B\W+langzaam ademhalen")
        )
        expect(right).to_contain_text(re.compile(r"\d+% had het goed\."))
        expect(panel.locator(".run-results__row--right")).to_have_count(1)
        expect(panel.locator(".run-results__row--right")).to_contain_text(
            "langzaam ademhalen ✓ goed"
        )


@pytest.mark.long
def test_a_class_of_25_follows_the_board_through_a_poll_a_word_cloud_and_a_quiz(
    new_context, site_url
):
    lesson, teacher = a_class_and_its_lesson()
    board = open_board(new_context, site_url, teacher, lesson)
    run = start_the_lesson(board)
    code = run.code
    join = shown_slide(board).locator("[data-run-join]")
    expect(join.get_by_role("img", name="QR-code om mee te doen")).to_be_visible()
    expect(join.get_by_role("button", name="Les afsluiten")).to_be_visible()
    shot(board, "board-join")

    # 23 screens for 25 pupils: the shared tablet serves three.
    screens = Screens()
    keyboard = Device(new_context, screens, "keyboard only", PHONE, keyboard=True)
    narrow = Device(new_context, screens, "320 px", NARROW)
    no_js = Device(new_context, screens, "no JavaScript", PHONE, javascript=False)
    tablet = Device(new_context, screens, "shared tablet", TABLET, tablet=True)
    others = [
        Device(new_context, screens, f"pupil {n}", PHONE if n % 2 else TABLET)
        for n in range(1, 20)
    ]
    devices = [keyboard, narrow, no_js, tablet, *others]
    following = [device for device in devices if device.javascript]
    # Who answers when, the same for each question: keyboard, 320 px, no JavaScript and
    # one more (four: no reveal yet), the fifth; the shared tablet passed along three
    # pupils; then the other 17 all at once.
    in_turn = [keyboard, narrow, no_js, others[0], others[1], tablet, tablet, tablet]
    together = others[2:]
    assert len(in_turn) + len(together) == CLASS_SIZE and len(devices) == 23

    for number, device in enumerate(devices):
        device.open(site_url, code, by_code=number % 2 == 0)
    for device in devices:
        expect(device.page).to_have_url(re.compile(f"/meedoen/{code}/"))
        device.expect_waiting()
    expect(no_js.page.get_by_role("link", name="Kijk opnieuw")).to_be_visible()
    expect(keyboard.page.get_by_role("link", name="Kijk opnieuw")).to_be_hidden()
    shot(narrow.page, "pupil-waiting-320")

    for kind in KINDS:
        panel = show_step(board, STEPS[kind])
        count = panel.locator(".run-panel__count")
        expect(count).to_have_text(answered(0))
        expect(panel.locator("[data-reveal]")).to_have_count(0)
        expect(shown_slide(board)).not_to_contain_text("✓")  # not which answer is right
        # Every screen with JavaScript shows the question by itself, without the pupil
        # loading anything; the one without JavaScript when its pupil looks again.
        for device in following:
            device.expect_question(kind)
        expect(no_js.page.locator("legend")).to_have_count(0)
        no_js.look_again()
        no_js.expect_question(kind, timeout=5_000)
        if kind == "poll":
            shot(others[0].page, "pupil-poll-phone")
        if kind == "word_cloud":
            # At most three words: the fourth cannot be chosen once three are.
            for word in ("blij", "rustig", "trots"):
                choose(narrow.page, word)
            expect(choice(narrow.page, "moe")).to_be_disabled()
            shot(narrow.page, "pupil-word-cloud-320")
            for word in ("blij", "rustig", "trots"):  # unchosen again
                choose(narrow.page, word)
            expect(choice(narrow.page, "moe")).to_be_enabled()
        if kind == "quiz":
            shot(tablet.page, "pupil-quiz-tablet")

        given = answers_for(kind)
        for number, (device, words) in enumerate(zip(in_turn, given, strict=False), 1):
            device.answer(kind, words)
            if number == 4:
                expect(count).to_have_text(answered(4), timeout=10_000)
                expect(panel.locator("[data-reveal]")).to_have_count(0)
                expect(panel).to_contain_text("De uitkomst kan op het bord vanaf 5")
            if number == 5:
                expect(count).to_have_text(answered(5), timeout=10_000)
                expect(
                    panel.get_by_role("button", name="Laat de uitkomst zien")
                ).to_be_visible()
            if number == 6 and kind == "poll":
                shot(tablet.page, "tablet-next-pupil")
        for device, words in zip(together, given[len(in_turn) :], strict=True):
            device.give(kind, words)
        for device in together:
            device.expect_thanks()
        expect(count).to_have_text(answered(25), timeout=10_000)
        assert RunActivity.objects.get(run=run, definition__kind=kind).n == CLASS_SIZE

        reveal(panel)
        expect(panel.get_by_role("heading", name="Wat de klas koos")).to_be_focused()
        expect(panel).to_contain_text(f"{CLASS_SIZE} antwoorden.")
        check_result(kind, panel)
        assert told(board.content())  # the check below does see a result
        shot(board, f"board-{kind.replace('_', '-')}-result")

        # The question has closed on every screen; its result is on the board only.
        for device in following:
            device.expect_closed()
        expect(no_js.page.get_by_role("heading", name="Bedankt!")).to_be_visible()
        no_js.look_again()
        no_js.expect_closed(timeout=5_000)
        state = keyboard.page.request.get(f"{site_url}/meedoen/{code}/bord/").json()
        assert set(state) == {"v", "show"}
    shot(narrow.page, "pupil-closed-320")

    # Back to the title and on to "Les afsluiten": every screen says the lesson ended.
    board.keyboard.press("Home")
    for device in following:
        device.expect_waiting(timeout=15_000)
    forward_to(board, ".run-join__code")
    held = {a.definition["kind"]: a.n for a in RunActivity.objects.filter(run=run)}
    assert held == dict.fromkeys(KINDS, CLASS_SIZE)
    shown_slide(board).get_by_role("button", name="Les afsluiten").click()
    expect(board.get_by_role("button", name="Start de les met de klas")).to_have_count(
        1
    )
    for device in following:
        device.expect_ended()
    no_js.look_again()
    no_js.expect_ended(timeout=5_000)
    shot(tablet.page, "tablet-ended")
    run.refresh_from_db()
    assert run.ended_at is not None and run.activities_held == 3
    assert not RunActivity.objects.filter(run=run).exists()  # the counts are gone

    # Nothing any pupil's browser loaded told a count or the right answer.
    assert len(screens.pages) > 200, len(screens.pages)
    assert screens.findings() == []
    assert screens.unread == []


# --- Accessibility -------------------------------------------------------------------


def test_the_pages_of_a_lesson_run_pass_axe(new_context, site_url):
    """Board and pupil pages (WCAG 2.1 AA, no CSP report; pupils' pages at 320 px without
    sideways scrolling): the join panel, each question, thanks, closed, the results, the
    shared tablet's thanks, without JavaScript, and the end."""
    lesson, teacher = a_class_and_its_lesson()
    board = open_board(new_context, site_url, teacher, lesson)
    audits = [board_audit := Audit(board)]
    forward_to(board, "form[action$='/sessies/les/start/']")
    board_audit.check("board: start the lesson")
    run = start_the_lesson(board)
    board_audit.check("board: join panel")

    def pupil(viewport):
        page = new_context(viewport=viewport).new_page()
        audits.append(Audit(page))
        return page, audits[-1]

    phone, phone_audit = pupil(PHONE)
    narrow, narrow_audit = pupil(NARROW)
    tablet, tablet_audit = pupil(TABLET)
    # Axe runs in the page: the page as a browser without JavaScript has it is audited
    # with its own scripts blocked instead.
    plain, plain_audit = pupil(PHONE)
    plain.route(re.compile(r"/(follow|checkin)\.js$"), lambda route: route.abort())
    for page, address in [
        (phone, f"/meedoen/{run.code}/"),
        (narrow, f"/meedoen/{run.code}/"),
        (tablet, f"/meedoen/{run.code}/?tablet=1"),
        (plain, f"/meedoen/{run.code}/"),
    ]:
        page.goto(site_url + address)
        expect(page.get_by_role("heading", name="Kijk naar het bord")).to_be_visible()
    expect(plain.get_by_role("link", name="Kijk opnieuw")).to_be_visible()
    phone_audit.check("pupil: waiting")
    phone_audit.narrow("pupil: waiting")
    narrow_audit.check("pupil at 320 px: waiting")
    plain_audit.check("pupil without JavaScript: waiting")

    for kind in KINDS:
        panel = show_step(board, STEPS[kind])
        expect(panel.locator(".run-panel__count")).to_have_text(answered(0))
        board_audit.check(f"board: {kind}, no answers yet")
        for page in (phone, narrow, tablet):
            expect(page.locator("legend")).to_contain_text(
                QUESTIONS[kind], timeout=15_000
            )
        phone_audit.check(f"pupil: {kind} question")
        phone_audit.narrow(f"pupil: {kind} question")
        narrow_audit.check(f"pupil at 320 px: {kind} question")
        narrow_audit.narrow(f"pupil at 320 px: {kind} question")
        choose(phone, answers_for(kind)[1][0])
        phone.get_by_role("button", name="Klaar").click()
        expect(phone.get_by_role("heading", name="Bedankt!")).to_be_visible()
        if kind == "poll":
            phone_audit.check("pupil: thanks")
            phone_audit.narrow("pupil: thanks")
            choose(tablet, "tekenen")
            tablet.get_by_role("button", name="Klaar").click()
            expect(tablet.get_by_role("link", name="Volgende leerling")).to_be_visible()
            tablet_audit.check("shared tablet: thanks, next pupil")
            tablet_audit.narrow("shared tablet: thanks, next pupil")
            plain.get_by_role("link", name="Kijk opnieuw").click()
            expect(plain.locator("legend")).to_contain_text(QUESTIONS[kind])
            plain_audit.check("pupil without JavaScript: question")
        answer_by_service(run, kind, 4)
        expect(panel.locator(".run-panel__count")).to_have_text(
            re.compile(r"^[56] van de 25"), timeout=10_000
        )
        expect(
            panel.get_by_role("button", name="Laat de uitkomst zien")
        ).to_be_visible()
        board_audit.check(f"board: {kind}, ready to reveal")
        reveal(panel)
        board_audit.check(f"board: {kind} result")
        expect(narrow.get_by_text("Deze vraag is gesloten.")).to_be_visible(
            timeout=15_000
        )
        if kind == "poll":
            narrow_audit.check("pupil at 320 px: question closed")
            narrow_audit.narrow("pupil at 320 px: question closed")

    board.keyboard.press("Home")
    forward_to(board, ".run-join__code")
    shown_slide(board).get_by_role("button", name="Les afsluiten").click()
    for page, audit in [(phone, phone_audit), (narrow, narrow_audit)]:
        heading = page.get_by_role("heading", name="De les is afgelopen")
        expect(heading).to_be_visible(timeout=15_000)
        audit.check("pupil: the lesson has ended")
        audit.narrow("pupil: the lesson has ended")
    plain.reload()
    expect(plain.get_by_role("heading", name="De les is afgelopen")).to_be_visible()
    plain_audit.check("pupil without JavaScript: the lesson has ended")
    shot(phone, "pupil-ended-phone")

    findings = {}
    for audit in audits:
        findings.update(audit.findings)
    assert findings == {}


# --- The board's layout ----------------------------------------------------------------

# What of the shown slide lies below the top of the control bar, and whether the deck
# scrolls: the measure of test_presentation.py, with the run's panel on the slide.
MEASURE = """() => {
    const deck = document.querySelector("[data-deck]");
    const bar = document.querySelector(".deck-bar").getBoundingClientRect().top;
    const slide = document.querySelector("[data-slide]:not([hidden])");
    const bottom = Math.max(...[...slide.querySelectorAll("*")]
        .filter((el) => !el.closest("[data-notes]") && el.getBoundingClientRect().height)
        .map((el) => el.getBoundingClientRect().bottom));
    return {below: Math.round(bottom - bar), scrolls: deck.scrollHeight > deck.clientHeight + 1};
}"""
NEXT_FRAME = (
    "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
)


@pytest.mark.parametrize(
    "size",
    [
        "1366x768",
        "1920x1080",
    ],
)
def test_an_activity_slide_with_its_panel_and_its_result_fits_the_board(
    new_context, site_url, size
):
    lesson, teacher = a_class_and_its_lesson()
    viewport = BOARD if size == "1366x768" else FULL_HD
    board = open_board(new_context, site_url, teacher, lesson, viewport)
    run = start_the_lesson(board)
    too_big = []

    def measure(what):
        board.evaluate(NEXT_FRAME)
        seen = board.evaluate(MEASURE)
        if seen["below"] > 0 or seen["scrolls"]:
            too_big.append((what, seen))

    for kind in KINDS:
        panel = show_step(board, STEPS[kind])
        expect(panel.locator(".run-panel__count")).to_have_text(answered(0))
        measure(f"{kind}: no answers")
        answer_by_service(run, kind, 5)
        expect(panel.locator("[data-reveal]")).to_be_visible(timeout=10_000)
        measure(f"{kind}: ready to reveal")
        reveal(panel)
        measure(f"{kind}: result")
        if kind == "quiz":
            shot(board, f"board-quiz-result-{size}")
    assert too_big == []


def test_the_result_of_a_poll_of_six_long_answers_fits_the_smaller_board(
    new_context, site_url
):
    """The largest poll an author can write: a long question, six long answers, several
    choices each; its result on a 1366x768 board does not run under the control bar."""
    labels = [
        "met mijn beste vriend buiten voetballen",
        "een tekening maken voor mijn oma en opa",
        "verstoppertje spelen op het grote plein",
        "een boek lezen in de leeshoek van de klas",
        "touwtjespringen met de hele groep samen",
        "helpen in de moestuin achter de school",
    ]
    six = (
        "poll",
        {
            "question": "Wat zou jij het liefste doen in de grote pauze als het mooi weer is?",
            "answers": [{"label": label, "icon": "sun"} for label in labels],
            "multiple": True,
        },
    )
    lesson, teacher = a_class_and_its_lesson([step(STEPS["poll"], 5, activities=[six])])
    board = open_board(new_context, site_url, teacher, lesson, BOARD)
    run = start_the_lesson(board)
    panel = show_step(board, STEPS["poll"])
    expect(panel.locator(".run-panel__count")).to_have_text(answered(0))  # it is open
    activity = RunActivity.objects.get(run=run)
    values = [option["value"] for option in activity.definition["options"]]
    for i in range(12):
        services.record_answer(
            run=run,
            token=services.issue_token(run=run, activity_id=activity.activity),
            chosen=[values[i % 6], values[(i + 1) % 6], values[(i * 3) % 6]],
        )
    expect(panel.locator("[data-reveal]")).to_be_visible(timeout=10_000)
    reveal(panel)
    board.evaluate(NEXT_FRAME)
    seen = board.evaluate(MEASURE)
    shot(board, "board-six-answers-1366x768")
    assert (seen["below"] <= 0, seen["scrolls"]) == (True, False), seen


def test_every_activity_of_a_slide_gets_its_panel_and_reaches_the_pupils(
    new_context, site_url
):
    """A step with a poll and a quiz, as `run_lesson` has it: even on a board where both
    would fit one slide, each gets a slide of its own, its panel, and the pupils' screens."""
    lesson, teacher = a_class_and_its_lesson(
        [step(STEPS["poll"], 5, activities=[POLL, QUIZ])]
    )
    board = open_board(new_context, site_url, teacher, lesson, FULL_HD)
    run = start_the_lesson(board)
    pupil = new_context(viewport=PHONE).new_page()
    pupil.goto(f"{site_url}/meedoen/{run.code}/")
    ids = {value.kind: block_id for block_id, value in lesson.class_activities.items()}
    with_panel, asked = set(), set()
    for _ in range(6):
        board.keyboard.press("ArrowRight")
        board.wait_for_timeout(2_500)  # a panel comes within a refresh
        slide = shown_slide(board)
        for kind, block_id in ids.items():
            activity = slide.locator(f"[data-activity-id='{block_id}']")
            if activity.count() and activity.locator("[data-run-panel]").count():
                with_panel.add(kind)
        board.wait_for_timeout(2_500)  # the pupil's screen follows within a poll
        legend = pupil.locator("legend")
        for kind in ids:
            if legend.count() and QUESTIONS[kind] in legend.inner_text():
                asked.add(kind)
        if board.locator("[data-next]").is_disabled():
            break
    shot(board, "board-two-activities-1920")
    assert (with_panel, asked) == ({"poll", "quiz"}, {"poll", "quiz"})
