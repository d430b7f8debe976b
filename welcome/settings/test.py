"""Settings for the test suite: fast, isolated, and the same on SQLite and PostgreSQL."""

from .local import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": FRAGMENT_CACHE,  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
# Write usage counts at once, so tests can see them in the database.
INSIGHTS_FLUSH_AFTER_KEYS = 1
# Every test empties the cache: read the page cache's generation on every request.
PUBLIC_PAGE_GENERATION_CHECK_SECONDS = 0
