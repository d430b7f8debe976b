"""The editorial records: staff profiles, the audit trail, revisions, jargon, directory changes."""

from django.contrib import admin

from .. import permissions
from ..models import AuditEvent, DirectoryChange, JargonTerm, PageRevision, StaffProfile


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record of what happened: nobody adds or edits one by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "translation_languages")
    autocomplete_fields = ("user", "organisation")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PageRevision)
class PageRevisionAdmin(ReadOnlyAdmin):
    list_display = ("page", "number", "author", "created_at", "minor", "pending", "note")
    list_select_related = ("page", "author")

    def get_queryset(self, request):
        visible = permissions.visible_pages(request.user)
        return super().get_queryset(request).filter(page__in=visible)


@admin.register(DirectoryChange)
class DirectoryChangeAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "status", "author", "created_at", "decided_by")
    list_filter = ("status",)
    list_select_related = ("organisation", "author", "decided_by")
    exclude = ("data",)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if permissions.is_reviewer(request.user):
            return queryset
        organisation = permissions.organisation_of(request.user)
        return queryset.filter(organisation_id=getattr(organisation, "pk", None))


@admin.register(JargonTerm)
class JargonTermAdmin(admin.ModelAdmin):
    list_display = ("term", "plain_alternative")
    search_fields = ("term", "plain_alternative")
