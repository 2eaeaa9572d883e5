"""Security hardening: the content security policy, the sign-in lockout and CSRF. Each test
tries what an attacker would try."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (piece.strip() for piece in header.split(";"))
        if part
    }


@pytest.mark.parametrize(
    "path",
    ["/", "/lessen/", "/doe-mee/", "/api/v1/docs/", "/api/v1/lessons/", "/nope/"],
)
def test_site_pages_get_a_strict_policy(client, home, library, path):
    response = client.get(path)
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name], name
        assert all(
            source == "'self'" or source.startswith("'nonce-")
            for source in directives[name]
        ), directives[name]
    assert "camera=()" in response["Permissions-Policy"]


def test_an_inline_script_needs_this_responses_nonce(client):
    """The API docs' one inline script carries the nonce of its own response: a nonce from
    another response (an attacker's copy) does not match the next one."""
    first = client.get("/api/v1/docs/")
    second = client.get("/api/v1/docs/")
    nonce = next(s for s in policy(first)["script-src"] if s.startswith("'nonce-"))
    assert f'nonce="{nonce[7:-1]}"' in first.content.decode()
    assert nonce not in policy(second)["script-src"]


def test_only_the_admin_allows_inline_script(admin_client):
    directives = policy(admin_client.get("/admin/"))
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["default-src"] == ["'self'"]  # still no other host


def test_sign_in_locks_after_five_failures_and_says_so_in_dutch(db):
    user = UserFactory(username="juf-anna")
    user.set_password("een-goed-wachtwoord")
    user.save()
    client = Client()
    statuses = [
        client.post(
            "/admin/login/", {"username": "juf-anna", "password": "geraden"}
        ).status_code
        for _attempt in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the form again, then the lock
    locked = client.post(
        "/admin/login/", {"username": "juf-anna", "password": "een-goed-wachtwoord"}
    )
    assert locked.status_code == 429
    assert "Te vaak geprobeerd" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by her failures.
    other = UserFactory(username="meester-bas")
    other.set_password("nog-een-goed-wachtwoord")
    other.save()
    response = Client().post(
        "/admin/login/",
        {"username": "meester-bas", "password": "nog-een-goed-wachtwoord"},
    )
    assert response.status_code == 302


def test_forms_of_signed_in_staff_need_the_csrf_token(db, school_class, teacher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    response = client.post(
        "/sessies/start/", {"school_class": school_class.pk, "moment": "standalone"}
    )
    assert response.status_code == 403
    assert not school_class.sessions.exists()
