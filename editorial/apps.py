from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import audit  # noqa: F401 - connects the audit trail's signal receivers
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
