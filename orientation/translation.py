"""Which fields django-modeltranslation gives a column per language."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    EmergencyContact,
    GlossaryTerm,
    Locality,
    MigrationStatus,
    OrientationPage,
    PageImage,
    SourceLink,
    Topic,
)


@register(Locality)
class LocalityTranslationOptions(TranslationOptions):
    fields = ("name", "heading", "intro")


@register(EmergencyContact)
class EmergencyContactTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "summary")


@register(MigrationStatus)
class MigrationStatusTranslationOptions(TranslationOptions):
    fields = ("name", "label", "description")


@register(OrientationPage)
class OrientationPageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "body_html")
    # Only English is required; the other languages fall back to it, with a notice.
    required_languages = ("en",)


@register(SourceLink)
class SourceLinkTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(PageImage)
class PageImageTranslationOptions(TranslationOptions):
    fields = ("alt",)
    required_languages = ("en",)


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(TranslationOptions):
    fields = ("term", "also_known_as", "explanation")
    required_languages = ("en",)
