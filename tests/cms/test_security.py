"""Security hardening: the content security policy, the sign-in lockout and CSRF. Each test
tries what an attacker would try."""

import pytest
from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings

from schools.checkins.throttling import client_key
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


PROXY = "10.0.0.2"  # the reverse proxy: every request arrives from it
ATTACKER = "198.51.100.7"
COORDINATOR = "203.0.113.20"
LOCKOUT_HANDLERS = [
    "axes.handlers.cache.AxesCacheHandler",  # with Redis
    "axes.handlers.database.AxesDatabaseHandler",  # without
]


def sign_in(username, password, **meta):
    return Client().post(
        "/admin/login/", {"username": username, "password": password}, **meta
    )


@pytest.fixture
def coordinator_account(db):
    user = UserFactory(username="coordinator")
    user.set_password("een-goed-wachtwoord")
    user.save()
    return user


@pytest.mark.parametrize("handler", LOCKOUT_HANDLERS)
def test_behind_the_proxy_failures_lock_out_their_own_address_only(
    coordinator_account, handler
):
    """Five wrong passwords for the coordinator's name from one place must not lock her
    out everywhere: behind the proxy, the address is the one the proxy appended."""
    with override_settings(AXES_HANDLER=handler, NUM_PROXIES=1):
        statuses = [
            sign_in(
                "coordinator",
                "geraden",
                REMOTE_ADDR=PROXY,
                # the attacker forges addresses of her own; the proxy appends hers
                HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, {ATTACKER}",
            ).status_code
            for attempt in range(5)
        ]
        assert statuses == [200, 200, 200, 200, 429]
        assert (
            sign_in(
                "coordinator",
                "een-goed-wachtwoord",
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=ATTACKER,
            ).status_code
            == 429
        )
        at_the_office = sign_in(
            "coordinator",
            "een-goed-wachtwoord",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=COORDINATOR,
        )
        assert at_the_office.status_code == 302


@pytest.mark.parametrize("handler", LOCKOUT_HANDLERS)
def test_without_a_proxy_a_forged_forwarded_for_changes_no_address(
    coordinator_account, handler
):
    with override_settings(AXES_HANDLER=handler, NUM_PROXIES=0):
        statuses = [
            sign_in(
                "coordinator",
                "geraden",
                REMOTE_ADDR=ATTACKER,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
            ).status_code
            for attempt in range(5)
        ]
    assert statuses == [200, 200, 200, 200, 429]


def forwarded(header, remote=PROXY):
    return RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=header)


def test_the_throttles_and_the_lockout_count_the_same_address():
    first = forwarded(f"192.0.2.1, {ATTACKER}")
    again = forwarded(f"192.0.2.2, {ATTACKER}")
    other = forwarded(COORDINATOR)
    with override_settings(NUM_PROXIES=1):
        assert get_client_ip_address(first) == get_client_ip_address(again) == ATTACKER
        assert client_key(first) == client_key(again) != client_key(other)
    with override_settings(NUM_PROXIES=0):
        assert get_client_ip_address(first) == get_client_ip_address(other) == PROXY
        assert client_key(first) == client_key(other)


@pytest.mark.parametrize(
    "header",
    [
        f'198.51.100.99, "x, {ATTACKER}',  # a quote that would swallow what follows
        f"198.51.100.99, for=192.0.2.1;by=x, {ATTACKER}",
        f"not-an-address, {ATTACKER}",
        f"198.51.100.99,{ATTACKER}",
    ],
)
def test_nothing_a_client_writes_in_the_header_picks_her_address(header):
    with override_settings(NUM_PROXIES=1):
        assert get_client_ip_address(forwarded(header)) == ATTACKER


def test_behind_two_proxies_the_address_is_the_second_from_the_right():
    with override_settings(NUM_PROXIES=2):
        request = forwarded(f"192.0.2.1, {ATTACKER}, 10.0.0.1")
        assert get_client_ip_address(request) == ATTACKER
        # Fewer entries than proxies: the request did not come through them all.
        assert get_client_ip_address(forwarded(ATTACKER)) == PROXY


def test_forms_of_signed_in_staff_need_the_csrf_token(db, school_class, teacher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    response = client.post(
        "/sessies/start/", {"school_class": school_class.pk, "moment": "standalone"}
    )
    assert response.status_code == 403
    assert not school_class.sessions.exists()
