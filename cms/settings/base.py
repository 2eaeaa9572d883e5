"""Production settings. Everything secret or host-specific comes from the environment,
and a missing required variable stops the process instead of falling back to something
unsafe. dev.py relaxes these for a laptop; test.py only makes the suite faster."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(
            f"Set the environment variable {name} (see .env.example)."
        )
    return value


def env_bool(name, default):
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=None):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "csp",
    "axes",
    "cms",
    "lessons",
    "schools",
    "api",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.AnonymousPageCacheMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
    # Last: it sees the request after authentication and records failed sign-ins.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp): only our own host, no inline script or style on the
# site, the pupil app and the API docs (their one inline script carries a nonce). The
# Wagtail admin still needs inline script and style; cms.middleware relaxes it there only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Seconds a published page is served from the cache to visitors who are not signed in
# (0 turns it off). Publishing, unpublishing, moving or deleting a page clears it at once.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
AUTH_USER_MODEL = "schools.User"
LOGIN_URL = "wagtailadmin_login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Persistent connections: opening a PostgreSQL connection per request costs about ten
# times the throughput. Health checks drop a connection that died while idle.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the database is down, so /healthz and pupils get a 503 in seconds.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# A read replica for coordinators' figures (cms/replica.py), when there is one: the same
# settings as the primary, another address.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **DATABASES["default"],
        **dj_database_url.parse(
            env("DATABASE_REPLICA_URL"),
            conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "600")),
            conn_health_checks=True,
        ),
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
    }
DATABASE_ROUTERS = ["cms.replica.ReplicaRouter"]
REPLICA_READS = "replica" in DATABASES
# A replica that did not answer is left alone this long; reads go to the primary.
REPLICA_RETRY_SECONDS = 30
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lig",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sign-in: django-axes locks an account (for that address) after repeated failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Failures are counted in the shared cache (Redis) and forgotten after the cool-off: no
# table of addresses. Without Redis (one machine, a laptop) they go in the database, the
# only store all processes share; failed attempts only, never a log of every sign-in.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "cms.views.locked_out"
# Reverse proxies in front of the app whose X-Forwarded-For may be trusted (0: none).
# cms.client_address is the one rule for a client's address: the lockout's and the throttles'.
NUM_PROXIES = int(env("DJANGO_NUM_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Several app servers share nothing but the database, Redis and object storage: with a
# bucket configured, uploads go to S3-compatible storage instead of the local disk.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Background work (django-tasks): Wagtail's search-index, reference-index and file work,
# and our nightly jobs (schools/tasks.py). With TASKS_BACKEND=database (production,
# docs/deploy.md) they wait in PostgreSQL for `manage.py run_worker` (django-tasks-db: the
# database we already run, no broker to add; a task is queued in the same transaction as
# the change that asks for it). Otherwise they run at once, where they are asked for
# (development and tests: nothing else to start).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("TASKS_BACKEND") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# A worker writes its heartbeat this often; one not seen for three beats has stopped, and
# its running task is tried again, TASK_ATTEMPTS times in all (cms/worker.py). A task that
# has waited longer than TASK_BACKLOG_SECONDS is a backlog for /healthz/worker.
TASK_WORKER_BEAT_SECONDS = 10
TASK_ATTEMPTS = 2
TASK_BACKLOG_SECONDS = 300

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Lessen in geluk <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Behind a TLS-terminating reverse proxy (docs/deploy.md).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a frame of the admin itself.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Demo users (a superuser among them) have a published password: `load_demo_data
# --with-demo-users` makes them only where this is on. dev.py turns it on for the local
# SQLite database of `make run`; a production database is PostgreSQL.
DEMO_USERS_ALLOWED = False

# Check-ins: how long a join code lives, and from how many answers results may be shown.
CHECKIN_SESSION_HOURS = 4
# Lesson runs (schools.runs): how long the run of a lesson lives; with it end its class
# activities' counts. None: at the end of the school day (midnight, TIME_ZONE).
LESSON_RUN_HOURS = None
# How often a pupil's screen asks what the board shows (seconds), and the perturbation of a
# class activity's counts (the cell key method, as the check-ins'; smaller, for one class).
FOLLOW_POLL_SECONDS = 2
# The page loads (and answers) a minute that the screens following one run may make, per
# pupil of the class: a screen loads its page once per board change (a teacher moving
# every few seconds: about 12 a minute) and twice per answer. Counted per run, not against
# the school's "pupils" rate (schools.checkins.throttling.follower_rate_exceeded).
FOLLOWER_PAGES_PER_PUPIL = 30
ACTIVITY_PERTURBATION = {"max_deviation": 3, "variance": 1.0, "small": 2}
# The kleuter tablet's thank-you: seconds its ring counts down before the faces come back
# for the next child.
KLEUTER_COUNTDOWN_SECONDS = 4
# An answer is only ever kept as counts. The spent one-time tokens that make it count once
# are deleted this many hours after their session ended (purge_checkins, nightly).
CHECKIN_TOKEN_HOURS = 24
RESULTS_TEACHER_MIN_ANSWERS = 5
RESULTS_COORDINATOR_MIN_ANSWERS = 10
# A coordinator's atom also needs answers from this many classes: never one class alone.
RESULTS_COORDINATOR_MIN_CLASSES = 2
# The cell key method (schools.results.perturbation): each atom's count of a value (a
# teacher's check-in; a coordinator's school x group x week x lesson x moment) is shown off
# by at most `max_deviation`, with this variance and a mean of zero; true counts
# from 1 to `small` are never shown as themselves. Chosen with the planting simulation in
# tests/schools/results/test_simulation.py; changing them changes every figure at once.
RESULTS_PERTURBATION = {"max_deviation": 5, "variance": 2.5, "small": 4}

WAGTAIL_SITE_NAME = "Lessen in geluk"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars would load from gravatar.com
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Documents (a lesson's worksheets and cards) are always served by Wagtail's view under
# /documenten/, which checks their collection's view restriction; never a redirect to the
# storage's own address, which a bucket would serve to anyone (docs/deploy.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "odt",
    "pptx",
    "odp",
    "xlsx",
    "ods",
    "png",
    "jpg",
]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication"
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Trust X-Forwarded-For only from this many proxies (0: the connection's own address),
    # so a client cannot pick its own address to slip past the throttles.
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_PARSER_CLASSES": ["api.parsers.BoundedJSONParser"],  # JSON only
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "api.exceptions.api_exception_handler",
    # A whole school checks in from one address at 8:30: generous per client, shared via Redis.
    "DEFAULT_THROTTLE_RATES": {"pupils": "600/minute", "results": "120/minute"},
}
# Personal API keys (django-rest-knox): only a SHA-512 digest and a 15-character prefix are
# stored; a key works for API_TOKEN_DAYS days from when it was made, then it is refused.
API_TOKEN_DAYS = int(env("API_TOKEN_DAYS", "90"))
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=API_TOKEN_DAYS),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",  # `Authorization: Token <key>`, as before
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lessen in geluk API",
    "DESCRIPTION": _(
        "Lessons, anonymous classroom check-ins and aggregated pilot results. Every "
        "count in the results is slightly perturbed (the cell key method), the same way "
        "every time it is asked: each building block's count of a value (a teacher's "
        "check-in; for coordinators a school's group, week, lesson and moment) is off "
        "by at most the "
        "`perturbation.max_deviation` in the response, and counts of 1 up to "
        "`perturbation.small` are never shown as such. Coordinators see completed weeks "
        "only, from `threshold` answers in at least two classes; the building blocks of "
        "a school's week that do not count so are added up as one more, which counts in "
        "figures by school, municipality, week or month only (so figures per group, "
        "lesson or moment can add up to less). Teachers see their own closed check-ins."
    ),
    "VERSION": "1.1",  # what changed: docs/api.md
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No deep-link anchors inside the operation buttons (a link inside a button cannot be
    # reached or announced properly: axe "nested-interactive").
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.link_answer_to_its_session",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}
