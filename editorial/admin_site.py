"""The portal's admin site: Django's, with a "view on site" that asks the model's admin first.

Django's ``/admin/r/<type>/<id>/`` redirects any staff member to any object's public address,
which gives away the slug of another organisation's draft. Here it answers only for objects the
user may view through that model's admin, and is a 404 otherwise.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.urls import path


class PortalAdminSite(admin.AdminSite):
    def view_on_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist as missing:
            raise Http404 from missing
        model_admin = self._registry.get(model)
        if model_admin is None:
            raise Http404
        obj = model_admin.get_queryset(request).filter(pk=object_id).first()
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        return shortcut(request, content_type_id, object_id)

    def get_urls(self):
        urls = super().get_urls()
        ours = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        # Replace Django's route of the same name; the rest stay as they are.
        return [ours if getattr(url, "name", None) == "view_on_site" else url for url in urls]
