from modeltranslation.translator import TranslationOptions, register

from .models import BankHoliday, Closure, Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description", "services", "accessibility")


@register(Closure)
class ClosureTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(BankHoliday)
class BankHolidayTranslationOptions(TranslationOptions):
    fields = ("name",)
