"""What is counted about the portal's use, and what readers say about its pages.

Nothing here identifies or follows a person: counts are per day and per dimension (a page, a
language, a device class...), never per visitor. The unique-visitor estimate is made with a
salted hash that lives in the cache for one day only and is never written to the database.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    VIEWS = "views", _("Page views")
    VISITS = "visits", _("Visits")
    UNIQUES = "uniques", _("Unique visitors (estimate)")
    PAGE = "page", _("Views by page")
    LANGUAGE = "language", _("Views by language")
    TOPIC = "topic", _("Views by topic")
    STATUS = "status", _("Views by migration status")
    REFERRER = "referrer", _("Referring sites")
    DEVICE = "device", _("Device class")
    CAMPAIGN = "campaign", _("Campaign or QR code")
    SEARCH = "search", _("Searches")
    SEARCH_EMPTY = "search_empty", _("Searches that found nothing")
    VIDEO = "video", _("Video plays by language")
    OUTBOUND = "outbound", _("Links followed to other sites")
    UNMET_LANGUAGE = "unmet_language", _("Languages asked for but not offered")
    FEEDBACK = "feedback", _("Feedback given")


class DailyCount(models.Model):
    """How many times something happened on one day. The unit of every report."""

    date = models.DateField(_("date"))
    metric = models.CharField(_("what"), max_length=20, choices=Metric.choices)
    key = models.CharField(_("which"), max_length=120, blank=True)
    count = models.PositiveBigIntegerField(_("count"), default=0)
    synthetic = models.BooleanField(
        _("synthetic sample data"),
        default=False,
        help_text=_("Made up for demonstration; never mixed with real counts in a report."),
    )

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "metric", "key", "synthetic"], name="daily_count_unique"
            )
        ]
        indexes = [models.Index(fields=["metric", "date"])]

    def __str__(self):
        return f"{self.date} {self.metric} {self.key}: {self.count}"


class PageFeedback(models.Model):
    """ "Was this page helpful?" and, optionally, what was missing. No personal data is asked."""

    page = models.ForeignKey(
        "orientation.OrientationPage", on_delete=models.CASCADE, related_name="feedback"
    )
    language = models.CharField(_("language"), max_length=12)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_on = models.DateField(_("date"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.page} ({self.language}): {'yes' if self.helpful else 'no'}"
