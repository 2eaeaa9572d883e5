"""The results dashboard (/admin/resultaten/), its exports and print view, and a teacher's
class page: who sees what, and that every figure is the engine's (and so the API's)."""

import csv
import io

import pytest
from django.core.cache import cache

from schools import clock
from tests.factories import (
    MONDAY,
    add_check_in,
    counted_for_coordinators,
    shown,
    shown_for_coordinators,
)
from tests.schools.dashboard.rows import DASHBOARD, api_rows, flat, norm


def shown_answers(sessions):
    """What a teacher's check-ins show in all, worked out in Python: the engine's figures."""
    return sum(sum(shown(session).values()) for session in sessions)


def of(pilot, *, municipality=None, classes=None):
    return [
        s
        for s in pilot["sessions"]
        if (municipality is None or s.municipality_id == municipality.pk)
        and (classes is None or s.school_class_id in {c.pk for c in classes})
    ]


def hidden_for_a_teacher(session):
    """A teacher's check-in does not count when it shows (nearly) one value only."""
    counts = list(shown(session).values())
    return max(counts) >= sum(counts) - 1


def sections_of(response):
    return {section.key: section for section in response.context["sections"]}


def answers_in(section):
    return sum(row.get("n", 0) for row in section.rows)


@pytest.mark.parametrize(
    "who, status",
    [
        ("anonymous", 302),
        ("stranger", 403),
        ("teacher", 200),
        ("school_admin", 200),
        ("coordinator", 200),
        ("regional", 200),
    ],
)
@pytest.mark.parametrize(
    "path",
    [
        DASHBOARD,
        f"{DASHBOARD}afdrukken/",
        f"{DASHBOARD}export.csv",
        f"{DASHBOARD}export.xlsx",
    ],
)
def test_who_may_open_the_dashboard_and_its_exports(client, pilot, who, status, path):
    if who != "anonymous":
        client.force_login(pilot[who])
    response = client.get(path)
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_a_municipality_coordinator_sees_only_her_municipality(client, pilot):
    client.force_login(pilot["coordinator"])
    response = client.get(DASHBOARD)
    sections = sections_of(response)
    # Den Helder: six classes, a start and an end of 12 answers each, three weeks.
    assert answers_in(sections["over_time"]) == sum(
        shown_for_coordinators(
            counted_for_coordinators(of(pilot, municipality=pilot["den_helder"]))
        ).values()
    )
    assert "by_municipality" not in sections
    assert "municipality" not in response.context["form"].fields
    content = response.content.decode()
    assert "Het Eiland" not in content
    assert "De Vuurtoren" in content  # the school filter offers her own schools


def test_the_regional_coordinator_compares_the_municipalities(client, pilot):
    client.force_login(pilot["regional"])
    sections = sections_of(client.get(DASHBOARD))
    by_municipality = {
        row["municipality"]: row for row in sections["by_municipality"].rows
    }
    assert set(by_municipality) == {pilot["den_helder"].slug, pilot["texel"].slug}
    texel = sum(
        shown_for_coordinators(
            counted_for_coordinators(of(pilot, municipality=pilot["texel"]))
        ).values()
    )
    assert by_municipality[pilot["texel"].slug]["n"] == texel
    texel_only = sections_of(client.get(DASHBOARD, {"municipality": "texel"}))
    assert answers_in(texel_only["over_time"]) == texel


def test_a_teacher_sees_only_her_own_class(client, pilot):
    client.force_login(pilot["teacher"])
    response = client.get(DASHBOARD)
    sections = sections_of(response)
    ours = of(pilot, classes=[pilot["classes"]["ours"]])
    assert answers_in(sections["over_time"]) == shown_answers(
        [s for s in ours if not hidden_for_a_teacher(s)]
    )
    assert "De Duinroos" not in response.content.decode()
    assert "by_municipality" not in sections


def test_a_coordinator_compares_the_schools_of_her_municipality(client, pilot):
    """Per school, within the rules: each row is the engine's figure for that school (the
    same sum of counting atoms as everywhere), and only her municipality's schools."""
    client.force_login(pilot["coordinator"])
    response = client.get(DASHBOARD)
    by_school = sections_of(response)["by_school"]
    classes = pilot["classes"]
    expected = {
        "De Vuurtoren": ["ours", "ours_parallel", "ours_young", "ours_young_parallel"],
        "De Duinroos": ["other", "other_parallel"],
    }
    shown_rows = {cells[0]: cells[1] for cells in by_school.table["body"]}
    assert set(shown_rows) == set(expected)  # Het Eiland is Texel's
    for school, names in expected.items():
        answers = shown_for_coordinators(
            counted_for_coordinators(of(pilot, classes=[classes[n] for n in names]))
        )
        assert shown_rows[school] == str(sum(answers.values()))
    client.force_login(pilot["teacher"])
    assert "by_school" not in sections_of(client.get(DASHBOARD))


