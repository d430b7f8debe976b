"""The partner-agency admin. Roles and the editorial workflow build on this."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from insights.admin import helpful_share
from welcome.languages import PORTAL_LANGUAGES

from .models import (
    EmergencyContact,
    Locality,
    MigrationStatus,
    OrientationPage,
    SourceLink,
    Topic,
)

LANGUAGE_SUFFIXES = {f"_{language.code}": language for language in PORTAL_LANGUAGES}


class TranslatedInputMixin:
    """Each language's input gets its lang and dir, so Arabic-script text is typed right to left."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            for suffix, language in LANGUAGE_SUFFIXES.items():
                if db_field.name.endswith(suffix):
                    field.widget.attrs.update(
                        {"lang": language.code, "dir": "rtl" if language.bidi else "ltr"}
                    )
        return field


class PortalTranslationAdmin(TranslatedInputMixin, TabbedTranslationAdmin):
    pass


@admin.register(Locality)
class LocalityAdmin(PortalTranslationAdmin):
    list_display = ("name", "slug")


@admin.register(EmergencyContact)
class EmergencyContactAdmin(PortalTranslationAdmin):
    list_display = ("number", "label", "order")
    list_editable = ("order",)


@admin.register(Topic)
class TopicAdmin(PortalTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(MigrationStatus)
class MigrationStatusAdmin(PortalTranslationAdmin):
    list_display = ("name", "label", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name_en",)}


class SourceLinkInline(TranslatedInputMixin, TranslationTabularInline):
    model = SourceLink
    extra = 1


@admin.register(OrientationPage)
class OrientationPageAdmin(PortalTranslationAdmin):
    list_display = ("title", "organisation", "state", "last_checked", "review_by", "helpful")
    list_filter = ("state", "topics", "statuses", "organisation")
    search_fields = ("title_en", "slug")  # also serves the autocomplete of other admins
    filter_horizontal = ("topics", "statuses", "related_organisations")
    autocomplete_fields = ("organisation",)
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [SourceLinkInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (
            _("Who and what"),
            {"fields": ("topics", "statuses", "tags", "organisation", "related_organisations")},
        ),
        (
            _("Editorial"),
            {"fields": ("state", "last_checked", "review_by", "translation_states", "helpful")},
        ),
    )
    readonly_fields = ("helpful",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("organisation")
            .annotate(
                feedback_answers=Count("feedback"),
                feedback_helpful=Count("feedback", filter=Q(feedback__helpful=True)),
            )
        )

    @admin.display(description=_("found it helpful"))
    def helpful(self, page):
        return helpful_share(page)
