"""Attacks on "Niemand kan zien wat jij antwoordt", as a teacher, a school admin and a
pilot coordinator would try them with the interfaces they really have: the board, its
status, the class page, the results API, the dashboard's exports and the admin. Each test
fails when the rule it attacks is weakened."""

import datetime
import re
import uuid
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schools import clock, results
from schools.checkins.services import close_session, start_session
from schools.models import (
    SCALES,
    CheckInSession,
    Membership,
    Moment,
    Role,
    School,
    SchoolClass,
    UsedToken,
)
from tests.factories import (
    MONDAY,
    MunicipalityFactory,
    SchoolClassFactory,
    SchoolFactory,
    a_person_in_every_role,
    add_check_in,
)

ROLES = ["teacher", "school_admin"]


@pytest.fixture
def pilot(db):
    den_helder, texel = (
        MunicipalityFactory(name="Den Helder"),
        MunicipalityFactory(name="Texel"),
    )
    ours = SchoolFactory(name="De Vuurtoren", municipality=den_helder)
    other = SchoolFactory(name="De Duinroos", municipality=den_helder)
    island = SchoolFactory(name="Het Eiland", municipality=texel)
    classes = {
        "ours": SchoolClassFactory(school=ours, name="groep 7", groups=["groep-7-8"]),
        "parallel": SchoolClassFactory(
            school=ours, name="groep 8", groups=["groep-7-8"]
        ),
        "other": SchoolClassFactory(school=other, name="groep 7", groups=["groep-7-8"]),
        "island": SchoolClassFactory(school=island, groups=["groep-7-8"]),
    }
    people = a_person_in_every_role(classes["ours"], den_helder)
    Membership.objects.create(user=people["teacher"], school=ours, role=Role.TEACHER)
    return {
        "den_helder": den_helder,
        "texel": texel,
        "ours": ours,
        "classes": classes,
        **people,
    }


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _plain(html):
    """A page without what differs per response (nonces, CSRF tokens)."""
    html = re.sub(r'nonce="[^"]*"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def _answers_only(csv):
    """The dashboard export without its activity rows (check-ins held may change); the
    export is written for Dutch Excel, so its part ("Onderdeel") is "Deelname"."""
    lines = csv.splitlines()
    assert lines[0].startswith("\ufeffOnderdeel;".encode())
    return [line for line in lines if not line.startswith(b"Deelname;")]


def everything_she_reads(client, school_class, session=None):
    """What a teacher or school admin can read about the answers of a class, each way
    she can. How many check-ins were held is activity, not answers: left out."""
    cache.clear()  # the API's throttle: this reads more than a person would
    seen = {}
    if session is not None:
        status = client.get(f"/sessies/{session.code}/status/").json()
        seen["answered"] = status.pop("answered")
        seen["status"] = status
        board = _plain(client.get(f"/sessies/{session.code}/").content.decode())
        seen["board"] = re.sub(r"\d+ van \d+ beantwoord", "", board)
    for group_by in ("", "class", "week", "class,week,moment", "lesson,moment"):
        for question in SCALES:
            response = client.get(
                "/api/v1/results/", {"group_by": group_by, "question": question}
            )
            seen[f"api {group_by} {question}"] = response.json()
    seen["participation answers"] = [
        row["answers"] for row in client.get("/api/v1/participation/").json()["results"]
    ]
    page = _plain(client.get(f"/sessies/klas/{school_class.pk}/").content.decode())
    seen["class page"] = re.sub(r"\d+ check-ins? gehouden", "", page)
    seen["dashboard csv"] = _answers_only(
        body(client.get("/admin/resultaten/export.csv"))
    )
    return seen


def everything_a_coordinator_reads(client):
    cache.clear()
    seen = {}
    for group_by in ("", "week", "month", "school", "school,week", "municipality"):
        for question in SCALES:
            seen[f"{group_by} {question}"] = client.get(
                "/api/v1/results/", {"group_by": group_by, "question": question}
            ).json()
    seen["csv"] = body(
        client.get("/api/v1/results/", {"group_by": "school,week", "format": "csv"})
    )
    seen["participation"] = client.get("/api/v1/participation/").json()
    seen["dashboard csv"] = body(client.get("/admin/resultaten/export.csv"))
    return seen


@pytest.mark.parametrize("role", ROLES)
def test_watching_the_board_and_the_api_while_pupils_answer_tells_nothing(
    pilot, answer, role
):
    """Attack: read everything after each answer and compare. While the check-in is open
    only the number of answers moves; the figures appear once it is closed."""
    school_class = pilot["classes"]["ours"]
    session = start_session(
        school_class=school_class, started_by=pilot["teacher"], moment=Moment.STANDALONE
    )
    client = signed_in(pilot[role])
    before = everything_she_reads(client, school_class, session)
    for number, mood in enumerate((1, 5, 2, 4, 3, 5, 1, 4, 2), start=1):
        answer(session=session, mood=mood, energy="low" if mood < 3 else "high")
        seen = everything_she_reads(client, school_class, session)
        assert seen.pop("answered") == number
        assert seen == _without(before)
    close_session(session=session)
    after = everything_she_reads(client, school_class, session)
    assert (
        after["status"]["results"]["mood"] == results.session_results(session)["mood"]
    )
    assert after != _without(before)


def _without(seen):
    return {key: value for key, value in seen.items() if key != "answered"}


@pytest.mark.parametrize("role", ROLES)
def test_a_hidden_check_in_is_in_no_figure_of_the_class(pilot, answer, role):
    """Attack: a check-in with four answers is hidden; the class's figure for that week,
    lesson and moment minus the check-ins she can see would give it. It is in nothing.
    Nor are repeated small morning check-ins."""
    school_class = pilot["classes"]["ours"]

    def held(moods):
        session = start_session(
            school_class=school_class,
            started_by=pilot["teacher"],
            moment=Moment.STANDALONE,
        )
        for mood in moods:
            answer(session=session, mood=mood)
        return close_session(session=session)

    shown = held([2, 3, 4, 5] * 6)  # six of each: always shown as more than one face
    client = signed_in(pilot[role])
    only_the_shown_one = everything_she_reads(client, school_class)
    # Too few answers each, but not all the same: only the threshold hides them.
    hidden = [held([1, 2, 3, 4]), held([1, 1, 2, 5]), held([2, 3, 4])]
    assert everything_she_reads(client, school_class) == only_the_shown_one
    assert all(
        results.session_results(session)["mood"] == {"suppressed": True}
        for session in hidden
    )
    assert not results.session_results(shown)["mood"]["suppressed"]


def _past_weeks(pilot):
    """Completed weeks with enough answers for coordinators, in both our classes."""
    for week in range(3):
        monday = MONDAY + datetime.timedelta(weeks=week)
        for name in ("ours", "parallel", "other", "island"):
            add_check_in(pilot["classes"][name], [2, 3, 4, 3, 2], week=monday)
    results.refresh_rollups()


@pytest.mark.parametrize("who", ["school_admin", "administrator"])
def test_deleting_a_class_between_two_exports_archives_it_and_changes_nothing(
    pilot, who, admin_user
):
    """Attack: export, delete a class, export again and subtract. A class with history is
    archived instead, so every figure stays; the database refuses the delete too."""
    _past_weeks(pilot)
    coordinator, regional = (
        signed_in(pilot["coordinator"]),
        signed_in(pilot["regional"]),
    )
    before = (
        everything_a_coordinator_reads(coordinator),
        everything_a_coordinator_reads(regional),
    )
    remover = Client(enforce_csrf_checks=True)
    remover.force_login(pilot["school_admin"] if who == "school_admin" else admin_user)
    school_class = pilot["classes"]["ours"]
    url = f"/admin/klassen/delete/{school_class.pk}/"
    page = remover.get(url)
    assert "gearchiveerd" in page.content.decode()
    token = remover.cookies["csrftoken"].value
    response = remover.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    school_class.refresh_from_db()
    assert school_class.archived_on == clock.today()
    after = (
        everything_a_coordinator_reads(coordinator),
        everything_a_coordinator_reads(regional),
    )
    assert after == before
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        SchoolClass.objects.filter(pk=school_class.pk).delete()
    # An archived class starts no more check-ins.
    board = signed_in(pilot["teacher"])
    listed = board.get("/mijn/").content.decode()
    assert f'name="school_class" value="{school_class.pk}"' not in listed
    start = board.post(
        "/sessies/start/", {"school_class": school_class.pk, "moment": "standalone"}
    )
    assert start.status_code == 404


def test_a_class_without_history_is_really_deleted(pilot, admin_user):
    empty = SchoolClassFactory(school=pilot["ours"], name="groep 9 (typfout)")
    client = signed_in(admin_user)
    assert client.post(f"/admin/klassen/delete/{empty.pk}/").status_code == 302
    assert not SchoolClass.objects.filter(pk=empty.pk).exists()


def test_a_school_admin_cannot_move_her_school_and_a_move_moves_no_figures(
    pilot, admin_user
):
    """Attack: move the school to another municipality and compare the figures. A school
    admin cannot; when an administrator does, published figures stay where they were."""
    _past_weeks(pilot)
    school = pilot["ours"]
    coordinator, regional = (
        signed_in(pilot["coordinator"]),
        signed_in(pilot["regional"]),
    )
    before = (
        everything_a_coordinator_reads(coordinator),
        everything_a_coordinator_reads(regional),
    )

    def post_edit(user, municipality):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        url = f"/admin/scholen/edit/{school.pk}/"
        client.get(url)
        return client.post(
            url,
            {
                "name": school.name,
                "municipality": municipality.pk,
                "board": school.board,
                "kind": school.kind,
                "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            },
        )

    assert post_edit(pilot["school_admin"], pilot["texel"]).status_code == 302
    school.refresh_from_db()
    assert school.municipality == pilot["den_helder"]  # the field is not hers to change
    assert post_edit(admin_user, pilot["texel"]).status_code == 302
    school.refresh_from_db()
    assert school.municipality == pilot["texel"]
    after = (
        everything_a_coordinator_reads(coordinator),
        everything_a_coordinator_reads(regional),
    )
    assert after == before


def test_a_far_east_profile_time_zone_does_not_end_the_week_early(pilot):
    """Attack: a coordinator sets her admin profile to UTC+14. On Sunday evening in the
    Netherlands it is Monday morning there; the running week must still not count."""
    from wagtail.users.models import UserProfile

    coordinator = pilot["regional"]
    profile = UserProfile.get_for_user(coordinator)
    profile.current_time_zone = "Pacific/Kiritimati"
    profile.save()
    sunday_evening = datetime.datetime(2026, 11, 29, 20, tzinfo=clock.platform_zone())
    running = clock.week_of(sunday_evening.date())
    for name in ("ours", "parallel", "other", "island"):
        add_check_in(pilot["classes"][name], [2, 3, 4, 3, 2], week=running)
        add_check_in(
            pilot["classes"][name],
            [2, 3, 4, 3, 2],
            week=running - datetime.timedelta(weeks=1),
        )
    client = signed_in(coordinator)
    with mock.patch("django.utils.timezone.now", return_value=sunday_evening):
        exported = body(client.get("/admin/resultaten/export.csv?per=week")).decode()
        page = client.get("/admin/resultaten/").content.decode()

    def dutch(day):  # as the export writes a week: day-month-year
        return f";{day.day}-{day.month}-{day.year};"

    assert dutch(running - datetime.timedelta(weeks=1)) in exported
    assert dutch(running) not in exported
    assert "16 november 2026" in page  # "figures up to the week of 16 November"


def test_participation_shows_a_coordinator_completed_weeks_only(pilot, answer):
    """Attack: watch check-ins held today, class by class, through participation."""
    _past_weeks(pilot)
    coordinator = signed_in(pilot["coordinator"])
    before = coordinator.get("/api/v1/participation/", {"school": pilot["ours"].pk})
    session = start_session(
        school_class=pilot["classes"]["ours"],
        started_by=pilot["teacher"],
        moment=Moment.STANDALONE,
    )
    for mood in (1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 3):
        answer(session=session, mood=mood)
    close_session(session=session)
    cache.clear()
    after = coordinator.get("/api/v1/participation/", {"school": pilot["ours"].pk})
    assert after.json() == before.json()
    this_week = str(clock.week_of(clock.today()))
    assert this_week not in {row["week"] for row in after.json()["results"]}
    # Her own class's teacher does see today's check-in (she held it).
    teacher = signed_in(pilot["teacher"])
    rows = teacher.get("/api/v1/participation/").json()["results"]
    assert {row["week"]: row["sessions"] for row in rows}[this_week] == 1


def test_answers_through_the_api_add_no_row_but_a_spent_token_and_nothing_orders_them(
    pilot,
):
    """The database keeps counts: answering adds no row anywhere except the spent token,
    and two classes that gave the same answers in opposite orders look the same."""
    from django.apps import apps
    from django.db import connection

    def rows_per_table():
        with connection.cursor() as cursor:
            return {
                model._meta.db_table: model._default_manager.count()
                for model in apps.get_models()
                if model._meta.db_table in connection.introspection.table_names(cursor)
            }

    pupil = Client()

    def answer_by_api(session, values):
        token = pupil.get(f"/api/v1/sessions/{session.code}/").json()["token"]
        response = pupil.post(
            "/api/v1/checkins/",
            {
                "code": session.code,
                "token": token,
                "key": str(uuid.uuid4()),
                "answers": values,
            },
            content_type="application/json",
        )
        assert response.status_code == 201, response.content

    given = [
        {"mood": mood, "feeling": "blij" if mood > 3 else "moe"}
        for mood in (1, 2, 3, 4, 5)
    ]
    first, second = (
        start_session(
            school_class=pilot["classes"][name],
            started_by=pilot["teacher"],
            moment=Moment.STANDALONE,
        )
        for name in ("ours", "parallel")
    )
    before = rows_per_table()
    for values in given:
        answer_by_api(first, values)
    for values in reversed(given):
        answer_by_api(second, values)
    grown = {
        table: count - before.get(table, 0)
        for table, count in rows_per_table().items()
        if count != before.get(table, 0)
    }
    assert grown == {UsedToken._meta.db_table: 10}
    # Key sums are sums of random keys, one per answer: they differ between the two
    # check-ins whatever the order (and a sum does not keep an order either).
    ignore = {"id", "school_class", "code", "opened_at", "expires_at"}
    ignore |= {
        f.name for f in CheckInSession._meta.concrete_fields if f.name.endswith("_key")
    }
    fields = [
        f.attname for f in CheckInSession._meta.concrete_fields if f.name not in ignore
    ]
    first_row, second_row = (
        CheckInSession.objects.filter(pk=session.pk).values(*fields).get()
        for session in (first, second)
    )
    assert first_row == second_row


ADMIN_ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "archive class",
                "archive school",
                "move school",
                "regroup class",
                "move class",
                "rename school",
                "add and delete an empty class",
            ]
        ),
        st.integers(0, 3),
    ),
    min_size=1,
    max_size=5,
)
QUERIES = [
    ([], {}),
    (["municipality"], {}),
    (["school"], {}),
    (["school", "week"], {}),
    (["group", "month"], {}),
    (["municipality", "moment"], {"municipality": "den-helder"}),
]


