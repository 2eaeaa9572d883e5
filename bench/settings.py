"""Production settings with one addition: the benchmark's no-database ceiling view."""

from cms.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
