"""Exploration (temporary)."""

from playwright.sync_api import expect

from lessons.models import LessonPage
from lessons.word_lists import Word, WordList
from schools.models import LessonRun, Membership, Role
from tests.e2e.test_check_in import sign_in
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
    UserFactory,
    check_in,
    step,
)


def words(slug="gevoelens-les", texts=("blij", "rustig", "trots", "moe", "boos")):
    word_list = WordList.objects.create(name=slug.capitalize(), slug=slug, live=True)
    Word.objects.bulk_create(
        Word(word_list=word_list, text=text, icon="smile", sort_order=i, description="")
        for i, text in enumerate(texts)
    )
    return [str(pk) for pk in word_list.words.values_list("pk", flat=True)]


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


def lesson(library, slug, raw):
    stream = LessonPage._meta.get_field("steps").stream_block
    made = LessonPageFactory(
        parent=library, slug=slug, title=slug, steps=stream.clean(stream.to_python(raw))
    )
    return LessonPage.objects.get(pk=made.pk)


def test_explore(browser, site_url):
    from wagtail.models import Site

    library = LessonIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page
    )
    cloud = (
        "word_cloud",
        {"question": "Hoe voel je je?", "words": words(), "picks": 3},
    )
    lesson(
        library,
        "samen-kiezen",
        [check_in(), step("Stemmen", 5, activities=[POLL, QUIZ]), step("Woorden", 5, activities=[cloud])],
    )
    teacher = UserFactory(username="juf-les")
    school_class = SchoolClassFactory(name="groep 6", pupil_count=25, teachers=[teacher])
    Membership.objects.create(user=teacher, school=school_class.school, role=Role.TEACHER)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1366, "height": 768})
    sign_in(context, teacher, site_url)
    board = context.new_page()
    board.goto(site_url + "/lessen/samen-kiezen/klas/")
    board.screenshot(path="/tmp/explore-0.png")
    board.keyboard.press("ArrowRight")
    board.screenshot(path="/tmp/explore-0b.png")
    board.get_by_role("button", name="Start de les met de klas").click()
    board.wait_for_timeout(1000)
    print(board.url, board.locator("[data-progress]").inner_text())
    board.screenshot(path="/tmp/explore-0c.png")
    board.keyboard.press("ArrowRight")
    expect(board.locator(".run-join__code")).to_be_visible()
    board.screenshot(path="/tmp/explore-1.png")
    for n in range(2, 7):
        board.keyboard.press("ArrowRight")
        board.wait_for_timeout(2500)
        print(n, board.locator("[data-progress]").inner_text(), board.locator("[data-slide]:not([hidden])").get_attribute("aria-label"))
        board.screenshot(path=f"/tmp/explore-{n}.png")
    run = LessonRun.objects.get()
    pupil = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 667}).new_page()
    pupil.goto(f"{site_url}/meedoen/{run.code}/")
    pupil.screenshot(path="/tmp/explore-pupil.png", full_page=True)
    print(pupil.content())
    board.set_viewport_size({"width": 1920, "height": 1080})
    board.goto(site_url + "/lessen/samen-kiezen/klas/")
    board.wait_for_timeout(1000)
    print(board.locator("[data-progress]").inner_text())
    board.screenshot(path="/tmp/explore-hd.png")
    for n in range(2, 6):
        board.keyboard.press("ArrowRight")
        board.wait_for_timeout(2500)
        slide = board.locator("[data-slide]:not([hidden])")
        print(n, board.locator("[data-progress]").inner_text(), slide.get_attribute("aria-label"), slide.locator("[data-activity-id]").count(), slide.locator("[data-run-panel]").count())
        board.screenshot(path=f"/tmp/explore-hd-{n}.png")
        print(pupil.locator("h1, legend").first.inner_text())
