"""The results dashboard: what coordinators and teachers see, print and export.

Every figure comes from schools.results (the one engine, the same suppression). A section is
one engine query; the page shows its rows as a chart, a short text and a table, and the
exports write exactly those rows, the same as `/api/v1/results/` gives for the same query."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from schools import results
from schools.dashboard.presentation import names_for, present, table_rows
from schools.models import Moment

BEFORE_AFTER = f"{Moment.LESSON_START},{Moment.LESSON_END}"
# A school week's rest (schools.results.atoms), said for coordinators; the dashboard's
# "about" text says the same.
ALONE_IN_GROUP = _(
    "A class that is the only one of its age group at its school that week counts "
    "together with the other such classes of its school: in the figures of the school "
    "and the municipality, not in those per age group, lesson or moment. So those can "
    "add up to less than the total."
)


@dataclass
class Section:
    key: str
    title: str
    kind: str  # "results" or "participation"
    group_by: list
    filters: dict
    rows: list = field(default_factory=list)
    intro: str = ""
    caution: str = ""
    summary: str = ""
    table: dict = field(default_factory=dict)
    chart: dict = field(default_factory=dict)

    @property
    def table_html(self):
        return table_rows(self.table.get("body", []))

    @property
    def chart_id(self):
        return f"chart-data-{self.key}"

    def api_query(self):
        """The same query for /api/v1/results/ (or participation/), as URL parameters."""
        query = dict(self.filters)
        if self.kind == "results":
            query["group_by"] = ",".join(self.group_by)
        else:
            query["period"] = self.group_by[0]
        return query


def build(viewer, form, *, state=None):
    """Every section for a valid filter form, in the order they are shown."""
    filters = form.engine_filters()
    per = form.period
    sections = [
        Section(
            "participation",
            _("Taking part"),
            "participation",
            [per],
            filters,
            intro=_(
                "Lessons given, check-ins held, and the classes and schools that took part."
            ),
        ),
        Section(
            "over_time",
            _("How pupils feel over time"),
            "results",
            [per],
            filters,
            intro=_(
                "The answers to “How do you feel?”, per period. The line is the share of "
                "pupils who feel happy or very happy."
            ),
        ),
        Section(
            "before_after",
            _("Before and after a lesson"),
            "results",
            ["moment"],
            {**filters, "moment": BEFORE_AFTER},
            caution=_(
                "Careful: this is not research with a control group. Pupils may feel "
                "better at the end of a lesson because of the lesson, but also because of "
                "something else, such as the break that is coming. Small differences can be "
                "chance. Use these figures to ask questions, not as proof."
            ),
        ),
        Section(
            "by_theme",
            _("Before and after, per theme"),
            "results",
            ["theme", "moment"],
            {**filters, "moment": BEFORE_AFTER},
        ),
        Section(
            "by_lesson",
            _("Which lessons lift the mood?"),
            "results",
            ["lesson", "moment"],
            {**filters, "moment": BEFORE_AFTER},
            intro=_(
                "Per lesson: the share of pupils who feel happy or very happy at the start "
                "and at the end. Lessons with too few answers are not shown."
            ),
        ),
        Section(
            "by_group",
            _("Per group"),
            "results",
            ["group"],
            filters,
        ),
    ]
    if not viewer.is_teacher:
        sections.append(
            Section(
                "by_school",
                _("Per school"),
                "results",
                ["school"],
                filters,
                intro=_(
                    "The schools side by side. A school is shown once it has enough "
                    "answers from enough classes; otherwise its row says “too few "
                    "answers”."
                ),
            )
        )
    if not viewer.is_teacher and viewer.municipality_id is None:
        sections.append(
            Section(
                "by_municipality",
                _("Per municipality"),
                "results",
                ["municipality"],
                filters,
                intro=_("Den Helder, Schagen and Texel side by side."),
            )
        )
    names = names_for(viewer)
    for section in sections:
        if section.kind == "participation":
            section.rows = results.participation(
                viewer=viewer, filters=section.filters, period=per
            )["results"]
        else:
            section.rows = results.results(
                viewer=viewer,
                group_by=section.group_by,
                filters=section.filters,
                state=state,
            )["results"]
        present(section, names)
    return sections
