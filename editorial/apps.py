from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate

        from . import (
            audit,  # noqa: F401 - connects the audit trail's signal receivers
            workflow,
        )
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
        post_delete.connect(
            workflow.remove_pictures_of_deleted_change,
            sender="editorial.PageRevision",
            dispatch_uid="waiting-change-pictures",
        )


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with the portal's site (see ``editorial.admin_site``)."""

    default = False  # "editorial" in INSTALLED_APPS still means EditorialConfig
    default_site = "editorial.admin_site.PortalAdminSite"
