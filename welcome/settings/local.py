"""Settings for `make run` on a developer's or volunteer's own machine."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

# A fixed key is fine here: this configuration only ever serves 127.0.0.1.
SECRET_KEY = _SECRET_KEY or "local-development-only-not-secret"
# Serve static files straight from static/ so that `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA_LOCALLY = True
# `make run` creates documented demo accounts; production never does.
PORTAL_DEMO_ACCOUNTS = True
