"""The search index and the words that feed it.

``SearchDocument`` holds one row per thing a reader can find (a page, an organisation, a
glossary term) and language it exists in, so that every kind is searched by one query and a
result knows its language. The full-text index over it is the database's own: a ``tsvector``
column with a GIN index on PostgreSQL, an FTS5 table with the trigram tokenizer on SQLite (both
made in migration 0005). ``SearchWord`` is the vocabulary the index holds, used to correct
misspellings and to suggest "did you mean".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [(code, code) for code in settings.MODELTRANSLATION_LANGUAGES]


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        ORGANISATION = "organisation", _("Organisation")
        TERM = "term", _("Glossary term")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    # The object's slug, for its address: results need no query to the content tables. Null
    # only so that SQLite adds the column in place (a remade table would lose its triggers).
    slug = models.CharField(max_length=100, null=True)  # noqa: DJ001
    title = models.CharField(max_length=300)
    text = models.TextField(help_text="Plain text shown in snippets.")
    # Normalised words between single spaces (see search.text.indexed_text).
    search_title = models.TextField()
    search_text = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["kind", "object_id"], name="searchdoc_object")]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language}): {self.title}"


class SearchWord(models.Model):
    """A word that occurs in the index, in one language, with its sound key (Latin script)."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=100)
    sound = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="searchword_unique")
        ]

    def __str__(self):
        return f"{self.word} ({self.language})"


class SearchSynonym(models.Model):
    """Words and phrases that readers use for the same thing, in one language: searching for one
    also searches for the others ("doctor", "GP", "surgery")."""

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    words = models.CharField(
        _("words and phrases"),
        max_length=500,
        help_text=_("Separate them with commas, for example: doctor, GP, surgery"),
    )

    class Meta:
        ordering = ["language", "words"]
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.words

    def clean(self):
        super().clean()
        if len(self.word_list()) < 2:
            raise ValidationError(
                {"words": _("Give at least two words or phrases, separated by commas.")}
            )

    def word_list(self):
        return self.phrases(self.words)

    @staticmethod
    def phrases(words):
        return [word.strip() for word in words.split(",") if word.strip()]
