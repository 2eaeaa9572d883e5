"""The one export writer: result rows as flat columns, as CSV (streamed line by line) or
as an XLSX workbook, for the API's `?format=csv` and the dashboard's exports alike."""

import csv
import io


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


def csv_lines(tables, *, label=None):
    """CSV text, one line at a time (for a streaming response), of `tables`: (key, rows)
    pairs. With `label`, a first column of that name holds each row's table key."""
    tables = [(key, list(rows)) for key, rows in tables]
    columns = flat_columns(row for _key, rows in tables for row in rows)
    if label:
        columns = [label, *columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")

    def flush():
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writeheader()
    yield flush()
    for key, rows in tables:
        for row in rows:
            writer.writerow({label: key, **flat_row(row)} if label else flat_row(row))
            yield flush()


def xlsx_file(tables, *, about, target):
    """A workbook: a first sheet with the lines of `about`, then one sheet per (key, rows)
    table with its rows."""
    from django.utils.translation import gettext as _
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("About"))
    for line in about:
        sheet.append(line if isinstance(line, list) else [line])
    for key, rows in tables:
        sheet = workbook.create_sheet(key[:31])
        columns = flat_columns(rows)
        sheet.append(columns)
        for row in rows:
            flat = flat_row(row)
            sheet.append([flat.get(name) for name in columns])
    workbook.save(target)
