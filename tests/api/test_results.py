import csv
import io

import pytest
from django.core.cache import cache
from knox.models import AuthToken

from tests.factories import (
    MunicipalityFactory,
    SchoolClassFactory,
    SchoolFactory,
    UserFactory,
    a_person_in_every_role,
    add_check_in,
)


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()


@pytest.fixture
def people(db):
    den_helder, texel = (
        MunicipalityFactory(name="Den Helder"),
        MunicipalityFactory(name="Texel"),
    )
    ours, island = (
        SchoolFactory(municipality=den_helder),
        SchoolFactory(municipality=texel),
    )
    our_class = SchoolClassFactory(school=ours, groups=["groep-7-8"])
    island_class = SchoolClassFactory(school=island, groups=["groep-5-6"])
    # Coordinators see no class alone: a parallel class beside each.
    for school_class, moods in (
        (our_class, [6, 6, 7, 8, 6]),
        (island_class, [6, 6, 6, 7, 7]),
    ):
        add_check_in(school_class, moods)
        add_check_in(
            SchoolClassFactory(
                school=school_class.school,
                groups=["groep-7-8" if school_class == our_class else "groep-5-6"],
            ),
            moods,
        )
    # API clients: no admin access unless a test gives it.
    people = a_person_in_every_role(our_class, den_helder, person=UserFactory)
    return {"anonymous": None, **people}


ENDPOINTS = ["/api/v1/results/", "/api/v1/participation/"]
EXPECTED = {
    "anonymous": 401,
    "stranger": 403,
    "teacher": 200,
    "school_admin": 200,
    "coordinator": 200,
    "regional": 200,
}


@pytest.mark.parametrize("who", EXPECTED)
@pytest.mark.parametrize("url", ENDPOINTS)
def test_permission_matrix(client, people, who, url):
    if people[who]:
        client.force_login(people[who])
    response = client.get(url)
    assert response.status_code == EXPECTED[who]
    assert (
        response.json()["detail"]
        if response.status_code != 200
        else response.json()["results"] is not None
    )


@pytest.mark.parametrize("url", ["/api/v1/lessons/", "/api/v1/schema/"])
def test_public_endpoints_are_open(client, people, url):
    assert client.get(url).status_code == 200


def municipalities(client, user):
    client.force_login(user)
    return [
        row["municipality"]
        for row in client.get("/api/v1/results/", {"group_by": "municipality"}).json()[
            "results"
        ]
    ]


def test_each_coordinator_reads_her_own_scope(client, people):
    assert municipalities(client, people["coordinator"]) == ["den-helder"]
    assert municipalities(client, people["regional"]) == ["den-helder", "texel"]
    client.force_login(people["teacher"])
    body = client.get("/api/v1/results/", {"group_by": "class"}).json()
    assert body["threshold"] == 5 and len(body["results"]) == 1


def test_personal_tokens_for_scripts(client, people):
    token, key = AuthToken.objects.create(user=people["regional"])
    response = client.get(
        "/api/v1/results/",
        {"group_by": "school"},
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 200 and len(response.json()["results"]) == 2
    token.delete()
    assert (
        client.get("/api/v1/results/", HTTP_AUTHORIZATION=f"Token {key}").status_code
        == 401
    )


BAD_QUERIES = [
    ("/api/v1/results/", {"group_by": "pupil"}),
    ("/api/v1/results/", {"group_by": "class"}),  # coordinators never see a class
    ("/api/v1/results/", {"question": "naam"}),
    ("/api/v1/results/", {"kleur": "rood"}),
    ("/api/v1/results/", {"start": "morgen"}),
    ("/api/v1/participation/", {"period": "jaar"}),
    ("/api/v1/participation/", {"kleur": "rood"}),
    ("/api/v1/participation/", {"school": "de-vuurtoren"}),
    (
        "/api/v1/results/",
        {"school": "526841616817074546409472"},
    ),  # found by schemathesis: a 500 on SQLite
    ("/api/v1/participation/", {"lesson": "-1514"}),
]


@pytest.mark.parametrize("url, query", BAD_QUERIES)
def test_bad_queries_are_400_with_a_message(client, people, url, query):
    client.force_login(people["regional"])
    response = client.get(url, query)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_csv_has_the_same_rows_as_json(client, people):
    client.force_login(people["regional"])
    query = {"group_by": "municipality,week"}
    rows = client.get("/api/v1/results/", query).json()["results"]
    response = client.get("/api/v1/results/", {**query, "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "text/csv"
    )
    table = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    assert [
        (row["municipality"], row["week"], row["n"], row["counts_5"], row["mean"])
        for row in table
    ] == [
        (
            row["municipality"],
            row["week"],
            str(row["n"]),
            str(row["counts"]["5"]),
            str(row["mean"]),
        )
        for row in rows
    ]


def test_participation_counts_activity(client, people, answer, session):
    client.force_login(people["regional"])
    body = client.get("/api/v1/participation/", {"period": "month"}).json()
    assert body["period"] == "month"
    assert {
        "month",
        "lessons_given",
        "sessions",
        "classes",
        "schools",
        "answers",
    } <= set(body["results"][0])


def test_coordinator_makes_and_revokes_her_key_in_the_admin(client, people):
    from django.contrib.auth.models import Permission

    coordinator = people["coordinator"]
    coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(coordinator)
    assert client.get("/admin/api-sleutel/").status_code == 200
    made = client.post("/admin/api-sleutel/", {"action": "create"})
    token = AuthToken.objects.get(user=coordinator)
    assert f"Authorization: Token {token.token_key}" in made.content.decode()
    client.post("/admin/api-sleutel/", {"action": "revoke", "key": token.token_key})
    assert not AuthToken.objects.filter(user=coordinator).exists()


def test_staff_without_results_access_get_no_key(client, people):
    from django.contrib.auth.models import Permission

    stranger = people["stranger"]
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)
    # Wagtail answers a denied admin page with a redirect to the dashboard and a message.
    denied = client.get("/admin/api-sleutel/")
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    assert (
        client.post("/admin/api-sleutel/", {"action": "create"})["Location"]
        == "/admin/"
    )
    assert not AuthToken.objects.exists()


@pytest.mark.parametrize("who", EXPECTED)
def test_permission_matrix_of_every_endpoint(client, people, who, session):
    """Pupil and catalogue endpoints are the same for everyone; results follow the role."""
    if people[who]:
        client.force_login(people[who])
    statuses = {
        "lessons": client.get("/api/v1/lessons/").status_code,
        "session": client.get(f"/api/v1/sessions/{session.code}/").status_code,
        "checkin": client.post(
            "/api/v1/checkins/", data="{}", content_type="application/json"
        ).status_code,
        "results": client.get("/api/v1/results/").status_code,
        "participation": client.get("/api/v1/participation/").status_code,
        "schema": client.get("/api/v1/schema/").status_code,
    }
    assert statuses == {
        "lessons": 200,
        "session": 200,
        "checkin": 400,
        "results": EXPECTED[who],
        "participation": EXPECTED[who],
        "schema": 200,
    }
