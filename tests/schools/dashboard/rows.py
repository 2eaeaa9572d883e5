"""What the dashboard tests compare: the API's rows for a section, figures as text, and
a CSV file read as Dutch Excel reads it."""

import csv
import io

from schools.results import flat_row

DASHBOARD = "/admin/resultaten/"


def api_rows(client, section):
    path = "/api/v1/results/" if section.kind == "results" else "/api/v1/participation/"
    response = client.get(path, section.api_query())
    assert response.status_code == 200
    return response.json()["results"]


def norm(value):
    """The same figure, whichever file it came through ("3", 3, 3.0 and "3.0" alike)."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    try:
        return repr(float(value))
    except ValueError:
        return str(value)


def flat(row):
    return {key: norm(value) for key, value in flat_row(row).items()}


def as_dutch_excel(raw):
    """The rows of a CSV file as Dutch Excel opens it: UTF-8 only with a byte order mark,
    the list separator `;`. Fails when the file would open as one column."""
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark: Excel guesses ANSI"
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(lines[0]) > 3, "the file opens as one column"
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]
