"""Django settings, only from environment variables (see .env.example)."""

from __future__ import annotations

import datetime
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from tsunagari.env import env_bool, env_int, env_list, env_path, env_secret, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = env_path("TSUNAGARI_VAR_DIR", PROJECT_DIR / "var")
DATA_DIR = env_path("TSUNAGARI_DATA_DIR", PROJECT_DIR / "data")
INDEX_DIR = env_path("TSUNAGARI_INDEX_DIR", VAR_DIR / "index")

DEBUG = env_bool("TSUNAGARI_DEBUG", False)
# The production switch: what a public deployment needs that `make run` does not (a second
# factor for reviewers and admins, among others).
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
    "tsunagari.surveys.apps.SurveysConfig",
    "tsunagari.web.apps.WebConfig",
    "tsunagari.api.apps.ApiConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tsunagari.web.middleware.content_security_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tsunagari.sqlite3'}"),
        conn_max_age=env_int("TSUNAGARI_DB_CONN_MAX_AGE", 0),
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
LANGUAGES = [("ja", _("日本語")), ("en", _("English"))]
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
SESSION_COOKIE_SECURE = env_bool("TSUNAGARI_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
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
