"""Every number about check-ins that anyone sees passes through this package: pages,
exports and the API, for teachers and coordinators alike.

- viewers: who reads, under which threshold (`Viewer`, `viewer_for`)
- filters: the one reading of filters (`parse_filters`, `ResultsError`)
- atoms: the building blocks every figure is a sum of, and which of them may count
- engine: `results()`, the one way a figure is made, and `session_results()` for the board
- rollups: completed weeks summed ahead for coordinators
- participation: lessons given and check-ins held
- exports: the one export writer (flat columns, CSV, XLSX)"""

from schools.clock import last_complete_week
from schools.results.engine import POSITIVE, QUESTIONS, cell, results, session_results
from schools.results.exports import (
    Column,
    csv_lines,
    flat_columns,
    flat_row,
    people_csv_lines,
    people_xlsx_file,
)
from schools.results.filters import FILTERS, ResultsError, parse_filters
from schools.results.participation import participation
from schools.results.perturbation import parameters as perturbation_parameters
from schools.results.rollups import refresh_rollups, rollup_state
from schools.results.rules import in_force as rules_in_force
from schools.results.viewers import (
    GROUPINGS,
    Viewer,
    ViewerKind,
    viewer_for,
    viewer_for_request,
)

__all__ = [
    "FILTERS",
    "GROUPINGS",
    "POSITIVE",
    "QUESTIONS",
    "ResultsError",
    "Viewer",
    "ViewerKind",
    "cell",
    "Column",
    "csv_lines",
    "flat_columns",
    "flat_row",
    "last_complete_week",
    "parse_filters",
    "participation",
    "perturbation_parameters",
    "refresh_rollups",
    "results",
    "rules_in_force",
    "rollup_state",
    "session_results",
    "viewer_for",
    "viewer_for_request",
    "people_csv_lines",
    "people_xlsx_file",
]
