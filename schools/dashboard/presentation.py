"""How the dashboard shows a section: its rows as a chart's data, a short text in words
and a data table (schools.dashboard.sections makes the sections, the engine their rows)."""

import datetime

from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lessons.models import GroupBand, LessonPage, Theme
from schools.checkins import questions
from schools.models import Moment, Municipality, School

# The words the pupils see under the faces.
FACES = {face["value"]: face["label"] for face in questions.FACES}


def names_for(viewer):
    """The names the tables show for slugs and ids. Every school's: a school that moved
    to another municipality keeps its past figures in the old one, under its name."""
    return {
        "municipality": dict(Municipality.objects.values_list("slug", "name")),
        "school": dict(School.objects.values_list("pk", "name")),
        "theme": dict(Theme.objects.values_list("slug", "name")),
        "lesson": dict(LessonPage.objects.values_list("pk", "title")),
        "group": {band.code: str(band) for band in GroupBand.objects.all()},
        "moment": dict(Moment.choices),
    }


def label_for(name, value, names):
    if value is None:
        return str(_("no lesson")) if name == "lesson" else str(_("none"))
    if name in ("week", "month"):
        day = datetime.date.fromisoformat(value)
        if name == "month":
            return formats.date_format(day, "F Y")
        return str(
            _("week of %(day)s") % {"day": formats.date_format(day, "DATE_FORMAT")}
        )
    return str(names.get(name, {}).get(value, value))


def table_rows(body):
    """The data table's rows as HTML, made once here rather than cell by cell in a template
    loop (a page can hold a thousand cells). The first cell heads its row."""
    too_few = str(TOO_FEW)
    rows = []
    for cells in body:
        parts = [format_html('<th scope="row">{}</th>', cells[0])]
        for cell in cells[1:]:
            if isinstance(cell, dict):
                parts.append(
                    format_html(
                        '<td colspan="{}" class="too-few">{}</td>',
                        cell["span"],
                        too_few,
                    )
                )
            else:
                parts.append(format_html("<td>{}</td>", cell))
        rows.append(mark_safe("<tr>" + "".join(parts) + "</tr>"))  # noqa: S308 (parts escaped)
    return mark_safe("\n".join(rows))  # noqa: S308 (rows escaped)


def _number(value):
    """A whole number as people read it: 106.586 in Dutch, 106,586 in English."""
    return formats.number_format(value, force_grouping=True)


def _pct(value):
    return "" if value is None else f"{value}%"


TOO_FEW = _("too few answers")


def present(section, names):
    """The table, the chart data and the text summary of one section's rows."""
    if section.kind == "participation":
        return _present_participation(section, names)
    if section.key in ("by_theme", "by_lesson", "before_after"):
        return _present_before_after(section, names)
    key = section.group_by[0]
    header = [
        str(_("Period")) if key in ("week", "month") else group_title(key),
        str(_("Answers")),
        *(f"{value} · {FACES[value]}" for value in FACES),
        str(_("Happy or very happy")),
    ]
    body = []
    labels, positive, stacks = [], [], {value: [] for value in FACES}
    for row in section.rows:
        label = label_for(key, row.get(key), names)
        labels.append(label)
        if row["suppressed"]:
            body.append([label, {"too_few": True, "span": len(header) - 1}])
            positive.append(None)
            for value in FACES:
                stacks[value].append(None)
            continue
        body.append(
            [
                label,
                _number(row["n"]),
                *(_pct(row["percentages"][str(value)]) for value in FACES),
                _pct(row["positive_pct"]),
            ]
        )
        positive.append(row["positive_pct"])
        for value in FACES:
            stacks[value].append(row["percentages"][str(value)])
    section.table = {"header": header, "body": body}
    section.chart = {
        "type": "distribution",
        "labels": labels,
        "series": [
            {"label": f"{value} · {FACES[value]}", "values": stacks[value]}
            for value in FACES
        ],
        "line": {"label": str(_("Happy or very happy")), "values": positive},
        "time": key
        in ("week", "month"),  # a trend line only over time; points otherwise
    }
    section.summary = _summary(labels, positive, time=key in ("week", "month"))


def group_title(key):
    return {
        "group": _("Group"),
        "municipality": _("Municipality"),
        "school": _("School"),
        "theme": _("Theme"),
        "lesson": _("Lesson"),
        "moment": _("Moment"),
    }[key]


