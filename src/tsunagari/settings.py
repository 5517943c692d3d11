"""Django settings, only from environment variables (see .env.example)."""

from __future__ import annotations

import datetime
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tsunagari.env import env_bool, env_int, env_list, env_path, env_secret, env_str


def _new_fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = env_path("TSUNAGARI_VAR_DIR", PROJECT_DIR / "var")
DATA_DIR = env_path("TSUNAGARI_DATA_DIR", PROJECT_DIR / "data")
INDEX_DIR = env_path("TSUNAGARI_INDEX_DIR", VAR_DIR / "index")

DEBUG = env_bool("TSUNAGARI_DEBUG", False)
# The production switch: what a public deployment needs that `make run` does not (a second
# factor for reviewers and admins; HTTPS, HSTS and secure cookies: see "Running in
# production" below).
PRODUCTION = env_bool("TSUNAGARI_PRODUCTION", False)
SECRET_KEY = env_secret("TSUNAGARI_SECRET_KEY", VAR_DIR / "secret-key")
ALLOWED_HOSTS = env_list("TSUNAGARI_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("TSUNAGARI_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "tsunagari.staff.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "tsunagari.staff.apps.StaffConfig",
    "tsunagari.directory.apps.DirectoryConfig",
    "tsunagari.search.apps.SearchConfig",
    "tsunagari.navigator.apps.NavigatorConfig",
    "tsunagari.measures.apps.MeasuresConfig",
    "tsunagari.localhelp.apps.LocalHelpConfig",
    "tsunagari.surveys.apps.SurveysConfig",
    "tsunagari.desk.apps.DeskConfig",
    "tsunagari.platform.apps.PlatformConfig",
    "tsunagari.web.apps.WebConfig",
    "tsunagari.api.apps.ApiConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tsunagari.web.middleware.content_security_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "tsunagari.web.page_languages.EnglishWhereUntranslated",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tsunagari.urls"
WSGI_APPLICATION = "tsunagari.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tsunagari.staff.menu.staff_context",
                "tsunagari.web.context_processors.public",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tsunagari.sqlite3'}"),
        conn_max_age=env_int("TSUNAGARI_DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = None  # the "signed out" page

# Staff and /admin/ logins (django-axes): after this many failures in a row, the account
# and, separately, the address that tried are refused for the cool-off time. The address is
# REMOTE_ADDR as the server sets it (never a header a client could forge).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("TSUNAGARI_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("TSUNAGARI_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tsunagari.staff.views.lockout_response"
AXES_VERBOSE = False
# Second factor (django-otp, TOTP): the name an authenticator app shows for the account.
OTP_TOTP_ISSUER = env_str("TSUNAGARI_OTP_ISSUER", "tsunagari")

# Japanese first; English complete. Japanese pages live at /, English ones under /en/.
LANGUAGE_CODE = "ja"
# The public pages (home, search, a service, the crisis lines, the navigator, safety) also
# speak the languages foreign residents read most (issue 18); each is named in its own
# script, as a reader looks for it. Staff pages stay Japanese and English (STAFF_LANGUAGES).
LANGUAGES = [
    ("ja", _("日本語")),
    ("en", _("English")),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ko", "한국어"),
    ("vi", "Tiếng Việt"),
    ("tl", "Tagalog"),
    ("pt-br", "Português"),
    ("es", "Español"),
    ("ne", "नेपाली"),
    ("id", "Bahasa Indonesia"),
    ("th", "ภาษาไทย"),
]
STAFF_LANGUAGES = ("ja", "en")
# Django ships no LANG_INFO for Tagalog (get_language_info, {% get_language_info %}).
LANG_INFO.setdefault(
    "tl", {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"}
)
USE_I18N = True
TIME_ZONE = "Asia/Tokyo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it, even when empty
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Sessions only carry the guided chat and staff logins; they end with the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env_int("TSUNAGARI_SESSION_SECONDS", 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form
# POSTs and CSRF refuses them; other sites still receive no referrer.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Requests are bounded so that an oversized body cannot exhaust the server.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("TSUNAGARI_MAX_REQUEST_BYTES", 2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# What a visitor types must never reach a log: no request logging with query strings,
# and errors are reported without the request's parameters.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "django.request": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "tsunagari": {"handlers": ["console"], "level": env_str("TSUNAGARI_LOG_LEVEL", "INFO")},
    },
}

# Directory entries not re-verified within this many days are flagged as stale.
DIRECTORY_STALE_AFTER_DAYS = env_int("TSUNAGARI_STALE_AFTER_DAYS", 365)
# Crisis lines are checked each quarter: see tsunagari.directory.provenance.
DIRECTORY_CRISIS_STALE_AFTER_DAYS = env_int("TSUNAGARI_CRISIS_STALE_AFTER_DAYS", 90)

# --- Running in production (issue 13): server, database, errors, jobs, headers ---------
# One switch, TSUNAGARI_PRODUCTION, for what only makes sense behind HTTPS: HSTS, secure
# cookies, redirecting plain HTTP. Staff pages are never cached whatever the switch
# (tsunagari.ops.middleware). `tsunagari check --deploy` is clean with it on.
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("TSUNAGARI_DEBUG must be off when TSUNAGARI_PRODUCTION is on")
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
# The CSRF cookie ends with the browser, like the session: no long-lived cookie on a public
# page (Django's default keeps it a year).
CSRF_COOKIE_AGE = None
SECURE_SSL_REDIRECT = PRODUCTION
# The load balancer's health check and Prometheus ask over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
SECURE_HSTS_SECONDS = 2 * 365 * 24 * 60 * 60 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
# The reverse proxies whose X-Forwarded-Proto/-For the server believes (tsunagari serve).
FORWARDED_ALLOW_IPS = env_list("TSUNAGARI_FORWARDED_ALLOW_IPS", ["127.0.0.1", "::1"])

# SQLite takes writes while pages are read: WAL lets readers and a writer work at once;
# IMMEDIATE transactions take the write lock up front, so a writer waits its turn (the busy
# timeout) instead of failing with "database is locked" when a read turns into a write.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

INSTALLED_APPS += [
    "django_q",  # scheduled jobs (tsunagari.ops.jobs)
    "django_prometheus",  # /metrics
    "tsunagari.ops.apps.OpsConfig",
]
MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "tsunagari.ops.middleware.request_id",
    "tsunagari.ops.middleware.api_errors_as_json",
    "tsunagari.ops.middleware.no_store_for_staff",
    *MIDDLEWARE[:-1],
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    MIDDLEWARE[-1],  # django-axes asks to be last
]
PROMETHEUS_EXPORT_MIGRATIONS = False
METRICS_TOKEN = env_str("TSUNAGARI_METRICS_TOKEN", "")
# Staff pages take survey files (surveys.forms caps them at 64 MB); every other address
# takes at most DATA_UPLOAD_MAX_MEMORY_SIZE. Enforced before Django reads a body.
MAX_UPLOAD_BYTES = env_int("TSUNAGARI_MAX_UPLOAD_BYTES", 70 * 1024 * 1024)
# A body not whole this long after its request arrived is answered 408 (ops.limits): a form
# or a JSON message in 30 s; a staff page's survey file (70 MB at 2 Mbit/s) in 10 minutes.
BODY_SECONDS = env_int("TSUNAGARI_BODY_SECONDS", 30)
UPLOAD_SECONDS = env_int("TSUNAGARI_UPLOAD_SECONDS", 600)

# Mail (reminders to the owners of local help). Without a host, mail goes to the console.
EMAIL_HOST = env_str("TSUNAGARI_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("TSUNAGARI_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("TSUNAGARI_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("TSUNAGARI_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TSUNAGARI_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("TSUNAGARI_EMAIL_FROM", "tsunagari@localhost")
SITE_URL = env_str("TSUNAGARI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")  # links in mails

Q_CLUSTER = {
    "name": "tsunagari",
    "orm": "default",  # the database is the broker: SQLite or PostgreSQL alike
    "workers": 1,
    "timeout": 600,
    "retry": 660,  # must exceed timeout
    "max_attempts": 1,
    "poll": 5,  # seconds between the broker's looks at the queue table
    "catch_up": False,  # after a stop, a missed job runs once, not once per missed slot
    "save_limit": 200,
    "label": "Jobs",
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that hangs makes a page wait this long at most, then degrade.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# --- The consultation desk (issue 16) ----------------------------------------------------
# Conversation text is encrypted with these Fernet keys (comma-separated: the first encrypts,
# all decrypt, so a key is rotated by putting the new one first). `make run` makes a local one.
DESK_KEYS = env_list(
    "TSUNAGARI_DESK_KEYS",
    [env_secret("TSUNAGARI_DESK_KEY", VAR_DIR / "desk-key", make=_new_fernet_key)],
)
# Conversations are deleted this many days after they ended (the operator decides).
DESK_RETENTION_DAYS = env_int("TSUNAGARI_DESK_RETENTION_DAYS", 30)
# The private code brings a person back to their conversation for this many hours.
DESK_RETURN_HOURS = env_int("TSUNAGARI_DESK_RETURN_HOURS", 24)
DESK_MAX_CHATS = env_int("TSUNAGARI_DESK_MAX_CHATS", 3)  # at once, per counsellor
# A link to the chat on every public page, only where counsellors staff the desk: a person
# in distress must never be sent to a chat that nobody answers.
DESK_LINKED = env_bool("TSUNAGARI_DESK_LINKED", False)
DESK_REFERRAL_REMIND_HOURS = env_int("TSUNAGARI_DESK_REFERRAL_REMIND_HOURS", 48)
# Live chat (Django Channels): Redis between servers when set, else in the process.
DESK_REDIS_URL = env_str("TSUNAGARI_REDIS_URL", "")
CHANNEL_LAYERS = {
    "default": (
        {
            # Redis's publish/subscribe: one PUBLISH a message, pushed to each server that
            # holds a socket of the conversation. channels_redis's list-based layer took
            # about nine round trips a message (its group's members, each worker's BZPOPMIN
            # with its backup and clean-up scripts) and dropped events silently past 100
            # waiting for one worker (813 of 1835 messages in make bench). Pub/sub keeps
            # nothing for a server that is away, and needs not: the database is the record,
            # and a socket reads from it what it missed (sockets.py).
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [{"address": DESK_REDIS_URL}]},
        }
        if DESK_REDIS_URL
        else {"BACKEND": "tsunagari.desk.layers.InProcessLayer"}
    )
}
ASGI_APPLICATION = "tsunagari.asgi.application"
