"""Every page type that a pupil, a teacher or a coordinator sees, audited in Debian's
chromium with axe-core (WCAG 2.1 A and AA: zero violations), with no Content-Security-Policy
violation in the console, and readable at 320 px (200% zoom) without sideways scrolling."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from schools.checkins.services import close_session, start_session
from schools.models import CoordinatorScope, Membership, Role
from tests.e2e.test_check_in import sign_in
from tests.factories import (
    MONDAY,
    LessonIndexPageFactory,
    LessonPageFactory,
    SchoolClassFactory,
    UserFactory,
    add_check_in,
    check_in,
    step,
)

WCAG_21_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    }
}
AXE = Axe()


class Audit:
    """Runs axe on a page and watches its console for CSP violations."""

    def __init__(self, page):
        self.page, self.csp, self.findings = page, [], {}
        page.on(
            "console",
            lambda message: (
                self.csp.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )

    def check(self, name, *, blocked=()):
        """`blocked`: hosts a bundled third-party page tries to reach and our policy stops
        (the request is never made); any other CSP report is a finding."""
        self.page.wait_for_load_state("networkidle")
        self.csp = [
            text for text in self.csp if not any(host in text for host in blocked)
        ]
        violations = AXE.run(self.page, options=WCAG_21_AA).response["violations"]
        found = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
        ]
        if found or self.csp:
            self.findings[name] = found + self.csp
        self.csp = []

    def narrow(self, name):
        """At 320 px wide nothing scrolls sideways (WCAG 1.4.10, 200-400% zoom)."""
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": 320, "height": 640})
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 1:
            self.findings[f"{name} at 320 px"] = [f"scrolls sideways by {overflow}px"]
        self.page.set_viewport_size(size)


def data():
    from wagtail.models import Site

    library = LessonIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page
    )
    LessonPageFactory(
        parent=library,
        slug="dankbaar",
        title="Dankbaar",
        steps=[check_in("lesson_start"), step("Kring", 10), check_in("lesson_end")],
    )
    teacher = UserFactory(username="juf-audit")
    young = SchoolClassFactory(
        name="groep 1/2", groups=["groep-1-2"], teachers=[teacher]
    )
    older = SchoolClassFactory(
        name="groep 7", school=young.school, groups=["groep-7-8"], teachers=[teacher]
    )
    Membership.objects.create(user=teacher, school=young.school, role=Role.TEACHER)
    sessions = {
        "young": start_session(
            school_class=young, started_by=teacher, moment="standalone"
        ),
        "older": start_session(
            school_class=older, started_by=teacher, moment="standalone"
        ),
        "closed": start_session(
            school_class=older, started_by=teacher, moment="standalone"
        ),
    }
    from schools.checkins.recording import record_check_in
    from schools.checkins.services import issue_token, new_idempotency_key

    for mood in (1, 2, 3, 4, 5, 4, 3):
        record_check_in(
            code=sessions["closed"].code,
            token=issue_token(session=sessions["closed"]),
            key=new_idempotency_key(),
            answers={"mood": mood, "energy": "high", "feeling": "blij"},
        )
    close_session(session=sessions["closed"])
    for week in range(3):
        add_check_in(
            older, [1, 3, 4, 3, 2], week=MONDAY + datetime.timedelta(weeks=week)
        )
    coordinator = UserFactory(username="coordinator-audit")
    coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    CoordinatorScope.objects.create(user=coordinator, municipality=None)
    return teacher, coordinator, sessions, older


def answer_every_question(audit, page, name):
    """One question per screen: audit each, choosing the first option and going on."""
    for number in range(1, 5):
        audit.check(f"{name}, question {number}")
        question = page.locator("fieldset.question:not([hidden])")
        question.locator("label").first.click()
        done = question.get_by_role("button", name="Klaar")
        if done.count():
            done.click()
            return
        question.get_by_role("button", name="Volgende").click()
    raise AssertionError("no Klaar button after four questions")


@pytest.mark.long
def test_every_page_type_passes_axe_and_the_content_security_policy(browser, site_url):
    teacher, coordinator, sessions, older = data()
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    audit = Audit(page)

    # Visitors and pupils.
    for name, path in [
        ("home", "/"),
        ("library", "/lessen/"),
        ("library with filters", "/lessen/?groep=groep-5-6&q=dank"),
        ("lesson", "/lessen/dankbaar/"),
        ("presentation mode", "/lessen/dankbaar/klas/"),
        ("print", "/lessen/dankbaar/print/"),
        ("join", "/doe-mee/"),
        ("API docs (Swagger UI)", "/api/v1/docs/"),
        ("API docs (Redoc)", "/api/v1/redoc/"),
        ("sign in", "/admin/login/"),
        ("404", "/bestaat-niet/"),
    ]:
        page.goto(site_url + path)
        # Redoc's bundle shows the Redocly logo from its CDN: blocked, so never requested.
        audit.check(name, blocked=("https://cdn.redoc.ly/",) if "Redoc" in name else ())
        audit.narrow(name)
    for band in ("young", "older"):
        page.goto(site_url + f"/doe-mee/{sessions[band].code}/")
        audit.narrow(f"check-in ({band})")
        answer_every_question(audit, page, f"check-in ({band})")
        expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
        audit.check(f"thank you ({band})")
        audit.narrow(f"thank you ({band})")

    # The teacher: live view, closed-session results, her classes and a class's results.
    teacher_page = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    sign_in(teacher_page, teacher, site_url)
    page = teacher_page.new_page()
    audit = _carry(audit, page)
    for name, path in [
        ("live view", f"/sessies/{sessions['older'].code}/"),
        ("closed-session results", f"/sessies/{sessions['closed'].code}/"),
        ("my classes", "/mijn/"),
        ("class results", f"/sessies/klas/{older.pk}/"),
    ]:
        page.goto(site_url + path)
        audit.check(name)

    # The coordinator's dashboard and its print view.
    coordinator_context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    sign_in(coordinator_context, coordinator, site_url)
    page = coordinator_context.new_page()
    audit = _carry(audit, page)
    for name, path in [
        ("dashboard", "/admin/resultaten/"),
        ("dashboard filtered", "/admin/resultaten/?per=month&group=groep-7-8"),
        ("dashboard print view", "/admin/resultaten/afdrukken/"),
        ("API key", "/admin/api-sleutel/"),
    ]:
        page.goto(site_url + path)
        audit.check(name)
    # A new key, shown once, above the list of keys with their revoke buttons.
    page.get_by_role("button", name="Maak een nieuwe sleutel").click()
    expect(page.locator("#new-key")).to_be_visible()
    audit.check("API key made")

    assert audit.findings == {}


def _carry(audit, page):
    carried = Audit(page)
    carried.findings = audit.findings
    return carried