def _summary(labels, positive, *, time):
    shown = [
        (label, value)
        for label, value in zip(labels, positive, strict=True)
        if value is not None
    ]
    hidden = len(labels) - len(shown)
    if not shown:
        return str(
            _("There are too few answers to show anything for these filters yet.")
        )
    parts = []
    if time:
        last_label, last = shown[-1]
        parts.append(
            str(
                _(
                    "In the last period shown (%(label)s), %(pct)s%% felt happy or very happy."
                )
                % {"label": last_label, "pct": last}
            )
        )
        if len(shown) > 1:
            first_label, first = shown[0]
            parts.append(
                str(
                    _("In the first (%(label)s) it was %(pct)s%%.")
                    % {"label": first_label, "pct": first}
                )
            )
    else:
        best = max(shown, key=lambda item: item[1])
        worst = min(shown, key=lambda item: item[1])
        if best[1] == worst[1]:
            parts.append(
                str(
                    _("Everywhere the same share felt happy or very happy: %(pct)s%%.")
                    % {"pct": best[1]}
                )
            )
        else:
            parts.append(
                str(
                    _(
                        "Highest share of happy pupils: %(best)s (%(b)s%%). Lowest: %(worst)s (%(w)s%%)."
                    )
                    % {"best": best[0], "b": best[1], "worst": worst[0], "w": worst[1]}
                )
            )
    if hidden:
        parts.append(
            ngettext(
                "%(count)s row has too few answers to show.",
                "%(count)s rows have too few answers to show.",
                hidden,
            )
            % {"count": hidden}
        )
    return " ".join(parts)


def _present_before_after(section, names):
    key = section.group_by[0] if section.group_by[0] != "moment" else None
    pairs = {}
    for row in section.rows:
        label = label_for(key, row.get(key), names) if key else str(_("All lessons"))
        pairs.setdefault(label, {})[row["moment"]] = row
    header = [
        group_title(key) if key else "",
        str(_("Start: answers")),
        str(_("Start: happy")),
        str(_("End: answers")),
        str(_("End: happy")),
        str(_("Difference")),
    ]
    body, labels, before, after = [], [], [], []
    for label, pair in sorted(pairs.items()):
        start, end = pair.get(Moment.LESSON_START), pair.get(Moment.LESSON_END)
        cells = [label]
        values = []
        for row in (start, end):
            if row is None or row["suppressed"]:
                cells.append({"too_few": True, "span": 2})
                values.append(None)
            else:
                cells += [_number(row["n"]), _pct(row["positive_pct"])]
                values.append(row["positive_pct"])
        if None in values:
            cells.append("")
        else:
            cells.append(f"{values[1] - values[0]:+d}")
        body.append(cells)
        labels.append(label)
        before.append(values[0])
        after.append(values[1])
    section.table = {"header": header, "body": body}
    section.chart = {
        "type": "before_after",
        "labels": labels,
        "series": [
            {"label": str(_("Start of the lesson")), "values": before},
            {"label": str(_("End of the lesson")), "values": after},
        ],
    }
    both = [
        (label, b, a)
        for label, b, a in zip(labels, before, after, strict=True)
        if b is not None and a is not None
    ]
    if not both:
        section.summary = str(
            _(
                "There are too few answers at the start and end of lessons to compare yet."
            )
        )
    elif key is None:
        _label_, b, a = both[0]
        section.summary = str(
            _(
                "At the start of a lesson %(b)s%% felt happy or very happy; at the end %(a)s%%."
            )
            % {"b": b, "a": a}
        )
    else:
        lift = max(both, key=lambda item: item[2] - item[1])
        section.summary = str(
            _(
                "%(count)s of %(total)s compared; the largest rise: %(label)s (from %(b)s%% to %(a)s%%)."
            )
            % {
                "count": len(both),
                "total": len(labels),
                "label": lift[0],
                "b": lift[1],
                "a": lift[2],
            }
        )


def _present_participation(section, names):
    per = section.group_by[0]
    header = [
        str(_("Period")),
        str(_("Lessons given")),
        str(_("Check-ins")),
        str(_("Class activities")),
        str(_("Answers")),
        str(_("Classes")),
        str(_("Schools")),
    ]
    body, labels = [], []
    for row in section.rows:
        label = label_for(per, row[per], names)
        labels.append(label)
        body.append(
            [
                label,
                *(
                    _number(row[name])
                    for name in (
                        "lessons_given",
                        "sessions",
                        "activities_held",
                        "answers",
                        "classes",
                        "schools",
                    )
                ),
            ]
        )
    section.table = {"header": header, "body": body}
    section.chart = {
        "type": "bars",
        "labels": labels,
        "series": [
            {
                "label": str(_("Lessons given")),
                "values": [row["lessons_given"] for row in section.rows],
            },
            {
                "label": str(_("Check-ins")),
                "values": [row["sessions"] for row in section.rows],
            },
        ],
    }
    totals = {
        name: sum(row[name] for row in section.rows)
        for name in ("lessons_given", "sessions", "answers")
    }
    section.summary = str(
        _(
            "In total %(lessons)s lessons given, %(sessions)s check-ins and %(answers)s answers that count in the results."
        )
        % {
            "lessons": _number(totals["lessons_given"]),
            "sessions": _number(totals["sessions"]),
            "answers": _number(totals["answers"]),
        }
    )
