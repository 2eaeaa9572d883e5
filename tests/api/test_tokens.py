"""Personal API keys: stored as a digest only, shown once, expiring, revocable; made and
revoked through the admin page with its CSRF token, as a browser does."""

import datetime
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import dateformat, timezone, translation
from knox.models import AuthToken

from schools.models import CoordinatorScope
from tests.factories import UserFactory

PAGE = "/admin/api-sleutel/"
NEW_KEY = re.compile(r'<code id="new-key">([0-9a-f]{64})</code>')


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()


def coordinator_in_the_admin():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    CoordinatorScope.objects.create(user=user, municipality=None)
    return user


@pytest.fixture
def admin_page(db):
    """The coordinator's browser in the admin: signed in, CSRF checked as in production."""
    client = Client(enforce_csrf_checks=True)
    client.user = coordinator_in_the_admin()
    client.force_login(client.user)
    return client


def post(admin_page, **data):
    page = admin_page.get(PAGE)
    assert page.status_code == 200
    csrf = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()
    ).group(1)
    return admin_page.post(PAGE, {**data, "csrfmiddlewaretoken": csrf})


def make_key(admin_page):
    response = post(admin_page, action="create")
    assert response.status_code == 200
    [key] = NEW_KEY.findall(response.content.decode())
    return key, response


def results(key):
    return Client().get("/api/v1/results/", HTTP_AUTHORIZATION=f"Token {key}")


def test_the_database_holds_no_key_in_plain_text(admin_page):
    key, _response = make_key(admin_page)
    assert results(key).status_code == 200  # `Authorization: Token …` as in the README
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                assert not any(key in str(value) for value in row), table
    token = AuthToken.objects.get(user=admin_page.user)
    assert len(token.digest) == 128 and key.startswith(token.token_key)


def test_a_new_key_is_shown_once(admin_page):
    key, made = make_key(admin_page)
    assert f"Authorization: Token {key}" in made.content.decode()
    assert "no-store" in made["Cache-Control"]
    later = admin_page.get(PAGE).content.decode()
    # Nothing past the 15 characters the database keeps to find a key (the revoke form's
    # field); the page shows the first eight.
    assert key[:16] not in later
    assert f"<code>{key[:8]}…</code>" in later
    token = AuthToken.objects.get(user=admin_page.user)
    with translation.override("nl"):
        for moment in (token.created, token.expiry):
            assert dateformat.format(timezone.localtime(moment), "j F Y") in later


def test_a_key_expires_after_api_token_days(admin_page, settings):
    key, _response = make_key(admin_page)
    token = AuthToken.objects.get(user=admin_page.user)
    lifetime = token.expiry - token.created
    assert abs(lifetime - datetime.timedelta(days=settings.API_TOKEN_DAYS)) < (
        datetime.timedelta(minutes=1)
    )
    assert results(key).status_code == 200
    AuthToken.objects.filter(pk=token.pk).update(
        expiry=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert results(key).status_code == 401
    assert not AuthToken.objects.filter(pk=token.pk).exists()  # knox deletes it


def test_revoking_one_key_stops_that_key_only(admin_page):
    first, _response = make_key(admin_page)
    second, _response = make_key(admin_page)
    prefix = AuthToken.objects.get(token_key=first[:15]).token_key
    revoked = post(admin_page, action="revoke", key=prefix)
    assert revoked.status_code == 302
    assert results(first).status_code == 401
    assert results(second).status_code == 200


def test_nobody_revokes_another_users_key(admin_page, db):
    _token, theirs = AuthToken.objects.create(user=coordinator_in_the_admin())
    post(admin_page, action="revoke", key=theirs[:15])
    assert results(theirs).status_code == 200


def test_making_or_revoking_a_key_needs_the_csrf_token(admin_page):
    _token, key = AuthToken.objects.create(user=admin_page.user)
    assert admin_page.post(PAGE, {"action": "create"}).status_code == 403
    assert (
        admin_page.post(PAGE, {"action": "revoke", "key": key[:15]}).status_code == 403
    )
    assert AuthToken.objects.filter(user=admin_page.user).count() == 1


def test_without_a_key_the_results_answer_401(db):
    response = Client().get("/api/v1/results/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    "credentials",
    [
        "\xff\xfe",  # not UTF-8: knox itself would fail with a 500
        "\x00" + "0" * 63,  # a NUL in the part knox looks up: PostgreSQL refuses it
        "0" * 63,
        "0" * 64,
        "G" * 64,
    ],
)
def test_anything_but_a_key_answers_401(db, credentials):
    response = Client().get(
        "/api/v1/results/", HTTP_AUTHORIZATION=f"Token {credentials}"
    )
    assert response.status_code == 401


def test_the_old_plain_tokens_are_dropped(db):
    assert not apps.is_installed("rest_framework.authtoken")
    migration = import_module("api.migrations.0001_drop_plain_tokens").Migration
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY)")
        cursor.execute("INSERT INTO authtoken_token VALUES ('plain-text-key')")
        for operation in migration.operations:
            cursor.execute(operation.sql)
    assert "authtoken_token" not in connection.introspection.table_names()
