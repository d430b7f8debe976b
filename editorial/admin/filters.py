"""The page list's filters: translation state per language, and reviews due."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orientation.models import TranslationStatus


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{status.value}", f"{name} – {status.label}")
            for code, name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
            for status in TranslationStatus
        ]

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        code, status = self.value().split(":", 1)
        matching = [page.pk for page in queryset if page.translation_status(code) == status]
        return queryset.filter(pk__in=matching)


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
