"""Who may open what: every URL of our own apps, for every kind of visitor. A new URL that
is not in the matrix fails the completeness test, so it cannot ship unchecked.

Kinds: anonymous (a visitor, also a pupil: pupils have no account), teacher (her own class),
school admin (her school), reviewer (Redactie: lessons, no classes, no results), municipality
coordinator (Den Helder), regional coordinator."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver

from lessons.services import REVIEWERS, set_up_authoring
from schools import clock
from schools.checkins.services import start_session
from schools.models import CoordinatorScope, Membership, PlannedLesson, Role
from schools.runs.services import start_run
from tests.factories import (
    LessonPageFactory,
    MunicipalityFactory,
    SchoolClassFactory,
    UserFactory,
    add_check_in,
)

KINDS = ["anonymous", "teacher", "school_admin", "reviewer", "coordinator", "regional"]
LOGIN = "login"  # a redirect to the sign-in page

# path template -> expected status per kind, in KINDS order. {code}: the teacher's open
# session; {other_code}: a session of a class she does not teach; {cls}/{other_cls} alike.
MATRIX = {
    # The site and the pupils' pages.
    "/": [200, 200, 200, 200, 200, 200],
    "/lessen/": [200, 200, 200, 200, 200, 200],
    "/healthz": [200, 200, 200, 200, 200, 200],
    "/healthz/worker": [
        200,
        200,
        200,
        200,
        200,
        200,
    ],  # no queue in tests: nothing to check
    "/doe-mee/": [200, 200, 200, 200, 200, 200],
    "/doe-mee/{code}/": [200, 200, 200, 200, 200, 200],
    "/doe-mee/{code}/bedankt/": [200, 200, 200, 200, 200, 200],
    # Teachers' check-in pages: her own classes only (others: 404, not even "it exists").
    "/sessies/": [302, 302, 302, 302, 302, 302],  # "Mijn klassen" moved to /mijn/
    "/sessies/klas/{cls}/": [LOGIN, 200, 200, 404, 404, 404],
    "/sessies/klas/{other_cls}/": [LOGIN, 404, 404, 404, 404, 404],
    "/sessies/{code}/": [LOGIN, 200, 200, 404, 404, 404],
    "/sessies/{other_code}/": [LOGIN, 404, 404, 404, 404, 404],
    "/sessies/{code}/status/": [LOGIN, 200, 200, 404, 404, 404],
    "POST /sessies/start/": [LOGIN, 302, 302, 404, 404, 404],
    "POST /sessies/{other_code}/sluiten/": [LOGIN, 404, 404, 404, 404, 404],
    # Lesson runs: the pupils' pages open to all (a code is the key); the board's endpoints
    # for her own classes only. {run} is her class's run, {other_run} another class's.
    "/meedoen/{run}/": [200, 200, 200, 200, 200, 200],
    "/meedoen/{run}/bord/": [200, 200, 200, 200, 200, 200],
    "POST /sessies/les/start/": [LOGIN, 404, 404, 404, 404, 404],  # no lesson given
    "POST /sessies/les/{run}/dia/": [LOGIN, 200, 200, 404, 404, 404],
    "POST /sessies/les/{other_run}/dia/": [LOGIN, 404, 404, 404, 404, 404],
    "/sessies/les/{other_run}/activiteit/x/": [LOGIN, 404, 404, 404, 404, 404],
    "POST /sessies/les/{other_run}/activiteit/x/uitkomst/": [
        LOGIN,
        404,
        404,
        404,
        404,
        404,
    ],
    "POST /sessies/les/{other_run}/einde/": [LOGIN, 404, 404, 404, 404, 404],
    # A teacher's home: her classes' plans and her saved lessons (the classes as above).
    "/mijn/": [LOGIN, 200, 200, 200, 200, 200],
    "POST /mijn/klas/{cls}/plannen/": [LOGIN, 400, 400, 404, 404, 404],
    "POST /mijn/klas/{other_cls}/plannen/": [LOGIN, 404, 404, 404, 404, 404],
    "POST /mijn/gepland/{planned}/verplaatsen/": [LOGIN, 400, 400, 404, 404, 404],
    "POST /mijn/gepland/{other_planned}/verplaatsen/": [LOGIN, 404, 404, 404, 404, 404],
    "POST /mijn/gepland/{other_planned}/weghalen/": [LOGIN, 404, 404, 404, 404, 404],
    "POST /mijn/gepland/{planned}/weghalen/": [LOGIN, 302, 302, 404, 404, 404],
    "/mijn/bewaren/{lesson}/": [LOGIN, 200, 200, 200, 200, 200],
    "POST /mijn/bewaren/{lesson}/": [LOGIN, 302, 302, 302, 302, 302],
    # The API.
    "/api/v1/": [200, 200, 200, 200, 200, 200],
    "/api/v1/lessons/": [200, 200, 200, 200, 200, 200],
    "/api/v1/sessions/{code}/": [200, 200, 200, 200, 200, 200],
    "/api/v1/results/": [401, 200, 200, 403, 200, 200],
    "/api/v1/participation/": [401, 200, 200, 403, 200, 200],
    "/api/v1/schema/": [200, 200, 200, 200, 200, 200],
    "/api/v1/docs/": [200, 200, 200, 200, 200, 200],
    "/api/v1/redoc/": [200, 200, 200, 200, 200, 200],
    # Our admin pages.
    "/admin/resultaten/": [LOGIN, 200, 200, 403, 200, 200],
    "/admin/resultaten/afdrukken/": [LOGIN, 200, 200, 403, 200, 200],
    "/admin/resultaten/export.csv": [LOGIN, 200, 200, 403, 200, 200],
    "/admin/resultaten/export.xlsx": [LOGIN, 200, 200, 403, 200, 200],
    "/admin/api-sleutel/": [LOGIN, 200, 200, 302, 200, 200],
    "/admin/scholen/": [LOGIN, 302, 200, 302, 302, 302],
    "/admin/klassen/": [LOGIN, 200, 200, 302, 302, 302],
    "/admin/gemeenten/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/gemeenten/delete/{municipality}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/lidmaatschappen/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/coordinatoren/": [LOGIN, 302, 302, 302, 302, 302],
    # Copy, history and usage of every admin model: her own rows for a school admin; a
    # row outside someone's scope is a 404 (not even "it exists"), one inside it without
    # the right to change it a redirect; administrators only for the rest.
    "/admin/klassen/copy/{cls}/": [LOGIN, 302, 200, 302, 302, 302],
    "/admin/klassen/copy/{other_cls}/": [LOGIN, 302, 404, 302, 302, 302],
    "/admin/klassen/history/{cls}/": [LOGIN, 302, 200, 404, 404, 404],
    "/admin/klassen/history/{other_cls}/": [LOGIN, 404, 404, 404, 404, 404],
    "/admin/klassen/usage/{cls}/": [LOGIN, 302, 200, 404, 404, 404],
    "/admin/klassen/usage/{other_cls}/": [LOGIN, 404, 404, 404, 404, 404],
    "/admin/scholen/history/{school}/": [LOGIN, 404, 200, 404, 404, 404],
    "/admin/scholen/history/{other_school}/": [LOGIN, 404, 404, 404, 404, 404],
    "/admin/scholen/usage/{school}/": [LOGIN, 404, 200, 404, 404, 404],
    "/admin/scholen/usage/{other_school}/": [LOGIN, 404, 404, 404, 404, 404],
    "/admin/gemeenten/copy/{municipality}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/gemeenten/history/{municipality}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/gemeenten/usage/{municipality}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/lidmaatschappen/copy/{membership}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/lidmaatschappen/history/{membership}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/lidmaatschappen/usage/{membership}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/coordinatoren/copy/{scope}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/coordinatoren/history/{scope}/": [LOGIN, 302, 302, 302, 302, 302],
    "/admin/coordinatoren/usage/{scope}/": [LOGIN, 302, 302, 302, 302, 302],
}
# URL patterns of our apps that the matrix covers through the rows above (name -> row).
COVERED = {
    "checkins:join": "/doe-mee/",
    "checkins:answer": "/doe-mee/{code}/",
    "checkins:thanks": "/doe-mee/{code}/bedankt/",
    "checkins:my_classes": "/sessies/",
    "checkins:start": "POST /sessies/start/",
    "checkins:class_results": "/sessies/klas/{cls}/",
    "checkins:live": "/sessies/{code}/",
    "checkins:status": "/sessies/{code}/status/",
    "checkins:close": "POST /sessies/{other_code}/sluiten/",
    "runs:follow": "/meedoen/{run}/",
    "runs:board_state": "/meedoen/{run}/bord/",
    "runs:start": "POST /sessies/les/start/",
    "runs:move": "POST /sessies/les/{run}/dia/",
    "runs:panel": "/sessies/les/{other_run}/activiteit/x/",
    "runs:reveal": "POST /sessies/les/{other_run}/activiteit/x/uitkomst/",
    "runs:end": "POST /sessies/les/{other_run}/einde/",
    "teaching:home": "/mijn/",
    "teaching:plan_series": "POST /mijn/klas/{cls}/plannen/",
    "teaching:move": "POST /mijn/gepland/{planned}/verplaatsen/",
    "teaching:remove": "POST /mijn/gepland/{planned}/weghalen/",
    "teaching:favourite": "/mijn/bewaren/{lesson}/",
    "api:api-root": "/api/v1/",
    "api:lesson-list": "/api/v1/lessons/",
    "api:lesson-detail": "/api/v1/lessons/",
    "api:session-detail": "/api/v1/sessions/{code}/",
    "api:checkin-list": "tests/api/test_checkins.py (POST only, no account)",
    "api:results": "/api/v1/results/",
    "api:participation": "/api/v1/participation/",
    "api:schema": "/api/v1/schema/",
    "api:docs": "/api/v1/docs/",
    "api:redoc": "/api/v1/redoc/",
    "healthz": "/healthz",
    "healthz-worker": "/healthz/worker",
    "results_dashboard": "/admin/resultaten/",
    "results_print": "/admin/resultaten/afdrukken/",
    "results_csv": "/admin/resultaten/export.csv",
    "results_xlsx": "/admin/resultaten/export.xlsx",
    "api_token": "/admin/api-sleutel/",
    "municipality:delete": "/admin/gemeenten/delete/{municipality}/",
    # The scoped admin of schools and classes: index rows above; every action (add, edit,
    # delete, inspect) per role in tests/schools/test_wagtail_hooks.py.
    **{
        f"{model}:{action}": "tests/schools/test_wagtail_hooks.py"
        for model in ("school", "schoolclass")
        for action in ("add", "delete", "edit", "index", "index_results", "inspect")
    },
    **{
        f"{model}:{action}": f"/admin/{prefix}/{action}/{{{value}}}/"
        for model, prefix, value in (
            ("school", "scholen", "school"),
            ("schoolclass", "klassen", "cls"),
        )
        for action in ("history", "usage")
    },
    "schoolclass:copy": "/admin/klassen/copy/{cls}/",
    "school:history_results": "tests/schools/test_wagtail_hooks.py",
    "schoolclass:history_results": "tests/schools/test_wagtail_hooks.py",
}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def world(db, home, library):
    set_up_authoring(library=library)
    den_helder = MunicipalityFactory(name="Den Helder")
    access = Permission.objects.get(codename="access_admin")

    def staff(name):
        user = UserFactory(username=name)
        user.user_permissions.add(access)
        return user

    teacher, school_admin, reviewer = (
        staff("juf"),
        staff("directeur"),
        staff("redacteur"),
    )
    coordinator, regional = staff("coordinator"), staff("regio")
    ours = SchoolClassFactory(
        school__municipality=den_helder, groups=["groep-5-6"], teachers=[teacher]
    )
    other = SchoolClassFactory(groups=["groep-7-8"])
    Membership.objects.create(user=teacher, school=ours.school, role=Role.TEACHER)
    Membership.objects.create(
        user=school_admin, school=ours.school, role=Role.SCHOOL_ADMIN
    )
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    CoordinatorScope.objects.create(user=coordinator, municipality=den_helder)
    CoordinatorScope.objects.create(user=regional, municipality=None)
    add_check_in(ours, [1, 3, 4, 3, 2])
    lesson = LessonPageFactory(parent=library)
    planned = {
        school_class: PlannedLesson.objects.create(
            school_class=school_class,
            lesson=lesson,
            week=clock.week_of(clock.today()),
            planned_on=clock.today(),
        )
        for school_class in (ours, other)
    }
    return {
        "users": {
            "anonymous": None,
            "teacher": teacher,
            "school_admin": school_admin,
            "reviewer": reviewer,
            "coordinator": coordinator,
            "regional": regional,
        },
        "values": {
            "code": start_session(
                school_class=ours, started_by=teacher, moment="standalone"
            ).code,
            "other_code": start_session(
                school_class=other, started_by=None, moment="standalone"
            ).code,
            "run": start_run(school_class=ours, lesson=lesson, started_by=teacher).code,
            "other_run": start_run(
                school_class=other, lesson=lesson, started_by=None
            ).code,
            "cls": ours.pk,
            "other_cls": other.pk,
            "school": ours.school_id,
            "other_school": other.school_id,
            "municipality": den_helder.pk,
            "membership": Membership.objects.get(user=teacher).pk,
            "scope": CoordinatorScope.objects.get(user=coordinator).pk,
            "lesson": lesson.pk,
            "planned": planned[ours].pk,
            "other_planned": planned[other].pk,
        },
    }


@pytest.mark.parametrize("kind", KINDS)
def test_every_url_for_every_kind_of_visitor(client, world, kind):
    user = world["users"][kind]
    if user is not None:
        client.force_login(user)
    wrong = {}
    for row, statuses in MATRIX.items():
        method, _space, template = row.rpartition(" ")
        path = template.format(**world["values"])
        if method == "POST":
            response = client.post(
                path, {"school_class": world["values"]["cls"], "moment": "standalone"}
            )
        else:
            response = client.get(path)
        expected = statuses[KINDS.index(kind)]
        if expected == LOGIN:
            ok = response.status_code == 302 and "login" in response["Location"]
        else:
            ok = response.status_code == expected
        if not ok:
            wrong[row] = (expected, response.status_code)
    assert wrong == {}


def _names(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _names(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "")
            if module.startswith(("schools.", "api.", "cms.")) or (
                module.startswith("drf_spectacular")
                or module.startswith("rest_framework")
            ):
                yield prefix + pattern.name


def test_the_matrix_covers_every_url_of_our_apps():
    ours = {
        name
        for name in _names(get_resolver())
        if not name.endswith(("-detail-format", "-list-format"))
        and "format" not in name
        and not name.startswith(("wagtail", "schools_", "lessons_"))
    }
    missing = sorted(ours - set(COVERED))
    assert missing == [], f"add these to the permission matrix: {missing}"
    assert {row for row in COVERED.values() if not row.startswith("tests/")} <= set(
        MATRIX
    )
