"""A laptop: debug on, plain HTTP, e-mail to the console. Only relaxes base.py."""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "dev-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES

DEBUG = True
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `manage.py` defaults to these settings, also on a production host by mistake: demo users
# only on a SQLite database, never on the PostgreSQL one DATABASE_URL names there.
DEMO_USERS_ALLOWED = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
