from modeltranslation.translator import TranslationOptions, register

from .models import BankHoliday, Closure, Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = Organisation.text_fields


@register(Closure)
class ClosureTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(BankHoliday)
class BankHolidayTranslationOptions(TranslationOptions):
    fields = ("name",)
