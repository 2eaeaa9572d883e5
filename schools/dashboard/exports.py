"""The dashboard's exports, for people: the sections' rows (exactly those the page shows,
the same as the API gives) with headers in words, titles instead of slugs and ids, and
dates and numbers as the reader's language writes them. schools.results writes the files."""

import datetime

from django.utils.translation import gettext as _

from schools import clock, results
from schools.dashboard.presentation import FACES, group_title, label_for, names_for
from schools.dashboard.sections import ALONE_IN_GROUP

PERIODS = ("week", "month")


def _participation_columns():
    return [
        results.Column("lessons_given", _("Lessons given"), "whole"),
        results.Column("sessions", _("Check-ins held"), "whole"),
        results.Column("activities_held", _("Class activities held"), "whole"),
        results.Column("classes", _("Classes"), "whole"),
        results.Column("schools", _("Schools"), "whole"),
        # "n" as in the other sections, so that one file has one column of answers
        results.Column("n", _("Answers"), "whole"),
    ]


def _grouping_column(key):
    if key == "week":
        return results.Column("week", _("Week (from Monday)"), "date")
    if key == "month":
        return results.Column("month", _("Month"), "month")
    return results.Column(key, str(group_title(key)))


def _figure_columns(rows):
    """The figures the rows hold, in a fixed order: answers, the count and share of each
    face, the mean, the share happy; a note where a row shows nothing."""
    shown = [row for row in rows if not row.get("suppressed")]
    values = list(dict.fromkeys(value for row in shown for value in row["counts"]))
    columns = [results.Column("n", _("Answers"), "whole")]
    for value in values:
        name = _face(value)
        columns.append(
            results.Column(
                f"counts_{value}", _("%(answer)s: number") % {"answer": name}, "whole"
            )
        )
    for value in values:
        name = _face(value)
        columns.append(
            results.Column(
                f"percentages_{value}",
                _("%(answer)s: share (%%)") % {"answer": name},
                "percent",
            )
        )
    if any("mean" in row for row in shown):
        columns.append(results.Column("mean", _("Mean"), "decimal"))
    if any("positive_pct" in row for row in shown):
        columns.append(
            results.Column("positive_pct", _("Happy or very happy (%)"), "percent")
        )
    columns.append(results.Column("note", _("Note")))
    return columns


def _face(value):
    face = FACES.get(int(value)) if str(value).isdigit() else None
    return f"{value} · {face}" if face else str(value)


def _typed(key, value, names):
    if value is None:
        return label_for(key, value, names)
    if key in PERIODS:
        return datetime.date.fromisoformat(value)
    return label_for(key, value, names)


def table(section, names):
    """(columns, rows) of one section for people."""
    grouping = [_grouping_column(key) for key in section.group_by]
    if section.kind == "participation":
        figures = _participation_columns()
    else:
        figures = _figure_columns(section.rows)
    rows = []
    for row in section.rows:
        out = {} if row.get("suppressed") else results.flat_row(row)
        if section.kind == "participation":
            out["n"] = out.pop("answers", None)
        if row.get("suppressed"):
            out["note"] = _("too few answers")
        out.update({key: _typed(key, row.get(key), names) for key in section.group_by})
        rows.append(out)
    return grouping + figures, rows


def csv_lines(sections, *, viewer):
    """One CSV of every section: a first column says which part of the page a row is."""
    names = names_for(viewer)
    part = results.Column("section", _("Part"))
    tables = []
    for section in sections:
        columns, rows = table(section, names)
        tables.append(
            ([part, *columns], [{"section": str(section.title), **row} for row in rows])
        )
    return results.people_csv_lines(tables)


def _sheet_title(title, taken):
    """A sheet's name: the section's title, at most 31 characters and none of []:*?/\\."""
    name = "".join(" " if char in "[]:*?/\\" else char for char in str(title))[:31]
    name = name.strip() or "?"
    while name in taken:
        name = f"{name[:28]} {len(taken)}"
    taken.add(name)
    return name


def xlsx_file(sections, *, title, described, viewer, target):
    """A workbook: a sheet with the filters and the rules, then one sheet per section."""
    rules = results.rules_in_force()
    names = names_for(viewer)
    about = [
        title,
        [_("Made on"), clock.today()],
        *(described or [_("No filters")]),
        _("Too few answers: the row shows no figures (privacy)."),
        *([] if viewer.is_teacher else [str(ALONE_IN_GROUP)]),
        _(
            "All figures are changed a little, so that no answer can be traced "
            "(the cell key method): each count of a check-in, or for coordinators "
            "of a school's group in one week, lesson and moment, is off by at most "
            "%(most)s, and 1 to %(small)s answers are never shown as such."
        )
        % {"most": rules["max_deviation"], "small": rules["small"]},
    ]
    taken = {_("About this file")}
    sheets = [
        (_sheet_title(section.title, taken), *table(section, names))
        for section in sections
    ]
    results.people_xlsx_file(sheets, about=about, target=target)