def test_the_page_starts_with_a_short_overview_and_marks_the_running_week(
    client, pilot
):
    client.force_login(pilot["coordinator"])
    response = client.get(DASHBOARD)
    content = response.content.decode()
    overview = content.index('id="overview-title"')
    assert overview < content.index('id="participation-title"')
    for section in response.context["sections"]:
        if section.summary:
            assert f'<a href="#{section.key}-title">' in content[overview:]
    running = clock.week_of(clock.today())
    assert "Deze week telt nog niet mee." in content
    assert f"De week van {running.day} " in content
    # Teachers' figures are per closed check-in: no running week to explain.
    client.force_login(pilot["teacher"])
    assert "Deze week telt nog niet mee." not in client.get(DASHBOARD).content.decode()


def test_what_has_too_few_answers_says_so_and_shows_no_figures(client, pilot, lessons):
    # A lesson whose start has enough answers and whose end has two.
    third = lessons["dankbrief"]
    starts = [
        add_check_in(
            pilot["classes"][name], [6, 6, 7, 6, 6], week=MONDAY, lesson_key=third.pk
        )
        for name in ("ours", "ours_parallel")
    ]
    add_check_in(
        pilot["classes"]["ours"],
        [1, 1, 0, 0, 0],
        week=MONDAY,
        lesson_key=third.pk,
        moment="lesson_end",
    )
    client.force_login(pilot["coordinator"])
    response = client.get(DASHBOARD)
    by_lesson = sections_of(response)["by_lesson"]
    title = third.title
    row = next(cells for cells in by_lesson.table["body"] if cells[0] == title)
    start = [shown_for_coordinators(starts)[v] for v in range(1, 6)]
    happy = round(100 * (start[3] + start[4]) / sum(start))
    assert row[1:3] == [str(sum(start)), f"{happy}%"]  # the start, as it is shown
    assert row[3] == {"too_few": True, "span": 2} and row[4] == ""
    assert [r["moment"] for r in by_lesson.rows if r.get("lesson") == third.pk] == [
        "lesson_start"
    ]
    content = response.content.decode()
    assert 'class="too-few">te weinig antwoorden</td>' in content
    # Nothing at all for these filters: the total is suppressed and carries nothing.
    response = client.get(DASHBOARD, {"start": "2027-01-04"})
    over_time = sections_of(response)["over_time"]
    assert over_time.rows == []
    assert "Nog geen resultaten met deze filters." in response.content.decode()


def test_every_chart_has_a_summary_and_a_data_table(client, pilot):
    client.force_login(pilot["regional"])
    response = client.get(DASHBOARD)
    content = response.content.decode()
    for section in response.context["sections"]:
        assert section.summary
        assert f'data-chart="{section.chart_id}"' in content
        assert (
            f'id="{section.chart_id}"' in content
        )  # the chart's figures (json_script)
    assert content.count('class="results-table"') == len(response.context["sections"])
    assert 'role="img"' in content
    assert "geen onderzoek met een controlegroep" in content  # the caution, in Dutch
    assert "/static/vendor/chartjs/chart.umd.min" in content


def test_the_url_keeps_the_filters_and_bad_filters_get_a_clear_error(client, pilot):
    client.force_login(pilot["regional"])
    query = {
        "municipality": "den-helder",
        "start": "2026-09-01",
        "end": "2026-09-20",
        "group": "groep-7-8",
        "theme": "dankbaarheid",
        "per": "month",
    }
    response = client.get(DASHBOARD, query)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.cleaned_data["municipality"] == "den-helder"
    content = response.content.decode()
    assert 'value="2026-09-01"' in content
    assert "export.csv?" in content and "municipality=den-helder" in content
    over_time = sections_of(response)["over_time"]
    assert [row["month"] for row in over_time.rows] == ["2026-09-01"]
    for bad in (
        {"start": "2026-10-01", "end": "2026-09-01"},
        {"start": "gisteren"},
        {"school": "999999999999"},
        {"group": "groep-9"},
        {"end": "9999-12-31"},  # was a 500: a week past the last date there is
        {"start": "0001-01-01"},
        {"start": "2026-09-01\x00"},
    ):
        response = client.get(DASHBOARD, bad)
        assert response.status_code == 400
        assert 'class="results-error"' in response.content.decode()
        assert client.get(f"{DASHBOARD}export.csv", bad).status_code == 400


