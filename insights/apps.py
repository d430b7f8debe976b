from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Usage and feedback")

    def ready(self):
        # Insights listens to the content apps; they never import it.
        from orientation.signals import searched
        from videos.signals import video_played

        from .receivers import count_search, count_video_played

        searched.connect(count_search, dispatch_uid="insights.count_search")
        video_played.connect(count_video_played, dispatch_uid="insights.count_video_played")
