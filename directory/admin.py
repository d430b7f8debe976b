"""Partner agencies edit their directory entry here: hours, languages, and a map to place it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from orientation.admin import PortalTranslationAdmin, TranslatedInputMixin

from .forms import OrganisationAdminForm
from .models import BankHoliday, Closure, OpeningPeriod, Organisation, SpokenLanguage


class OpeningPeriodInline(admin.TabularInline):
    model = OpeningPeriod
    extra = 0


class ClosureInline(TranslatedInputMixin, TranslationTabularInline):
    model = Closure
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(PortalTranslationAdmin):
    form = OrganisationAdminForm
    list_display = ("name", "listed", "key_agency", "postcode", "phone", "last_checked")
    list_filter = ("listed", "key_agency", "free", "topics", "languages")
    search_fields = ("name", "postcode")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("topics", "statuses", "languages")
    inlines = [OpeningPeriodInline, ClosureInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "listed", "key_agency", "description", "services")}),
        (
            _("Who they help"),
            {"fields": ("topics", "statuses", "languages", "interpreting", "free", "appointment")},
        ),
        (
            _("Where and how to reach them"),
            {
                "fields": (
                    "street",
                    "town",
                    "postcode",
                    "latitude",
                    "longitude",
                    "phone",
                    "email",
                    "website",
                    "accessibility",
                    "closed_on_bank_holidays",
                ),
                "description": _(
                    "Click the map to place the organisation, or type the coordinates."
                ),
            },
        ),
        (_("Checking"), {"fields": ("last_checked", "translation_states")}),
    )

    class Media:
        css = {"all": ("vendor/leaflet/leaflet.css", "css/admin-map.css")}
        js = ("vendor/leaflet/leaflet.js", "js/admin-map.js")


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(admin.ModelAdmin):
    list_display = ("native_name", "english_name", "code")
    search_fields = ("english_name", "native_name", "code")


@admin.register(BankHoliday)
class BankHolidayAdmin(PortalTranslationAdmin):
    list_display = ("date", "name")
