"""Reference lists of the directory. Organisations' entries are edited in the editorial admin
(``editorial/admin/organisations.py``), where the review workflow applies to them."""

from django.contrib import admin

from orientation.admin import PortalTranslationAdmin

from .models import BankHoliday, SpokenLanguage


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(admin.ModelAdmin):
    list_display = ("native_name", "english_name", "code")
    search_fields = ("english_name", "native_name", "code")


@admin.register(BankHoliday)
class BankHolidayAdmin(PortalTranslationAdmin):
    list_display = ("date", "name")
