"""Every number about check-ins that anyone sees passes through this package."""

from schools.results.engine import *  # noqa: F403
from schools.results.engine import (  # noqa: F401
    _rollup_state,
    last_complete_week,
    refresh_rollups,
    rollup_state,
    week_of,
)
