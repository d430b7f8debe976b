"""The page list's filters: translation state per language, and reviews due."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.db.models import BooleanField, CharField, ExpressionWrapper, F, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orientation.models import OrientationPage
from portal.translation import SOURCE_LANGUAGE, STATUSES, TranslationState


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{status.value}", f"{name} – {status.label}")
            for code, name in settings.LANGUAGES
            if code != SOURCE_LANGUAGE
            for status in STATUSES
        ]

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        code, status = self.value().split(":", 1)
        if code not in dict(settings.LANGUAGES) or status not in STATUSES:
            return queryset
        return with_translation_status(queryset, code, status)


def with_translation_status(queryset, code, status):
    """Pages whose ``translation_status(code)`` is ``status``, decided in the database (the
    same rule as the model's method, so the list filter needs no loop over every page)."""
    if code == SOURCE_LANGUAGE:
        return queryset if status == TranslationState.CURRENT else queryset.none()
    # Cast: compared as plain text with the English version, not as JSON.
    queryset = queryset.alias(
        made_from=Cast(KeyTextTransform(code, "translation_versions"), CharField()),
        review_state=Cast(KeyTextTransform(code, "translation_states"), CharField()),
    )
    present = OrientationPage.translated_into(code)
    up_to_date = present & Q(made_from=F("english_version"))
    draft = Q(review_state=TranslationState.DRAFT)
    if status == TranslationState.MISSING:
        return queryset.exclude(present)
    if status == TranslationState.OUTDATED:
        return queryset.filter(
            present & (Q(made_from__isnull=True) | ~Q(made_from=F("english_version")))
        )
    if status == TranslationState.DRAFT:
        return queryset.filter(up_to_date & draft)
    return queryset.filter(up_to_date & (Q(review_state__isnull=True) | ~draft))


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("soon", _("Due within 30 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(review_by__lt=today)
        if self.value() == "soon":
            return queryset.filter(review_by__range=(today, today + datetime.timedelta(days=30)))
        return queryset


# The page list: only the columns it shows ---------------------------------------------------

OTHER_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != SOURCE_LANGUAGE]
LONG_COLUMNS = [
    f"{field}_{code}"
    for field in ("body", "body_html")
    for code in settings.MODELTRANSLATION_LANGUAGES
]


def for_page_list(queryset):
    """The page list's rows without the long text columns (every body, in Markdown and HTML):
    whether each language has a translation comes as a flag instead."""
    flags = {
        f"has_translation_{code}": ExpressionWrapper(
            OrientationPage.translated_into(code), BooleanField()
        )
        for code in OTHER_LANGUAGES
    }
    return queryset.defer(*LONG_COLUMNS).annotate(**flags)


def listed_status(page, code):
    """``page.translation_status(code)`` for a row of the page list, without its bodies."""
    flag = f"has_translation_{code}"
    if not hasattr(page, flag):
        return page.translation_status(code)
    if not getattr(page, flag):  # False, or NULL where a column is empty
        return TranslationState.MISSING
    if page.translation_versions.get(code) != page.english_version:
        return TranslationState.OUTDATED
    if page.translation_state(code) == TranslationState.DRAFT:
        return TranslationState.DRAFT
    return TranslationState.CURRENT
