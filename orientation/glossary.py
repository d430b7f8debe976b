"""The plain-language glossary: the words of the UK system new arrivals meet (GP, eVisa, NRPF).

A term has the same editorial life as a page (draft, in review, published, archived; a review-by
date) and the same translation states: each language's words know which English they were made
from, so a changed English explanation shows its translations as outdated.
"""

import datetime
import re

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.translation import VersionedTranslatedModel

from .editorial_life import REVIEW_INTERVAL, EditorialState


class GlossaryTermQuerySet(models.QuerySet):
    def published(self):
        """The one rule for which terms the public sees."""
        return self.filter(state=EditorialState.PUBLISHED)


class GlossaryTerm(VersionedTranslatedModel):
    """One word of the UK system with a plain explanation and the page that says more."""

    text_fields = ("term", "also_known_as", "explanation")
    required_text_fields = ("term", "explanation")

    State = EditorialState

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Never change it once shared."))
    term = models.CharField(_("term"), max_length=100)
    also_known_as = models.CharField(
        _("other forms"),
        max_length=300,
        blank=True,
        help_text=_("Other ways the term is written, separated by commas: plurals, full names."),
    )
    explanation = models.TextField(_("plain explanation"), max_length=600)
    page = models.ForeignKey(
        "orientation.OrientationPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="glossary_terms",
        verbose_name=_("page that says more"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    state = models.CharField(
        _("editorial state"), max_length=20, choices=State.choices, default=State.DRAFT
    )
    last_checked = models.DateField(_("last checked"), default=datetime.date.today)
    review_by = models.DateField(_("review by"), blank=True)
    # Made by loading the locality's glossary files: such a term goes when the files drop it,
    # while a term editors added in the admin stays.
    from_content_files = models.BooleanField(default=False, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GlossaryTermQuerySet.as_manager()

    class Meta:
        ordering = ["order", "term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def save(self, *args, minor_edit=False, **kwargs):
        if not self.english_version or not minor_edit:
            self.english_version = self.compute_english_version()
        if not self.review_by:
            self.review_by = self.last_checked + REVIEW_INTERVAL
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("orientation:glossary") + f"#{self.anchor}"

    @property
    def anchor(self):
        return f"term-{self.slug}"

    @property
    def is_overdue_for_review(self):
        return self.review_by < timezone.localdate()

    def forms_in(self, language_code):
        """The term and its other forms in one language, longest first (for linking)."""
        term = getattr(self, f"term_{language_code}", "") or ""
        others = getattr(self, f"also_known_as_{language_code}", "") or ""
        forms = [term, *others.split(",")]
        # "پزشک عمومی (GP)": the words before the bracket and the English inside both count.
        for form in list(forms):
            forms.extend(re.findall(r"\(([^)]+)\)", form))
            forms.append(re.sub(r"\s*\([^)]*\)", "", form))
        unique = {form.strip() for form in forms if len(form.strip()) > 1}
        return sorted(unique, key=len, reverse=True)
