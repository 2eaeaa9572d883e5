import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_second_visit_comes_from_the_cache(client, lessons, page_cache):
    first, cold = queries_for(client, "/lessen/bedankje/")
    second, warm = queries_for(client, "/lessen/bedankje/")
    assert cold > 5 and warm == 0
    assert second.content == first.content


def test_publishing_shows_the_change_at_once(client, lessons, page_cache):
    lesson = lessons["bedankje"]
    client.get("/lessen/bedankje/")
    lesson.title = "Een nieuwe titel"
    lesson.save_revision().publish()
    assert "Een nieuwe titel" in client.get("/lessen/bedankje/").content.decode()
    lesson.unpublish()
    assert client.get("/lessen/bedankje/").status_code == 404


def test_languages_and_query_strings_are_cached_apart(client, lessons, page_cache):
    assert "Start in de klas" in client.get("/lessen/bedankje/").content.decode()
    assert "Start in class" in client.get("/en/lessen/bedankje/").content.decode()
    assert len(client.get("/lessen/?thema=rust").context["lessons"]) == 1
    assert (
        client.get("/lessen/?thema=dankbaarheid")
        .content.decode()
        .count('class="lesson-card"')
        == 2
    )


def test_signed_in_staff_always_get_a_fresh_page(admin_client, lessons, page_cache):
    admin_client.get("/lessen/bedankje/")
    _, queries = queries_for(admin_client, "/lessen/bedankje/")
    assert queries > 0


def test_other_views_are_never_cached(client, lessons, page_cache):
    client.get("/api/v1/lessons/")
    _, queries = queries_for(client, "/api/v1/lessons/")
    assert queries > 0
    client.get("/healthz")
    _, queries = queries_for(client, "/healthz")
    assert queries == 1
