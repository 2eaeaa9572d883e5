def titles(response):
    return [lesson.title for lesson in response.context["lessons"]]


def test_library_lists_live_lessons_by_title(client, lessons):
    response = client.get("/lessen/")
    assert response.status_code == 200
    assert titles(response) == [
        "Ademen als een ballon",
        "Een bedankje in de kring",
        "Een brief vol dank",
    ]
    assert "3 lessen gevonden" in response.content.decode()


def test_filters_by_theme_group_and_duration(client, lessons):
    assert titles(client.get("/lessen/?thema=dankbaarheid")) == [
        "Een bedankje in de kring",
        "Een brief vol dank",
    ]
    assert titles(client.get("/lessen/?groep=klas-1-2")) == ["Een brief vol dank"]
    assert titles(client.get("/lessen/?duur=30")) == [
        "Ademen als een ballon",
        "Een bedankje in de kring",
    ]
    assert titles(
        client.get("/lessen/?thema=dankbaarheid&groep=groep-3-4&duur=30")
    ) == ["Een bedankje in de kring"]


def test_full_text_search_combines_with_filters(client, lessons):
    assert titles(client.get("/lessen/?q=ballon")) == ["Ademen als een ballon"]
    assert titles(client.get("/lessen/?q=dankbrief")) == ["Een brief vol dank"]
    assert titles(client.get("/lessen/?q=brief&groep=groep-1-2")) == []


def test_a_search_with_quotes_or_signs_searches_its_words(client, lessons):
    """Found by schemathesis: a quote broke the SQLite search (a 503, on the page and
    in the API). A search is its words; signs around them do not matter."""
    for query in ('"ballon', '"ademen" (ballon)*', "ballon:", "-ballon^"):
        response = client.get("/lessen/", {"q": query})
        assert response.status_code == 200
        assert titles(response) == ["Ademen als een ballon"]
        api = client.get("/api/v1/lessons/", {"q": query})
        assert api.status_code == 200
        assert [lesson["slug"] for lesson in api.json()["results"]] == ["ballon"]
    for query in ('"', "'", "*", "()"):
        assert client.get("/lessen/", {"q": query}).status_code == 200
        assert client.get("/api/v1/lessons/", {"q": query}).status_code == 200


def test_draft_lessons_are_not_listed(client, lessons):
    lessons["ballon"].unpublish()
    assert "Ademen als een ballon" not in titles(client.get("/lessen/"))


def test_empty_state_helps_the_teacher_on(client, lessons):
    response = client.get("/lessen/?q=olifant")
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 lessen gevonden" in html
    assert "Kies minder filters" in html
    assert 'href="/lessen/"' in html


def test_unknown_filter_values_get_a_friendly_message_not_an_error(client, lessons):
    response = client.get("/lessen/?thema=bestaat-niet&duur=7&groep=groep-9")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert len(titles(response)) == 3


def test_form_works_without_javascript_and_labels_every_field(client, lessons):
    html = client.get("/lessen/").content.decode()
    assert 'method="get"' in html
    for name in ["q", "thema", "groep", "duur"]:
        assert f'<label for="id_{name}">' in html
    assert "<script" not in html


def test_pagination_keeps_the_filters(client, library, themes):
    from tests.factories import LessonPageFactory

    for number in range(14):
        LessonPageFactory(
            parent=library, title=f"Les {number:02}", themes=[themes["rust"]]
        )
    response = client.get("/lessen/?thema=rust")
    assert len(titles(response)) == 12
    html = response.content.decode()
    assert 'href="?thema=rust&amp;pagina=2"' in html
    assert len(titles(client.get("/lessen/?thema=rust&pagina=2"))) == 2
    assert client.get("/lessen/?pagina=99").status_code == 200


def test_home_page_leads_teachers_to_the_library(client, library):
    html = client.get("/").content.decode()
    assert 'href="/lessen/"' in html
    assert "Zoek een les" in html
