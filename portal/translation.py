"""The vocabulary of translation, one for every model with words in several languages.

- ``SOURCE_LANGUAGE``: the language texts are written in and translated from, and
  ``source_field`` the column that holds a field's source text ("title" -> "title_en"): app code
  names neither the language nor its columns literally.
- A model lists the fields a translator writes (``text_fields``) and those a language must have
  before it counts as translated (``required_text_fields``).
- One rule for "has text in this language": a value that is NULL or "" is no text, in Python
  (``has_text``) and in the database (``text_in``) alike.
- One ``TranslationState`` for pages, organisations, glossary terms and videos.
"""

import hashlib

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .languages import SOURCE_LANGUAGE

__all__ = [
    "REVIEW_LEVELS",
    "SOURCE_LANGUAGE",
    "STATUSES",
    "TranslatedModel",
    "TranslationState",
    "VersionedTranslatedModel",
    "choices_of",
    "has_text",
    "source_field",
    "text_in",
]


class TranslationState(models.TextChoices):
    """Where one language's words stand.

    How far a text can be trusted is stored: written in the language itself (original), an
    unreviewed draft, or reviewed. Against the source text it is worked out: missing, draft,
    outdated (the source changed since) or current. The stored values are those the database
    already holds, so no data changes.
    """

    ORIGINAL = "original", _("Written in this language")
    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Unreviewed draft translation")
    REVIEWED = "reviewed", _("Reviewed translation")
    OUTDATED = "outdated", _("Outdated: the English has changed")
    CURRENT = "current", _("Up to date")


# What an editor or a content file may record about a text...
REVIEW_LEVELS = (TranslationState.ORIGINAL, TranslationState.DRAFT, TranslationState.REVIEWED)
# ...and what a translation is, compared with the source text today.
STATUSES = (
    TranslationState.MISSING,
    TranslationState.DRAFT,
    TranslationState.OUTDATED,
    TranslationState.CURRENT,
)


def choices_of(states):
    return [(state.value, state.label) for state in states]


def source_field(name):
    """The column holding a translated field's source-language text: "title" -> "title_en".
    Also a lookup path's last step: ``f"page__{source_field('title')}"``."""
    return f"{name}_{SOURCE_LANGUAGE}"


def has_text(value):
    """NULL and "" both mean that there is no text."""
    return bool(value)


def text_in(fields, language_code):
    """The database's ``has_text`` for every field in one language (``> ""`` is false for NULL
    and for "" alike)."""
    condition = Q()
    for field in fields:
        condition &= Q(**{f"{field}_{language_code}__gt": ""})
    return condition


class TranslatedModel(models.Model):
    """A model whose words are translated: per language, whether the translation was reviewed.

    Missing languages have no entry and are shown in the source language with a notice.
    """

    text_fields = ()
    required_text_fields = ()

    translation_states = models.JSONField(_("translation states"), default=dict, blank=True)

    class Meta:
        abstract = True

    def translation_state(self, language_code):
        if language_code == SOURCE_LANGUAGE:
            return TranslationState.REVIEWED
        return self.translation_states.get(language_code)

    def is_draft_translation(self, language_code=None):
        return self.translation_state(language_code or get_language()) == TranslationState.DRAFT

    def has_translation(self, language_code):
        """True when every required field has text in that language."""
        return all(
            has_text(getattr(self, f"{field}_{language_code}", None))
            for field in self.required_text_fields
        )

    @classmethod
    def translated_into(cls, language_code):
        """The database's ``has_translation``: a filter for rows translated into a language."""
        return text_in(cls.required_text_fields, language_code)


class VersionedTranslatedModel(TranslatedModel):
    """Translations that know which source text they were made from: when the source changes
    (an edit not ticked as minor), the translations made from the older one are outdated."""

    english_version = models.CharField(max_length=16, editable=False, default="")
    translation_versions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def compute_english_version(self):
        source = "\x1f".join(
            getattr(self, source_field(field), "") or "" for field in self.text_fields
        )
        return hashlib.sha256(source.encode()).hexdigest()[:16]

    def mark_translated(self, language_code):
        """Record that this language's words were made from the source text as it is now."""
        self.translation_versions = {
            **self.translation_versions,
            language_code: self.english_version,
        }

    def translation_status(self, language_code):
        """missing, draft, outdated or current: the truth about one language's words."""
        if language_code == SOURCE_LANGUAGE:
            return TranslationState.CURRENT
        if not self.has_translation(language_code):
            return TranslationState.MISSING
        if self.translation_versions.get(language_code) != self.english_version:
            return TranslationState.OUTDATED
        if self.translation_state(language_code) == TranslationState.DRAFT:
            return TranslationState.DRAFT
        return TranslationState.CURRENT
