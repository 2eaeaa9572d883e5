import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_home_page_is_dutch_by_default(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Naar de inhoud" in html
    assert "Voor leerkrachten" in html
    assert 'href="/en/"' in html


def test_english_under_en_keeps_dutch_content_marked_as_dutch(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert "For teachers" in html
    assert '<div class="wrap" lang="nl">' in html


def test_language_switch_keeps_the_page(client, home):
    html = client.get("/privacy/").content.decode()
    assert 'href="/en/privacy/"' in html
    html = client.get("/en/privacy/").content.decode()
    assert 'href="/privacy/"' in html


def test_statements_are_published(client, home):
    for url, title in [
        ("/privacy/", "Privacyverklaring"),
        ("/toegankelijkheid/", "Toegankelijkheid"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert f"<h1>{title}</h1>" in response.content.decode()


def test_page_not_found_is_dutch(client, home):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "We kunnen deze pagina niet vinden" in response.content.decode()


def test_server_error_page_is_dutch(client, home):
    from django.views.defaults import server_error

    response = server_error(client.get("/").wsgi_request)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.django_db
def test_healthz_ok_with_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}


def test_healthz_503_without_database():
    """A real unreachable database, in a process of its own so the test database stays untouched."""
    code = "import django; django.setup(); from django.test import Client; r = Client().get('/healthz', HTTP_HOST='localhost'); print(r.status_code, r.content.decode())"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        result.stdout.strip() == '503 {"status": "unavailable", "database": false}'
    ), result.stderr
    assert time.monotonic() - started < 15, "a dead database must fail fast"


def test_without_database_pages_and_the_api_answer_503_quickly():
    """A real unreachable database, in a process of its own: a pupil joining (API) and a
    pupil's page get a 503 with Retry-After within seconds, not a 500 and not a hang."""
    code = (
        "import django, json; django.setup(); from django.test import Client; c = Client();"
        "a = c.get('/api/v1/sessions/K7RM4Q/', HTTP_HOST='localhost');"
        "p = c.get('/doe-mee/K7RM4Q/', HTTP_HOST='localhost');"
        "print(a.status_code, a['Retry-After'], p.status_code, p['Retry-After'], a.json()['detail'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.startswith("503 5 503 5 "), result.stdout + result.stderr
    assert (
        "even niet bereikbaar" in result.stdout.lower()
        or "probeer" in result.stdout.lower()
    )
    assert time.monotonic() - started < 20
