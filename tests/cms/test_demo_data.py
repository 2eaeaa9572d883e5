import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms.models import HomePage, SiteSettings, StandardPage

ROOT = Path(__file__).resolve().parents[2]


def test_demo_data_is_idempotent(db, settings):
    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = True  # make run: dev settings on SQLite
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    counts = (Page.objects.count(), get_user_model().objects.count())
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    assert (Page.objects.count(), get_user_model().objects.count()) == counts

    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert set(StandardPage.objects.child_of(home).values_list("slug", flat=True)) == {
        "privacy",
        "toegankelijkheid",
    }
    assert SiteSettings.for_site(site).contact_email
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_demo_admin_uses_the_demo_password(db, settings, monkeypatch):
    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = True  # make run: dev settings on SQLite
    monkeypatch.setenv("DEMO_PASSWORD", "een-ander-wachtwoord")
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    admin = get_user_model().objects.get(username="beheerder")
    assert admin.is_superuser
    assert admin.check_password("een-ander-wachtwoord")


def test_no_demo_users_when_debug_is_off(db, settings, capsys):
    settings.DEBUG = False
    call_command("load_demo_data", "--no-check-ins")
    assert not get_user_model().objects.exists()
    assert "no demo users" in capsys.readouterr().out
    assert HomePage.objects.exists()


def test_demo_library_is_rich_enough_to_try_everything(db, settings):
    from django.contrib.auth.models import Group

    from lessons.models import LessonIndexPage, LessonPage, LessonSeriesPage
    from lessons.services import REVIEWERS, TEACHERS

    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = True  # make run: dev settings on SQLite
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users", verbosity=0)
    lessons = LessonPage.objects.live()
    assert lessons.count() >= 12
    assert LessonIndexPage.objects.get().url == "/lessen/"
    assert (
        len(
            {
                theme
                for lesson in lessons
                for theme in lesson.themes.values_list("slug", flat=True)
            }
        )
        >= 6
    )
    groups = {
        code
        for lesson in lessons
        for code in lesson.groups.values_list("code", flat=True)
    }
    assert groups == {"groep-1-2", "groep-3-4", "groep-5-6", "groep-7-8", "klas-1-2"}
    for lesson in lessons:
        steps = [block for block in lesson.steps if block.block_type == "step"]
        assert 4 <= len(steps) <= 7, lesson.slug
        assert sum(len(block.value["activities"]) for block in steps) >= 2, lesson.slug
        assert lesson.steps_minutes == lesson.duration, lesson.slug
        assert lesson.hero_image and lesson.hero_image_alt, lesson.slug
    series = LessonSeriesPage.objects.live()
    assert series.count() == 2
    assert all(
        item.measure_at_start and item.measure_at_end and len(item.get_lessons()) >= 3
        for item in series
    )
    assert (
        get_user_model()
        .objects.get(username="leerkracht")
        .groups.filter(name=TEACHERS)
        .exists()
    )
    assert (
        get_user_model()
        .objects.get(username="redacteur")
        .groups.filter(name=REVIEWERS)
        .exists()
    )
    assert Group.objects.filter(name__in=[TEACHERS, REVIEWERS]).count() == 2
    # The demo lessons are the programme's, owned by no teacher: the editors keep them;
    # the demo teacher writes lessons of her own and submits them.
    teacher = get_user_model().objects.get(username="leerkracht")
    editor = get_user_model().objects.get(username="redacteur")
    library = LessonIndexPage.objects.get()
    assert library.permissions_for_user(teacher).can_add_subpage()
    assert all(lesson.owner_id is None for lesson in lessons)
    assert not any(
        lesson.permissions_for_user(teacher).can_edit() for lesson in lessons
    )
    assert all(lesson.permissions_for_user(editor).can_publish() for lesson in lessons)


PRODUCTION_DATABASE = "postgres://lessen:secret@127.0.0.1:1/lessen"  # nothing listens


def run(*command, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    return subprocess.run(
        command,
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_dev_settings_allow_demo_users_on_the_local_sqlite_database_only():
    code = "from cms.settings import dev; print(dev.DEMO_USERS_ALLOWED)"
    for database_url, allowed in [(None, "True"), (PRODUCTION_DATABASE, "False")]:
        env = {"DATABASE_URL": database_url} if database_url else {}
        result = run(sys.executable, "-c", code, **env)
        assert result.stdout.strip() == allowed, result.stderr


def run_manage(*args, **env):
    """manage.py as typed on a host: its default settings (dev), this environment."""
    return run(sys.executable, "manage.py", *args, **env)


def test_demo_users_are_refused_on_a_production_database_before_anything_is_written():
    """manage.py defaults to the dev settings (DEBUG on): on a host whose DATABASE_URL is
    PostgreSQL, asking for demo users stops before the database is even opened."""
    result = run_manage(
        "load_demo_data", "--with-demo-users", DATABASE_URL=PRODUCTION_DATABASE
    )
    assert result.returncode != 0
    assert "Refusing to create demo users" in result.stderr
    assert "postgresql" in result.stderr
    assert "connection" not in result.stderr.lower()  # it never tried


def test_no_demo_users_on_a_production_database_without_being_asked(
    db, settings, capsys
):
    """The documented first run on a new production site: pages and lessons, no users,
    even when the settings are the dev ones (DEBUG on) by mistake."""
    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = False  # as dev.py says for a PostgreSQL DATABASE_URL
    call_command("load_demo_data", "--no-check-ins")
    assert not get_user_model().objects.exists()
    assert "no demo users" in capsys.readouterr().out
    assert HomePage.objects.exists()


@pytest.mark.parametrize(
    "debug, allowed, reason",
    [(True, False, "is not the local SQLite database"), (False, True, "DEBUG is off")],
)
def test_asking_for_demo_users_where_they_are_refused_says_why(
    db, settings, debug, allowed, reason
):
    settings.DEBUG = debug
    settings.DEMO_USERS_ALLOWED = allowed
    with pytest.raises(CommandError, match=reason):
        call_command("load_demo_data", "--no-check-ins", "--with-demo-users")
    assert not get_user_model().objects.exists()
    assert not HomePage.objects.exists()


def test_make_run_asks_for_the_demo_users(db, settings, capsys):
    dry_run = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    [command] = [
        line for line in dry_run.stdout.splitlines() if "load_demo_data" in line
    ]
    assert command.endswith("load_demo_data --with-demo-users")
    settings.DEBUG = True
    settings.DEMO_USERS_ALLOWED = True  # dev.py on SQLite
    call_command("load_demo_data", "--no-check-ins", "--with-demo-users")
    assert get_user_model().objects.get(username="beheerder").is_superuser
    assert "Demo logins" in capsys.readouterr().out
