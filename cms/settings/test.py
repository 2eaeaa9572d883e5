"""The test suite: the dev relaxations plus speed. Behaviour stays as in production."""

import os

from .dev import *  # noqa: F403
from .dev import BASE_DIR, DATABASES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache outlives a test's rolled-back data; tests/cms/test_middleware.py turns it on.
PAGE_CACHE_SECONDS = 0
# A file, not memory, so the live server of the browser tests shares it; one per process,
# so two test runs on one machine do not write into each other's database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")
    }

# A read replica that mirrors the test database; the routing to it is off except in
# tests/cms/test_replica.py (REPLICA_READS), which reads through it.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
REPLICA_READS = False
