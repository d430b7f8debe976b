"""Settings for a real deployment. Refuses to start without its secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY, STORAGES, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment (comma-separated).")
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not env_bool("ALLOW_SQLITE"):
    raise ImproperlyConfigured("Set DATABASE_URL to a PostgreSQL database (or ALLOW_SQLITE=1).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# The client's address for the staff sign-in lock-out (django-axes with django-ipware), and through
# portal.http.client_address for the feedback rate limit and the visitor estimate too. Behind nginx,
# REMOTE_ADDR is nginx itself, which would lock every staff member out at once. nginx appends the
# address it was connected from to X-Forwarded-For ($proxy_add_x_forwarded_for), so the last entry
# is the one nobody outside can forge and anything before it is whatever the client sent. ipware's
# proxy count is how many trusted proxies in front of nginx append to the header (none: nginx is the
# only proxy); not strict, so a forged prefix is skipped instead of throwing the whole header away.
# The app server must be reachable only through nginx (docker-compose publishes only nginx).
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
AXES_IPWARE_PROXY_ORDER = "left-most"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXIES_IN_FRONT_OF_NGINX", "0"))
IPWARE_STRICT = False
# Portal editors and superusers sign in with a code from an authenticator app as well.
PORTAL_TWO_FACTOR_REQUIRED = env_bool("PORTAL_TWO_FACTOR_REQUIRED", True)
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
# HSTS for every subdomain too, and eligible for browsers' preload lists; both can be switched
# off for a portal living under a council domain whose other subdomains are not all HTTPS yet.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Logs as one JSON object a line on standard output, for the log collector (python-json-logger).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per request is gunicorn's access log; Django's own would repeat it.
        "django.server": {"level": "WARNING"},
    },
}

# Media on S3-compatible object storage (django-storages) when MEDIA_S3_BUCKET is set, so that
# several app servers share one copy; otherwise on the local volume at MEDIA_ROOT.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": os.environ["MEDIA_S3_BUCKET"],
                "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("MEDIA_S3_REGION") or None,
                "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
                # Uploads are public illustrations and videos; no signed, expiring URLs in pages
                # that the page cache and a CDN keep for minutes.
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
