"""Partner agencies edit their directory entry here: hours, languages, and a map to place it."""

from django.contrib import admin
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from editorial import permissions
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
        (
            None,
            {
                "fields": (
                    "name",
                    "slug",
                    "listed",
                    "key_agency",
                    "self_publishing",
                    "description",
                    "services",
                )
            },
        ),
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

    def get_queryset(self, request):
        """Agency editors see and edit their own organisation's entry only."""
        queryset = super().get_queryset(request)
        if permissions.is_agency_editor(request.user):
            organisation = permissions.organisation_of(request.user)
            return queryset.filter(pk=getattr(organisation, "pk", None))
        return queryset

    def get_readonly_fields(self, request, obj=None):
        if permissions.is_portal_editor(request.user):
            return ()
        # What the portal grants is not for an agency to grant itself.
        return ("slug", "listed", "key_agency", "self_publishing", "translation_states")

    def get_prepopulated_fields(self, request, obj=None):
        return (
            super().get_prepopulated_fields(request, obj)
            if permissions.is_portal_editor(request.user)
            else {}
        )

    def has_add_permission(self, request):
        return permissions.is_portal_editor(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return permissions.is_portal_editor(request.user) and super().has_delete_permission(
            request, obj
        )

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(admin.ModelAdmin):
    list_display = ("native_name", "english_name", "code")
    search_fields = ("english_name", "native_name", "code")


@admin.register(BankHoliday)
class BankHolidayAdmin(PortalTranslationAdmin):
    list_display = ("date", "name")
