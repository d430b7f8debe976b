"""The partner-agency admin. Roles and the editorial workflow build on this."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from portal.languages import PORTAL_LANGUAGES
from portal.translation import source_field

from .models import (
    EmergencyContact,
    FirstStep,
    Locality,
    MigrationStatus,
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
    prepopulated_fields = {"slug": (source_field("name"),)}


class FirstStepInline(admin.TabularInline):
    """The few pages a status page starts with, in the order a reader should take them."""

    model = FirstStep
    fields = ("order", "page")
    autocomplete_fields = ("page",)
    extra = 1


@admin.register(MigrationStatus)
class MigrationStatusAdmin(PortalTranslationAdmin):
    list_display = ("name", "label", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": (source_field("name"),)}
    inlines = (FirstStepInline,)
