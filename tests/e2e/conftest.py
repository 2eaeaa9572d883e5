"""End-to-end journeys in Debian's chromium, driven by Playwright.

On a machine without chromium the journeys are skipped with a hint; in CI (CI=true)
they always run, so a missing browser fails them."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"

# Playwright's sync API runs an event loop in the test thread; the test itself only
# prepares data and reads results, so Django's async guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def committing(item):
    """A test whose rows are committed; the database is emptied after it."""
    marker = item.get_closest_marker("django_db")
    return "live_server" in item.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    journeys = [item for item in items if "e2e" in item.path.parts]
    for item in journeys:
        item.add_marker(
            pytest.mark.django_db(transaction=True, serialized_rollback=True)
        )
    # Committing tests last, as Django orders them: each empties the database when it
    # ends (its rows come back only for the next committing test), so a test in a
    # transaction after them would find no root page, content types or permissions.
    # pytest-django sorts so too, but pytest's own grouping of parametrized fixtures
    # runs after it and moved the journeys into the middle (seen on 2026-12-02).
    # The long ones first within each group: under pytest-xdist the workers then end
    # together instead of one waiting for a long journey the other started last.
    items.sort(key=lambda item: (committing(item), not item.get_closest_marker("long")))
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    if os.environ.get("CI"):
        return  # CI installs chromium: a journey that cannot launch it fails.
    skip = pytest.mark.skip(
        reason="Debian's chromium is missing: install it with `sudo apt-get install chromium`."
    )
    for item in journeys:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
    }


@pytest.fixture
def screenshot(page):
    def take(name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def site_url(live_server, live_db):
    """The demo site's pages, served by a live server."""
    from cms.demo.site import load_site

    load_site()
    return live_server.url
