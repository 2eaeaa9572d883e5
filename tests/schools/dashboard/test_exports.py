"""The dashboard's exports, for people: read as Dutch Excel reads them (a byte order mark,
`;` between columns, decimal commas, day-month-year), with Dutch headers and titles, and
holding exactly the API's figures for the same sections."""

import csv
import datetime
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from schools.dashboard.presentation import FACES, names_for
from schools.models import Moment
from schools.results import viewer_for
from tests.schools.dashboard.rows import DASHBOARD, api_rows, as_dutch_excel, flat, norm

# The headers people read, and the API's names for the same figures (the spec: a header
# renamed here must be renamed on purpose).
FIGURES = {
    "Antwoorden": "n",
    "Gemiddelde": "mean",
    "Blij of heel blij (%)": "positive_pct",
    "Gegeven lessen": "lessons_given",
    "Gehouden check-ins": "sessions",
    "Gehouden klassenactiviteiten": "activities_held",
    "Klassen": "classes",
    "Scholen": "schools",
    **{f"{value} · {face}: aantal": f"counts_{value}" for value, face in FACES.items()},
    **{
        f"{value} · {face}: deel (%)": f"percentages_{value}"
        for value, face in FACES.items()
    },
}
GROUPINGS = {
    "Week (vanaf maandag)": "week",
    "Maand": "month",
    "Gemeente": "municipality",
    "School": "school",
    "Thema": "theme",
    "Les": "lesson",
    "Groep": "group",
    "Moment": "moment",
}


def _dutch_number(text):
    """A number as Dutch writes it: 1.234,5 (Excel nl reads it so)."""
    return text.replace(".", "").replace(",", ".")


def _dutch_date(text):
    day, month, year = (int(part) for part in text.split("-"))
    return datetime.date(year, month, day).isoformat()


def api_form(line, names):
    """An exported line in the API's flat form, to compare with the API's rows."""
    ids = {
        key: {name: value for value, name in names.get(key, {}).items()}
        for key in GROUPINGS.values()
    }
    ids["lesson"]["geen les"] = None
    out = {}
    for header, text in line.items():
        if text == "" or header == "Onderdeel":
            continue
        if header == "Opmerking":
            assert text == "te weinig antwoorden"
            out["suppressed"] = "True"
        elif header in GROUPINGS:
            key = GROUPINGS[header]
            if key == "week":
                out[key] = _dutch_date(text)
            else:
                value = ids[key].get(text, text)
                out[key] = norm(value) if value is not None else ""
        else:
            out[FIGURES[header]] = norm(_dutch_number(text))
    if "lessons_given" in out or "sessions" in out:  # participation: answers, no rule
        if "n" in out:
            out["answers"] = out.pop("n")
    elif "suppressed" not in out:
        out["suppressed"] = "False"
    return {key: value for key, value in out.items() if value != ""}


def expected_form(row):
    flat_row = flat(row)
    if "lessons_given" in flat_row or "sessions" in flat_row:
        flat_row.pop("suppressed", None)
    return {key: value for key, value in flat_row.items() if value != ""}


@pytest.mark.parametrize("who", ["coordinator", "regional", "teacher"])
def test_the_exports_hold_exactly_the_apis_rows_in_dutch(client, pilot, who):
    client.force_login(pilot[who])
    query = (
        {"start": "2026-09-01", "theme": "dankbaarheid"} if who == "regional" else {}
    )
    sections = client.get(DASHBOARD, query).context["sections"]
    api = {str(section.title): api_rows(client, section) for section in sections}
    assert any(api.values())
    names = names_for(viewer_for(pilot[who]))
    names["moment"] = {value: str(label) for value, label in Moment.choices}

    response = client.get(f"{DASHBOARD}export.csv", query)
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    lines = as_dutch_excel(b"".join(response.streaming_content))
    assert list(lines[0])[:2] == ["Onderdeel", "Week (vanaf maandag)"]
    for title, rows in api.items():
        exported = [
            api_form(line, names) for line in lines if line["Onderdeel"] == title
        ]
        assert exported == [expected_form(row) for row in rows], title

    response = client.get(f"{DASHBOARD}export.xlsx", query)
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames[0] == "Over dit bestand"
    for sheet, (title, rows) in zip(workbook.worksheets[1:], api.items(), strict=True):
        assert title.startswith(sheet.title.strip()), (sheet.title, title)
        header, *body = list(sheet.iter_rows(values_only=True))
        assert len(body) == len(rows), title
        for cells, row in zip(body, rows, strict=True):
            line = dict(zip(header, cells, strict=True))
            figures = flat(row)
            if "lessons_given" in figures:  # participation: its answers are "answers"
                figures["n"] = figures.pop("answers", "")
            for name, value in line.items():
                if name in FIGURES and value is not None:
                    assert isinstance(value, int | float), (title, name, value)
                    assert norm(value) == figures[FIGURES[name]], (title, name)
            if "Week (vanaf maandag)" in line:
                assert line["Week (vanaf maandag)"].date().isoformat() == row["week"]
        for cell in next(sheet.iter_cols(min_col=1, max_col=1, min_row=2)):
            if header[0] == "Week (vanaf maandag)":
                assert cell.number_format == "d-m-yyyy"


