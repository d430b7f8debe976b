import mimetypes

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideosConfig(AppConfig):
    name = "videos"
    verbose_name = _("Welcome videos")

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
