import random
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction


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


def test_signed_in_staff_get_a_cached_page_of_their_own(
    admin_client, client, lessons, page_cache
):
    """Issue 15: every teacher is signed in, so the lesson page and the library come from
    the cache for staff too, in a copy of their own (its menu has "Mijn klassen"); from
    the cache a page costs the session and nothing else."""
    first, cold = queries_for(admin_client, "/lessen/bedankje/")
    second, warm = queries_for(admin_client, "/lessen/bedankje/")
    assert cold > 5 and warm == 1  # the session
    assert second.content == first.content
    assert "Mijn klassen" in second.content.decode()
    assert "Mijn klassen" not in client.get("/lessen/bedankje/").content.decode()
    queries_for(admin_client, "/lessen/?thema=rust")
    assert queries_for(admin_client, "/lessen/?thema=rust")[1] == 1


def test_what_is_her_own_is_never_stored_for_staff(
    admin_client, lessons, page_cache, stored
):
    """Presentation mode lists her own classes and holds a CSRF token: never stored, for
    anyone signed in; nor any page that used a CSRF token."""
    admin_client.get("/lessen/bedankje/klas/")
    admin_client.get("/lessen/bedankje/klas/")
    assert stored == []
    admin_client.get("/lessen/bedankje/print/")
    assert len(stored) == 1


def test_a_signed_out_session_gets_the_visitors_page(client, lessons, page_cache):
    client.get("/lessen/bedankje/")
    client.cookies["sessionid"] = "nobody-signed-in"
    _, queries = queries_for(client, "/lessen/bedankje/")
    assert queries == 1  # the (empty) session, then the visitors' copy


def test_other_views_are_never_cached(client, lessons, page_cache):
    client.get("/api/v1/lessons/")
    _, queries = queries_for(client, "/api/v1/lessons/")
    assert queries > 0
    client.get("/healthz")
    _, queries = queries_for(client, "/healthz")
    assert queries == 1


# Finding 6 of issue 13: view restrictions, renewal on every hit, one entry per query string.


@pytest.fixture
def stored(monkeypatch):
    """The keys of the pages the middleware writes into the cache."""
    keys = []
    real_set = cache.set

    def spy(key, *args, **kwargs):
        if key.startswith("page:"):
            keys.append(key)
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    return keys


def restrict(page, kind=PageViewRestriction.LOGIN):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="een-geheim"
    )


def test_a_page_restricted_to_signed_in_users_leaves_the_cache_at_once(
    client, lessons, page_cache
):
    lesson = lessons["bedankje"]
    assert client.get("/lessen/bedankje/").status_code == 200
    assert "Een bedankje in de kring" in client.get("/lessen/").content.decode()
    restriction = restrict(lesson)
    response = client.get("/lessen/bedankje/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert "Een bedankje in de kring" not in client.get("/lessen/").content.decode()
    restriction.delete()
    assert client.get("/lessen/bedankje/").status_code == 200
    assert "Een bedankje in de kring" in client.get("/lessen/").content.decode()


def test_a_restriction_above_a_page_counts_too(client, library, lessons, page_cache):
    client.get("/lessen/bedankje/")
    client.get("/lessen/bedankje/klas/")
    restrict(library, PageViewRestriction.PASSWORD)
    for path in ("/lessen/", "/lessen/bedankje/", "/lessen/bedankje/klas/"):
        response = client.get(path)
        assert "Een bedankje in de kring" not in response.content.decode(), path
        assert (
            "private" in response["Cache-Control"]
            and "no-store" in response["Cache-Control"]
        )


def test_a_restricted_page_is_never_stored(client, lessons, page_cache, stored):
    """Even when its restriction lets the request through without a session: Wagtail marks
    the page private and no-store, and the cache keeps to that."""
    restrict(lessons["bedankje"], PageViewRestriction.PASSWORD)
    with mock.patch.object(
        PageViewRestriction, "accept_request", return_value=True, autospec=True
    ):
        assert client.get("/lessen/bedankje/").status_code == 200
    assert stored == []
    client.get("/lessen/ballon/")
    assert len(stored) == 1


def test_a_hit_does_not_renew_the_entry(client, lessons, page_cache, stored):
    client.get("/lessen/bedankje/")
    for _ in range(3):
        _, queries = queries_for(client, "/lessen/bedankje/")
        assert queries == 0
    assert len(stored) == 1


def test_random_query_strings_store_nothing(client, lessons, page_cache, stored):
    rng = random.Random(13)
    urls = [
        f"{path}?{rng.choice(['x', 'utm_source', 'thema', 'pagina', 'q'])}={rng.randrange(10**9)}"
        for path in (
            "/lessen/",
            "/lessen/bedankje/",
            "/lessen/bedankje/klas/",
            "/privacy/",
        )
        for _ in range(50)
    ]
    for url in urls:
        assert client.get(url).status_code == 200
    assert stored == []
    # Asked again, each is rendered afresh: nothing was kept for them.
    _, queries = queries_for(client, urls[0])
    assert queries > 0


def test_the_library_stores_one_entry_per_real_filter(
    client, lessons, page_cache, stored
):
    first, cold = queries_for(client, "/lessen/?thema=rust")
    # The form as a browser submits it (every field, most of them empty) is the same list.
    same, warm = queries_for(client, "/lessen/?q=&thema=rust&groep=&duur=")
    assert cold > 5 and warm == 0 and same.content == first.content
    assert len(stored) == 1
    for url in (
        "/lessen/?thema=bestaat-niet",  # not a theme: the form is invalid
        "/lessen/?duur=17",  # not one of the durations
        "/lessen/?q=ballon",  # a search: anyone's words
        "/lessen/?pagina=999",  # shows the last page, which is page 1
        "/lessen/?thema=rust&thema=rust",
    ):
        client.get(url)
        _, queries = queries_for(client, url)
        assert queries > 0, url
    assert len(stored) == 1
    client.get("/lessen/?groep=groep-1-2&duur=20")
    _, queries = queries_for(client, "/lessen/?duur=20&groep=groep-1-2")
    assert queries == 0 and len(stored) == 2


@pytest.mark.parametrize(
    "change", ["deactivated", "new password", "new password, then signed in elsewhere"]
)
def test_a_session_that_no_longer_signs_in_gets_no_staff_copy(
    client, lessons, page_cache, change
):
    """A teacher who left the school (her account switched off) or whose password was
    changed elsewhere is signed out on her next request: the cached copy for staff (its
    menu has "Mijn klassen") must not reach her old session either."""
    from tests.factories import staff

    teacher = staff()
    client.force_login(teacher)
    for _ in range(2):  # the second visit comes from the cache
        assert "Mijn klassen" in client.get("/lessen/bedankje/").content.decode()
    if change == "deactivated":
        teacher.is_active = False
    else:
        teacher.set_password("een-nieuw-wachtwoord")
    teacher.save()
    if change.endswith("elsewhere"):  # her new session is let in, and vouched for
        from django.test import Client

        elsewhere = Client()
        elsewhere.force_login(teacher)
        assert "Mijn klassen" in elsewhere.get("/lessen/bedankje/").content.decode()
    response = client.get("/lessen/bedankje/")
    assert response.status_code == 200
    assert "Mijn klassen" not in response.content.decode()