def test_the_apis_csv_stays_for_programs(client, pilot):
    """The API's CSV is read by programs: commas, the API's names, slugs and ids."""
    client.force_login(pilot["regional"])
    response = client.get(
        "/api/v1/results/", {"group_by": "municipality", "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8")
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0].startswith("municipality,suppressed,n,")
    assert "den-helder" in text


@pytest.mark.parametrize("who", ["coordinator", "teacher"])
def test_coordinators_are_told_where_a_class_alone_in_its_group_counts(
    client, pilot, who
):
    """Why the age groups can add up to less than the school: said on the page and on
    the workbook's first sheet, to coordinators (teachers' figures have no rests)."""
    said = "enige van haar leeftijdsgroep op school"
    client.force_login(pilot[who])
    page = client.get(DASHBOARD).content.decode()
    response = client.get(f"{DASHBOARD}export.xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    about = " ".join(
        str(value)
        for row in workbook.worksheets[0].iter_rows(values_only=True)
        for value in row
        if value
    )
    assert (said in page, said in about) == (who == "coordinator",) * 2


def test_a_title_that_looks_like_a_formula_stays_text():
    """A lesson's title is written by a teacher: "=HYPERLINK(...)" must not become a
    formula in the office's spreadsheet (CSV: a leading apostrophe; XLSX: a text cell)."""
    from schools import results

    columns = [
        results.Column("lesson", "Les"),
        results.Column("n", "Antwoorden", "whole"),
        results.Column("week", "Week", "date"),
        results.Column("note", "Opmerking"),
    ]
    rows = [
        {"lesson": '=HYPERLINK("http://example.com","klik")', "n": 12},
        {"lesson": "-1+2", "n": 10},
        {"lesson": "@som", "n": 11},
        {"lesson": "Dank je wel", "n": 13},
    ]
    with translation.override("nl"):
        text = "".join(results.people_csv_lines([(columns, rows)]))
    lines = as_dutch_excel(text.encode())
    assert [line["Les"] for line in lines] == [
        '\'=HYPERLINK("http://example.com","klik")',
        "'-1+2",
        "'@som",
        "Dank je wel",
    ]
    target = io.BytesIO()
    results.people_xlsx_file([("Lessen", columns, rows)], about=["=1+1"], target=target)
    target.seek(0)
    workbook = load_workbook(target)
    cells = [row[0] for row in workbook["Lessen"].iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == [row["lesson"] for row in rows]
    assert {cell.data_type for cell in cells} == {"s"}
    assert workbook.worksheets[0]["A1"].data_type == "s"
    assert [row[1].value for row in workbook["Lessen"].iter_rows(min_row=2)] == [
        12,
        10,
        11,
        13,
    ]


@pytest.mark.parametrize(
    ("language", "excel_separator"), [("en", ";"), ("nl", ",")], ids=["en", "nl"]
)
def test_a_formula_after_the_other_separator_stays_text(language, excel_separator):
    """Excel splits on the computer's list separator, which may be the other one: a title
    like "Rust;=cmd..." must stay one text field (found by a red-team review)."""
    from schools import results

    columns = [
        results.Column("lesson", "Les"),
        results.Column("n", "Antwoorden", "whole"),
    ]
    title = f"Rust{excel_separator}=cmd|' /C calc'!A0{excel_separator}"
    with translation.override(language):
        text = "".join(
            results.people_csv_lines([(columns, [{"lesson": title, "n": 12}])])
        )
    cells = [
        cell
        for line in csv.reader(
            io.StringIO(text.lstrip("\ufeff")), delimiter=excel_separator
        )
        for cell in line
    ]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))], cells


@pytest.mark.parametrize("export", ["export.xlsx", "export.csv"])
def test_a_lesson_title_with_a_control_character_still_exports(
    client, pilot, lessons, export
):
    """A soft line break pasted from Word into a title (openpyxl refuses it): the
    export still works, with a space in its place."""
    from lessons.models import LessonPage

    LessonPage.objects.filter(pk=lessons["bedankje"].pk).update(
        title="Een bedankje\x0bin de kring"
    )
    client.force_login(pilot["coordinator"])
    response = client.get(f"{DASHBOARD}{export}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export.endswith(".csv"):
        assert b"Een bedankje in de kring" in content
    else:
        workbook = load_workbook(io.BytesIO(content))
        values = {
            cell
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        }
        assert "Een bedankje in de kring" in values
