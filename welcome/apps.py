import mimetypes

from django.apps import AppConfig


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = "Welcome portal"

    def ready(self):
        # Browsers only use caption tracks served as text/vtt, which Python does not know.
        mimetypes.add_type("text/vtt", ".vtt")
        from portal import media_lifecycle

        from .models import WelcomeVideo

        media_lifecycle.follow(
            WelcomeVideo,
            files=("video_mp4", "video_webm", "video_small", "captions", "poster"),
            pictures=("poster",),
        )
