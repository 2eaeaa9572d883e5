"""The one export writer: result rows as flat columns, as CSV (streamed line by line) or
as an XLSX workbook. Two audiences: programs get the API's rows as they are (`?format=csv`:
commas, the API's names and ids); people get the dashboard's exports in their own language
(headers in words, titles, dates and numbers as they write them, typed workbook cells).
docs/api.md and docs/decisions.md say why."""

import csv
import io
import re
from dataclasses import dataclass

from django.utils import formats


def flat_row(row):
    """One result row as flat columns (counts_1, percentages_1, ...), for CSV and XLSX."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{inner}": item for inner, item in value.items()})
        else:
            flat[key] = value
    return flat


def flat_columns(rows):
    """The columns of these rows once flattened, in the order they first appear."""
    return list(dict.fromkeys(name for row in rows for name in flat_row(row)))


def csv_lines(rows):
    """The API's CSV text of result rows, one line at a time (for a streaming response)."""
    rows = list(rows)
    columns = flat_columns(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")

    def flush():
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writeheader()
    yield flush()
    for row in rows:
        writer.writerow(flat_row(row))
        yield flush()


# --- Exports for people: typed columns, in the reader's language.


@dataclass(frozen=True)
class Column:
    """One column of an export for people: its key in the rows, its header and its kind
    of value: "text", "date" (a day), "month" (its first day), "whole", "percent" (a
    whole percentage) or "decimal"."""

    key: str
    header: str
    kind: str = "text"


# The workbook's cell formats per kind (Excel shows them in its own language).
XLSX_FORMATS = {
    "date": "d-m-yyyy",
    "month": "mmmm yyyy",
    "whole": "#,##0",
    "percent": '0"%"',
    "decimal": "0.00",
}


# Text that a spreadsheet would run as a formula starts with one of these (a lesson's title
# is written by a teacher): in the CSV it gets a leading apostrophe, as OWASP advises; in
# the workbook it is a text cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# Control characters (a soft line break pasted from Word) are not allowed in a workbook
# (openpyxl refuses them) and mean nothing in a spreadsheet: a space instead.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(value):
    return CONTROL_CHARACTERS.sub(" ", str(value))


def _text(value):
    text = _clean(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _xlsx_cell(sheet, value, kind="text"):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(
        sheet, value=_clean(value) if isinstance(value, str) else value
    )
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
    elif kind in XLSX_FORMATS:
        cell.number_format = XLSX_FORMATS[kind]
    return cell


def _as_text(value, kind):
    """A value as the reader's language writes it in a spreadsheet: in Dutch 1-12-2026,
    december 2026 and 3,25 (Dutch Excel reads these as a date and a number)."""
    if value is None or value == "":
        return ""
    if kind == "date":
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if kind == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    if kind in ("whole", "percent", "decimal"):
        return formats.number_format(value, decimal_pos=2 if kind == "decimal" else 0)
    return _text(value)


def _csv_field(text):
    """One field, in double quotes when it holds a `;` or a `,` (either may be the
    reader's list separator: Excel splits on the computer's, not the file's, and "Rust;=cmd"
    must stay one text field), a double quote or a line break."""
    if any(char in text for char in ';,"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def people_csv_lines(tables):
    """CSV for a spreadsheet in the reader's language, one line at a time: a byte order
    mark first (so Excel reads UTF-8), and `;` between the columns where the decimal
    separator is a comma (as Dutch Excel expects; a `,` otherwise). `tables` are
    (columns, rows) pairs with typed values; the header is every column once."""
    columns = list(
        {column.key: column for cols, _rows in tables for column in cols}.values()
    )
    comma_decimals = formats.get_format("DECIMAL_SEPARATOR") == ","
    separator = ";" if comma_decimals else ","

    def line(fields):
        return separator.join(_csv_field(field) for field in fields) + "\r\n"

    yield "\ufeff" + line(_clean(column.header) for column in columns)
    for _cols, rows in tables:
        for row in rows:
            yield line(_as_text(row.get(column.key), column.kind) for column in columns)


def people_xlsx_file(sheets, *, about, target):
    """A workbook: a first sheet with the lines of `about`, then one sheet per (title,
    columns, rows), its cells typed (dates as dates, counts as numbers)."""
    from django.utils.translation import gettext as _
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("About this file"))
    for line in about:
        values = line if isinstance(line, list) else [line]
        sheet.append([_xlsx_cell(sheet, value) for value in values])
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append([_xlsx_cell(sheet, column.header) for column in columns])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, row.get(c.key), c.kind) for c in columns])
    workbook.save(target)
