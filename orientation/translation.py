"""Which fields django-modeltranslation gives a column per language."""

from modeltranslation.translator import TranslationOptions, register

from portal.translation import SOURCE_LANGUAGE

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
    fields = (*OrientationPage.text_fields, "body_html")
    # Only the source language is required; the others fall back to it, with a notice.
    required_languages = (SOURCE_LANGUAGE,)


@register(SourceLink)
class SourceLinkTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(PageImage)
class PageImageTranslationOptions(TranslationOptions):
    fields = ("alt",)
    required_languages = (SOURCE_LANGUAGE,)


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(TranslationOptions):
    fields = GlossaryTerm.text_fields
    required_languages = (SOURCE_LANGUAGE,)
