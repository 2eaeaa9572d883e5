def test_catalogue_is_public_and_filtered_like_the_library(client, lessons):
    response = client.get("/api/v1/lessons/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    first = body["results"][0]
    assert set(first) == {
        "id",
        "title",
        "slug",
        "url",
        "summary",
        "duration",
        "themes",
        "groups",
        "first_published_at",
        "last_published_at",
    }
    assert first["url"] == "http://testserver/lessen/ballon/"

    def slugs(query):
        return [
            row["slug"]
            for row in client.get("/api/v1/lessons/", query).json()["results"]
        ]

    assert slugs({"theme": "dankbaarheid"}) == ["bedankje", "dankbrief"]
    assert slugs({"group": "klas-1-2"}) == ["dankbrief"]
    assert slugs({"duration": 30}) == ["ballon", "bedankje"]
    assert slugs({"q": "ballon"}) == ["ballon"]
    # The names before API 1.1, taken for one release and marked deprecated.
    assert slugs({"thema": "dankbaarheid"}) == ["bedankje", "dankbrief"]
    assert slugs({"groep": "klas-1-2"}) == ["dankbrief"]
    assert slugs({"duur": 30}) == ["ballon", "bedankje"]
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    parameters = {
        p["name"]: p for p in schema["paths"]["/api/v1/lessons/"]["get"]["parameters"]
    }
    assert {"theme", "group", "duration", "q"} <= set(parameters)
    assert all(parameters[old].get("deprecated") for old in ("thema", "groep", "duur"))


def test_detail_has_the_plan(client, lessons):
    body = client.get("/api/v1/lessons/dankbrief/").json()
    assert body["title"] == "Een brief vol dank"
    assert [
        step["value"]["title"] for step in body["steps"] if step["type"] == "step"
    ] == ["Uitleg", "Schrijven", "Delen"]


def test_bad_filters_get_a_json_message(client, lessons):
    response = client.get("/api/v1/lessons/", {"group": "groep-9", "duration": "lang"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert "group" in body["errors"] and "duration" in body["errors"]
    old_names = client.get("/api/v1/lessons/", {"groep": "groep-9"})
    assert old_names.status_code == 400 and "groep" in old_names.json()["errors"]


def test_drafts_are_not_in_the_catalogue(client, lessons):
    lessons["ballon"].unpublish()
    assert client.get("/api/v1/lessons/ballon/").status_code == 404


def test_catalogue_is_documented_in_openapi(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/lessons/" in schema["paths"]
    parameters = {
        parameter["name"]
        for parameter in schema["paths"]["/api/v1/lessons/"]["get"]["parameters"]
    }
    assert {"thema", "groep", "duur", "q"} <= parameters
    assert not any(path.startswith("/admin/") for path in schema["paths"])
