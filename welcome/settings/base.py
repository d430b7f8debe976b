"""Settings shared by every environment. Each value can be set from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from portal.languages import BIDI_CODES, PORTAL_LANGUAGES, SOURCE_LANGUAGE, register_language_info

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its admin classes win.
    "modeltranslation",
    # Django's admin with the portal's site: "view on site" asks the model's admin first.
    "editorial.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "taggit",
    # Staff sign-in: lock-out after repeated failures, and one-time codes (two-factor).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "welcome",
    "orientation",
    "directory",
    "videos",
    "insights",
    "editorial",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Counting wraps the page cache so that pages answered from it are counted too; the page
    # cache comes before everything a cached page does not need (sessions, CSP, CSRF...).
    "insights.middleware.CountingMiddleware",
    "portal.cache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "welcome.two_factor.TwoFactorMiddleware",
    "editorial.audit.CurrentUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "welcome.urls"
WSGI_APPLICATION = "welcome.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "welcome.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What every page repeats (header, emergency numbers, footer: the `{% cache %}` fragments of
# base.html), kept in each worker's memory: a round trip to Redis would cost more than
# rendering them. Their keys carry the content generation, so an edit shows at once.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, keeping one client instead of one per call, and serving
            # without the cache (no 500) when Redis is unreachable.
            "BACKEND": "welcome.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
        "fragments": FRAGMENT_CACHE,
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": FRAGMENT_CACHE,
    }

AUTHENTICATION_BACKENDS = [
    # Refuses sign-in while an account or address is locked out; then the usual check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in lock-out (django-axes). Only /admin/ has a sign-in: visitors never meet it.
# After 5 failures an account, and separately an address, is locked for 30 minutes (or until
# someone unlocks it under Axes -> Access attempts). Failed attempts are kept only that long
# (username, address, browser); successful sign-ins are not logged at all.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "welcome.lockout.locked_out"
# Two-factor sign-in for staff (django-otp, time-based codes from an authenticator app): anyone
# may turn it on for themselves; when this is on, portal editors and superusers must.
PORTAL_TWO_FACTOR_REQUIRED = env_bool("PORTAL_TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Welcome portal")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages ---------------------------------------------------------------------------------
register_language_info()
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = [(language.code, language.native_name) for language in PORTAL_LANGUAGES]
LANGUAGES_BIDI = list(BIDI_CODES)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = tuple(language.code for language in PORTAL_LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (SOURCE_LANGUAGE,)

# Static and media --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Only for `make run` on one's own machine; a deployment serves media from object storage.
SERVE_MEDIA_LOCALLY = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security ----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Map pictures come from a tile server, and only after the reader asks to see the map.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAP_TILE_ORIGIN = "/".join(MAP_TILE_URL.split("/")[:3])

# Public pages load nothing from another origin: no CDN, font, tracker or inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", MAP_TILE_ORIGIN],
        "font-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The portal ----------------------------------------------------------------------------------
# Phone numbers and postcodes are read and checked as in this country (ISO 3166 code).
PORTAL_PHONE_REGION = os.environ.get("PORTAL_PHONE_REGION", "GB")
# Where readers write to ask about or object to what is counted (shown on the privacy page).
PORTAL_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "")
# Usage counts gather in memory and are written in bulk after this many keys or seconds.
INSIGHTS_FLUSH_AFTER_KEYS = int(os.environ.get("INSIGHTS_FLUSH_AFTER_KEYS", "200"))
INSIGHTS_FLUSH_AFTER_SECONDS = int(os.environ.get("INSIGHTS_FLUSH_AFTER_SECONDS", "30"))
# Counts below this are shown as "fewer than N" in reports, so no small group stands out.
INSIGHTS_SMALL_NUMBER = 5
# Shown on the error page, which must not depend on the database.
PORTAL_EMERGENCY_NUMBER = os.environ.get("PORTAL_EMERGENCY_NUMBER", "999")
PORTAL_CONTENT_DIR = Path(os.environ.get("PORTAL_CONTENT_DIR", BASE_DIR / "content" / "birmingham"))
# Seconds a rendered public page is kept in the cache; saving content clears it at once.
# 0 switches the page cache off (no reads, no writes).
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "600"))
# What anonymous public pages tell HTTP caches: browsers keep a page a minute, shared caches
# (nginx, a CDN) five; neither hears of a content change, so keep these short.
PUBLIC_PAGE_BROWSER_SECONDS = int(os.environ.get("PUBLIC_PAGE_BROWSER_SECONDS", "60"))
PUBLIC_PAGE_SHARED_SECONDS = int(os.environ.get("PUBLIC_PAGE_SHARED_SECONDS", "300"))
# Each worker keeps its own copies of this many recent pages, and reads the shared "content
# changed" counter at most this often: a change saved through another worker shows within it.
PUBLIC_PAGE_LOCAL_ENTRIES = int(os.environ.get("PUBLIC_PAGE_LOCAL_ENTRIES", "500"))
PUBLIC_PAGE_GENERATION_CHECK_SECONDS = float(
    os.environ.get("PUBLIC_PAGE_GENERATION_CHECK_SECONDS", "1")
)
# Every model a public page shows: saving or deleting one empties the page cache. A model
# missing here is served stale for PUBLIC_PAGE_CACHE_SECONDS (tests/orientation/test_cache*.py).
PUBLIC_PAGE_MODELS = [
    "orientation.Locality",
    "orientation.EmergencyContact",
    "orientation.Topic",
    "orientation.MigrationStatus",
    "orientation.OrientationPage",
    "orientation.FirstStep",
    "orientation.GlossaryTerm",
    "orientation.SourceLink",
    "orientation.PageImage",
    "directory.SpokenLanguage",
    "directory.Organisation",
    "directory.OpeningPeriod",
    "directory.Closure",
    "directory.BankHoliday",
    "videos.WelcomeVideo",
    # A page's tags choose the phrases of its "show this to staff" card.
    "taggit.Tag",
    "taggit.TaggedItem",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# django-modeltranslation reads this (unprefixed) name for its admin tabs: our copy, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
# Partners type web addresses without a scheme; assume https (Django 6's default) already.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Uploads: welcome videos and pictures (checked by content; see portal/media_checks.py).
WELCOME_VIDEO_MAX_BYTES = int(os.environ.get("WELCOME_VIDEO_MAX_BYTES", str(50 * 1024 * 1024)))
PICTURE_MAX_BYTES = int(os.environ.get("PICTURE_MAX_BYTES", str(8 * 1024 * 1024)))
PICTURE_MAX_PIXELS = 40_000_000
