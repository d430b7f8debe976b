"""The partner-agency admin. Roles and the editorial workflow build on this."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import (
    EmergencyContact,
    Locality,
    MigrationStatus,
    Organisation,
    OrientationPage,
    SourceLink,
    Topic,
)


@admin.register(Locality)
class LocalityAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")


@admin.register(EmergencyContact)
class EmergencyContactAdmin(TabbedTranslationAdmin):
    list_display = ("number", "label", "order")
    list_editable = ("order",)


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(MigrationStatus)
class MigrationStatusAdmin(TabbedTranslationAdmin):
    list_display = ("name", "label", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = ("name", "website", "phone")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class SourceLinkInline(TranslationTabularInline):
    model = SourceLink
    extra = 1


@admin.register(OrientationPage)
class OrientationPageAdmin(TabbedTranslationAdmin):
    list_display = ("title", "organisation", "state", "last_checked", "review_by")
    list_filter = ("state", "topics", "statuses", "organisation")
    search_fields = ("title_en", "slug")
    filter_horizontal = ("topics", "statuses")
    autocomplete_fields = ("organisation",)
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [SourceLinkInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Who and what"), {"fields": ("topics", "statuses", "tags", "organisation")}),
        (_("Editorial"), {"fields": ("state", "last_checked", "review_by", "translation_states")}),
    )
