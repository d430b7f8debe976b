"""Settings for a real deployment. Refuses to start without its secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY, env_bool

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
# Portal editors and superusers sign in with a code from an authenticator app as well.
PORTAL_TWO_FACTOR_REQUIRED = env_bool("PORTAL_TWO_FACTOR_REQUIRED", True)
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
