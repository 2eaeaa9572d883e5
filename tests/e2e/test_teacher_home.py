"""A teacher signs in and lands on her home; she plans a series for a class and sees it
week by week, moves a lesson, saves a lesson from its page and finds it on her home; axe
finds nothing on the home. A reviewer approves a lesson in one visible step."""

import re

from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from lessons.models import LessonSeriesItem, LessonSeriesPage
from lessons.services import REVIEWERS, TEACHERS, set_up_authoring
from schools import clock
from schools.models import FavouriteLesson, Membership, PlannedLesson, Role
from schools.templatetags.teaching_tags import week_label
from tests.e2e.test_accessibility import Audit
from tests.e2e.test_check_in import sign_in
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
    UserFactory,
    add_delivery,
)


def a_library():
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    library = LessonIndexPageFactory(parent=home, intro="Zoek een les.")
    lessons = [
        LessonPageFactory(parent=library, title=title, slug=slug, groups=["groep-7-8"])
        for title, slug in [
            ("Wat is geluk eigenlijk?", "wat-is-geluk"),
            ("Drie goede dingen", "drie-goede-dingen"),
            ("Talenten in de klas", "talenten"),
        ]
    ]
    series = LessonSeriesPage(
        title="Geluk in groep 8", slug="geluk-in-groep-8", intro="<p>Drie lessen.</p>"
    )
    library.add_child(instance=series)
    for order, lesson in enumerate(lessons):
        LessonSeriesItem.objects.create(page=series, lesson=lesson, sort_order=order)
    return library, lessons, series


def a_teacher():
    teacher = UserFactory(username="juf-sanne", first_name="Sanne")
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    school_class = SchoolClassFactory(
        name="groep 8", groups=["groep-7-8"], teachers=[teacher], pupil_count=24
    )
    SchoolClassFactory(
        name="groep 6",
        school=school_class.school,
        groups=["groep-5-6"],
        teachers=[teacher],
    )
    Membership.objects.create(
        user=teacher, school=school_class.school, role=Role.TEACHER
    )
    return teacher, school_class


def test_the_teachers_home_with_a_planned_series(page, site_url, screenshot):
    _library, lessons, series = a_library()
    teacher, groep_8 = a_teacher()
    this_week = clock.week_of(clock.today())
    add_delivery(groep_8, lessons[0], this_week)  # given this week, before she plans

    # She signs in as every staff member does, and lands on her home, not in the admin.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    page.get_by_role("link", name="Inloggen voor medewerkers").click()
    page.locator("#id_username").fill("juf-sanne")
    page.locator("#id_password").fill("test-password-123")
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("heading", name="Mijn klassen", level=1)).to_be_visible()
    assert page.url == site_url + "/mijn/"

    card = page.locator(f"#klas-{groep_8.pk}")
    card.get_by_text("Een reeks plannen").click()
    card.get_by_label("Lessenreeks").select_option(label="Geluk in groep 8")
    card.get_by_label("Eerste week").select_option(label=week_label(this_week))
    card.get_by_role("button", name="Plan de reeks").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Geluk in groep 8 staat gepland voor groep 8: 3 lessen, één per week."
    )
    card = page.locator(f"#klas-{groep_8.pk}")
    weeks = card.locator(".plan-week")
    expect(weeks).to_have_count(3)
    for n, title in enumerate(
        ["Wat is geluk eigenlijk?", "Drie goede dingen", "Talenten in de klas"]
    ):
        week = weeks.nth(n)
        expect(week.get_by_role("heading", level=4)).to_contain_text(
            week_label(this_week + clock.datetime.timedelta(weeks=n))
        )
        expect(week).to_contain_text(title)
    # The first lesson was given this week: it shows as given, with no buttons.
    expect(weeks.nth(0)).to_contain_text("Gegeven op")
    expect(weeks.nth(0).get_by_role("button")).to_have_count(0)
    expect(weeks.nth(0).get_by_text("deze week")).to_be_visible()

    # She moves the third lesson two weeks later.
    third = PlannedLesson.objects.get(school_class=groep_8, lesson=lessons[2])
    later = this_week + clock.datetime.timedelta(weeks=4)
    item = card.locator(f"#gepland-{third.pk}")
    item.get_by_label(re.compile("Verplaats naar")).select_option(
        label=week_label(later)
    )
    item.get_by_role("button", name="Verplaats").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Talenten in de klas is verplaatst."
    )
    third.refresh_from_db()
    assert third.week == later
    expect(page.locator(f"#klas-{groep_8.pk} .plan-week").last).to_contain_text(
        week_label(later)
    )

    # She saves a lesson from its page (the same page for every teacher) ...
    page.goto(site_url + "/lessen/drie-goede-dingen/")
    page.get_by_role("link", name="Bewaren").click()
    page.get_by_role("button", name="Bewaar deze les").click()
    expect(page.get_by_role("status")).to_contain_text("Drie goede dingen is bewaard.")
    assert FavouriteLesson.objects.filter(user=teacher).count() == 1
    # ... and finds it on her home.
    page.get_by_role("link", name="Naar Mijn klassen").click()
    saved = page.get_by_role("region", name="Bewaarde lessen")
    expect(saved.get_by_role("link", name="Drie goede dingen")).to_be_visible()

    audit = Audit(page)
    audit.check("teacher's home")
    audit.narrow("teacher's home")
    page.locator(f"#klas-{groep_8.pk}").get_by_text("Een reeks plannen").click()
    audit.check("teacher's home, plan form open")
    page.goto(site_url + f"/mijn/bewaren/{lessons[1].pk}/")
    audit.check("saving a lesson")
    assert audit.findings == {}
    page.goto(site_url + "/mijn/")
    screenshot("teacher-home")


def test_a_reviewer_approves_in_one_visible_step(page, site_url, screenshot):
    library, _lessons, _series = a_library()
    set_up_authoring(library=library)
    author = UserFactory(username="juf-schrijft")
    author.groups.add(Group.objects.get(name=TEACHERS))
    reviewer = UserFactory(username="redacteur", first_name="Joris")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    lesson = LessonPageFactory(
        parent=library, live=False, slug="nieuw", title="Een nieuwe les", owner=author
    )
    lesson.save_revision(user=author)
    library.get_workflow().start(lesson, author)

    sign_in(page.context, reviewer, site_url)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/admin/")
    queue = page.locator("#lessons-awaiting-review-section")
    expect(queue).to_contain_text("Een nieuwe les")
    approve = queue.get_by_role("button", name=re.compile("^Goedkeuren"))
    expect(approve).to_be_visible()
    expect(queue.get_by_role("link", name=re.compile("^Bekijken"))).to_be_visible()
    expect(queue.locator("summary", has_text="Wijzigingen vragen")).to_be_visible()
    screenshot("reviewer-queue")
    approve.click()
    page.wait_for_load_state("networkidle")
    lesson.refresh_from_db()
    assert lesson.live
    expect(page.locator("#lessons-awaiting-review-section")).to_have_count(0)
