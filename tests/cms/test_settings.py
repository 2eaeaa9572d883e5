import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.base",
    "DJANGO_SECRET_KEY": "x7!k2P-production-like-secret-key-with-enough-entropy-9f3c1a8e4b",
    "DJANGO_ALLOWED_HOSTS": "lesseningeluk.example.nl",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://lesseningeluk.example.nl",
}


def manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_fail_closed_without_secret_key():
    env = {
        key: value
        for key, value in PRODUCTION_ENV.items()
        if key != "DJANGO_SECRET_KEY"
    }
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_defaults(settings):
    from cms.settings import base

    assert base.DEBUG is False
    assert base.LANGUAGE_CODE == "nl"
    assert [code for code, _ in base.LANGUAGES] == ["nl", "en"]
    assert base.TIME_ZONE == "Europe/Amsterdam"
    assert base.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert base.SESSION_COOKIE_SECURE and base.CSRF_COOKIE_SECURE


def test_every_environment_variable_is_documented():
    documented = {
        line.split("=", 1)[0].lstrip("# ").strip()
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line
    }
    settings_source = "".join(
        path.read_text() for path in (ROOT / "cms" / "settings").glob("*.py")
    )
    import re

    used = set(
        re.findall(r"""env(?:_bool|_list)?\(\s*["']([A-Z_]+)["']""", settings_source)
    )
    used |= set(
        re.findall(r"""os\.environ\.get\(\s*["']([A-Z_]+)["']""", settings_source)
    )
    used -= {"DJANGO_SETTINGS_MODULE"}
    assert used <= documented, f"missing in .env.example: {sorted(used - documented)}"