def test_the_print_view_is_an_a4_report_with_the_filters_and_date(client, pilot):
    client.force_login(pilot["regional"])
    response = client.get(f"{DASHBOARD}afdrukken/", {"municipality": "texel"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Gemeente: Texel" in content
    assert "Gemaakt op" in content
    assert "dashboard.css" in content
    css = open("schools/static/schools/dashboard.css", encoding="utf-8").read()
    assert "size: A4" in css


def test_the_dashboard_costs_a_bounded_number_of_queries(
    client, pilot, django_assert_max_num_queries
):
    client.force_login(pilot["regional"])
    client.get(DASHBOARD)
    # Nine sections (one engine query each, participation four: lessons given, check-ins,
    # class activities held, answers), the names, the user.
    with django_assert_max_num_queries(43):
        client.get(DASHBOARD, {"per": "month"})


def test_a_teacher_sees_her_class_page_and_no_other(client, pilot):
    client.force_login(pilot["teacher"])
    ours = pilot["classes"]["ours"]
    response = client.get(f"/sessies/klas/{ours.pk}/")
    assert response.status_code == 200
    assert response.context["lessons_given"] == 3
    sections = {section.key: section for section in response.context["sections"]}
    hers = of(pilot, classes=[pilot["classes"]["ours"]])
    assert answers_in(sections["over_time"]) == shown_answers(
        [s for s in hers if not hidden_for_a_teacher(s)]
    )
    other = pilot["classes"]["other"]
    assert client.get(f"/sessies/klas/{other.pk}/").status_code == 404
    assert f"/sessies/klas/{ours.pk}/" in client.get("/mijn/").content.decode()


def test_the_vendored_chart_library_is_the_locked_version():
    import json
    import re

    lock = json.load(open("cms/frontend/package-lock.json", encoding="utf-8"))
    version = lock["packages"]["node_modules/chart.js"]["version"]
    head = open("cms/static/vendor/chartjs/chart.umd.min.js", encoding="utf-8").read(
        200
    )
    assert re.search(r"Chart\.js v(\S+)", head).group(1) == version


def _api_csv(client, path, query):
    response = client.get(path, {**query, "format": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return [
        {name: norm(value) for name, value in line.items() if value != ""}
        for line in csv.DictReader(io.StringIO(text))
    ]


def _figures(rows):
    return [
        {name: value for name, value in flat(row).items() if value != ""}
        for row in rows
    ]


@pytest.mark.parametrize("who", ["coordinator", "regional", "teacher"])
def test_the_same_query_gives_the_same_figures_everywhere_and_every_time(
    client, pilot, who
):
    """Perturbation must not make figures differ between interfaces or requests (an
    attacker who could ask again would average the noise away): the API's JSON, asked
    twice, its CSV, the dashboard's sections and, after the rollups are refreshed, the
    API again all hold the same figures."""
    from django.core.management import call_command

    client.force_login(pilot[who])
    groupings = ["week", "school", "group,moment", "lesson", "theme"]
    if who == "teacher":
        groupings.append("class")
    first = {}
    for group_by in groupings:
        for question in ("mood",):  # the pilot's check-ins count faces only
            query = {"group_by": group_by, "question": question}
            rows = client.get("/api/v1/results/", query).json()["results"]
            assert rows, query
            assert client.get("/api/v1/results/", query).json()["results"] == rows
            assert _api_csv(client, "/api/v1/results/", query) == _figures(rows)
            first[group_by, question] = rows
    for section in client.get(DASHBOARD).context["sections"]:
        assert _figures(section.rows) == _figures(api_rows(client, section))
    call_command("refresh_result_rollups")
    cache.clear()
    for (group_by, question), rows in first.items():
        query = {"group_by": group_by, "question": question}
        assert client.get("/api/v1/results/", query).json()["results"] == rows


def test_the_board_shows_what_the_api_gives_for_that_check_in(client, pilot):
    client.force_login(pilot["teacher"])
    session = next(
        s for s in pilot["sessions"] if s.school_class_id == pilot["classes"]["ours"].pk
    )
    board = client.get(f"/sessies/{session.code}/status/").json()
    assert board["open"] is False
    for question, cell in board["results"].items():
        query = {"session": session.pk, "question": question}
        [row] = client.get("/api/v1/results/", query).json()["results"]
        assert row == cell
        assert client.get(f"/sessies/{session.code}/status/").json() == board
