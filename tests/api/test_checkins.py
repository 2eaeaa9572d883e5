import json
import uuid

import pytest
from django.core.cache import cache

from schools.checkins.services import close_session


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def get_session(client, code):
    return client.get(f"/api/v1/sessions/{code}/")


def post(client, body, **extra):
    return client.post(
        "/api/v1/checkins/",
        data=json.dumps(body) if not isinstance(body, str) else body,
        content_type="application/json",
        **extra,
    )


def test_session_gives_questions_and_a_one_time_token(client, session):
    response = get_session(client, session.code.lower())
    assert response.status_code == 200
    body = response.json()
    assert (
        body["code"] == session.code
        and body["open"] is True
        and body["question_set"] == "standard"
    )
    assert [question["name"] for question in body["questions"]] == [
        "mood",
        "energy",
        "feeling",
    ]
    assert [option["value"] for option in body["questions"][0]["options"]] == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert body["token"] != get_session(client, session.code).json()["token"]


def test_unknown_code_is_404_with_a_message(client, db):
    response = get_session(client, "QQQQQQ")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Deze code werkt niet")


def test_answer_201_then_200_for_the_same_key(client, session):
    token = get_session(client, session.code).json()["token"]
    body = {
        "code": session.code,
        "token": token,
        "key": str(uuid.uuid4()),
        "answers": {"mood": 4, "energy": "medium", "feeling": "rustig"},
    }
    first = post(client, body)
    assert first.status_code == 201 and first.json() == {"status": "stored"}
    again = post(client, body)
    assert again.status_code == 200 and again.json() == first.json()
    session.refresh_from_db()
    assert (
        session.n,
        session.mood_4,
        session.energy_medium,
        session.feeling_rustig,
    ) == (
        1,
        1,
        1,
        1,
    )


def test_the_old_name_of_the_join_code_still_works_for_one_release(client, session):
    """`session` was the join code's field until API 1.1 (docs/api.md): still taken."""
    token = get_session(client, session.code).json()["token"]
    body = {"session": session.code, "token": token, "key": str(uuid.uuid4())}
    assert post(client, {**body, "answers": {"mood": 4}}).status_code == 201
    session.refresh_from_db()
    assert session.n == 1
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    fields = schema["components"]["schemas"]["CheckIn"]["properties"]
    assert fields["session"]["deprecated"] is True
    assert "code" in fields


def test_without_a_join_code_it_is_400(client, session):
    token = get_session(client, session.code).json()["token"]
    body = {"token": token, "key": str(uuid.uuid4()), "answers": {}}
    response = post(client, body)
    assert response.status_code == 400
    assert "code" in response.json()["errors"]


def test_used_token_and_closed_session_are_409(client, session):
    token = get_session(client, session.code).json()["token"]
    post(
        client,
        {
            "code": session.code,
            "token": token,
            "key": str(uuid.uuid4()),
            "answers": {},
        },
    )
    used = post(
        client,
        {
            "code": session.code,
            "token": token,
            "key": str(uuid.uuid4()),
            "answers": {},
        },
    )
    assert (
        used.status_code == 409
        and used.json()["detail"] == "Je hebt al geantwoord. Bedankt!"
    )
    fresh = get_session(client, session.code).json()["token"]
    close_session(session=session)
    closed = post(
        client,
        {
            "code": session.code,
            "token": fresh,
            "key": str(uuid.uuid4()),
            "answers": {},
        },
    )
    assert closed.status_code == 409


def test_unknown_session_is_404(client, session):
    token = get_session(client, session.code).json()["token"]
    response = post(
        client,
        {"code": "QQQQQQ", "token": token, "key": str(uuid.uuid4()), "answers": {}},
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        {"answers": {"mood": 7}},
        {"answers": {"naam": "Sanne"}},
        {"answers": "blij"},
        {"key": "geen-uuid"},
        {"token": "vervalst"},
        {"code": None},
    ],
)
def test_invalid_input_is_400_with_a_message(client, session, change):
    token = get_session(client, session.code).json()["token"]
    body = {
        "code": session.code,
        "token": token,
        "key": str(uuid.uuid4()),
        "answers": {"mood": 3},
        **change,
    }
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["detail"]
    session.refresh_from_db()
    assert session.n == 0


@pytest.mark.parametrize("raw", ["{", "[]", "null", '"x"', '{"session": 1}'])
def test_malformed_bodies_are_400(client, session, raw):
    assert post(client, raw).status_code == 400


@pytest.mark.parametrize(
    "raw",
    [
        "[" * 2000 + "]" * 2000,  # past Python's recursion limit: was a 500
        '{"answers": ' + '{"a": ' * 500 + "1" + "}" * 501,
        '{"answers": ' + "[" * 40 + "]" * 40 + "}",  # parses, but nests past the bound
    ],
)
def test_deeply_nested_json_is_400_with_a_message(client, session, raw):
    response = post(client, raw)
    assert response.status_code == 400
    assert response.json()["detail"] == "De JSON is te diep genest."
    session.refresh_from_db()
    assert session.n == 0


def test_oversized_bodies_are_413(client, session):
    body = {
        "code": session.code,
        "token": "x",
        "key": str(uuid.uuid4()),
        "answers": {"mood": 3, "x": "a" * 10_000},
    }
    assert post(client, body).status_code == 413


def test_pupil_endpoints_ignore_staff_sessions_and_need_no_csrf(session, teacher):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(teacher)
    token = browser.get(f"/api/v1/sessions/{session.code}/").json()["token"]
    response = post(
        browser,
        {
            "code": session.code,
            "token": token,
            "key": str(uuid.uuid4()),
            "answers": {"mood": 5},
        },
    )
    assert response.status_code == 201


def test_answers_are_throttled_per_client(client, session, monkeypatch):
    from schools.checkins.throttling import HashedScopedRateThrottle

    monkeypatch.setattr(
        HashedScopedRateThrottle, "THROTTLE_RATES", {"pupils": "3/minute"}
    )
    statuses = [get_session(client, session.code).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert get_session(client, session.code).json()["detail"]
    other_school = client.get(
        f"/api/v1/sessions/{session.code}/", REMOTE_ADDR="192.0.2.77"
    )
    assert other_school.status_code == 200


def test_check_in_endpoints_are_documented(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/sessions/{code}/" in schema["paths"]
    responses = schema["paths"]["/api/v1/checkins/"]["post"]["responses"]
    assert {"200", "201", "400", "404", "409", "413", "429"} <= set(responses)