def _published_figures(pilot, rollups):
    from schools.results import Viewer

    viewers = [Viewer.coordinator(), Viewer.coordinator(pilot["den_helder"].pk)]
    return [
        results.results(viewer=viewer, group_by=g, filters=f, rollups=rollups)
        for viewer in viewers
        for g, f in QUERIES
    ]


@pytest.fixture
def published(pilot):
    """The published history and its figures, made once for all examples below: each
    example starts from exactly these rows (its changes are rolled back), so the figures
    before its actions are these."""
    _past_weeks(pilot)
    before = _published_figures(pilot, rollups=True)
    assert _published_figures(pilot, rollups=False) == before
    return before


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(actions=ADMIN_ACTIONS)
def test_no_admin_action_changes_a_published_figure(pilot, published, actions):
    """Published history is immutable: whatever administrators do to classes and schools
    afterwards, check-ins and rollups give the same figures as before."""
    from django.db import transaction

    from schools import services

    def figures(rollups):
        return _published_figures(pilot, rollups)

    with transaction.atomic():
        before = published
        assert figures(rollups=True) == before  # what each example starts from
        # Fresh from the database: each example rolls back, the fixture's objects not.
        classes = [
            SchoolClass.objects.get(pk=school_class.pk)
            for school_class in pilot["classes"].values()
        ]
        schools = list(School.objects.order_by("pk"))
        for action, index in actions:
            school_class, school = classes[index], schools[index % len(schools)]
            if action == "archive class":
                services.archive_class(school_class=school_class)
            elif action == "archive school":
                services.archive_school(school=school)
            elif action == "move school":
                school.municipality = (
                    pilot["texel"]
                    if school.municipality == pilot["den_helder"]
                    else pilot["den_helder"]
                )
                school.save()
            elif action == "regroup class":
                school_class.groups.set(
                    school_class.groups.model.objects.filter(code="groep-3-4")
                )
            elif action == "move class":
                school_class.school = schools[(index + 1) % len(schools)]
                school_class.name += " (verhuisd)"
                school_class.save()
            elif action == "rename school":
                school.name += " (nieuw)"
                school.save()
            else:
                empty = SchoolClassFactory(school=school, name=f"leeg {index}")
                assert services.remove_class(school_class=empty) == "deleted"
            assert figures(rollups=True) == before
            assert figures(rollups=False) == before
        transaction.set_rollback(True)
