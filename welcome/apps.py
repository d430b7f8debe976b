import mimetypes

from django.apps import AppConfig


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = "Welcome portal"

    def ready(self):
        # Browsers only use caption tracks served as text/vtt, which Python does not know.
        mimetypes.add_type("text/vtt", ".vtt")
        from . import media_lifecycle

        media_lifecycle.connect()
