from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrientationConfig(AppConfig):
    name = "orientation"
    verbose_name = _("Orientation content")

    def ready(self):
        from . import signals  # noqa: F401
        from .pictures import follow_page_pictures
        from .search import receivers  # noqa: F401

        follow_page_pictures()
