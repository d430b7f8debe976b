"""Who edits what, every saved version of a page, and a trail of what was published or removed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffProfile(models.Model):
    """A staff account's organisation (agency editors) and languages (translators)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        verbose_name=_("organisation"),
    )
    translation_languages = models.JSONField(
        _("languages they translate"), default=list, blank=True
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)


class PageRevision(models.Model):
    """One saved version of a page: who, when, and all its words and settings at that moment."""

    page = models.ForeignKey(
        "orientation.OrientationPage", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    minor = models.BooleanField(_("minor edit"), default=False)
    pending = models.BooleanField(
        _("waiting for review"),
        default=False,
        help_text=_("An agency's change to a live page, not yet on the site."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    snapshot = models.JSONField(_("content"))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("page revision")
        verbose_name_plural = _("page revisions")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="page_revision_number")
        ]

    def __str__(self):
        return f"{self.page} #{self.number}"


class ReviewNote(models.Model):
    """A reviewer's reason for sending a page back, shown to its editors."""

    page = models.ForeignKey(
        "orientation.OrientationPage", on_delete=models.CASCADE, related_name="review_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("comment"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")

    def __str__(self):
        return self.text[:60]


class AuditEvent(models.Model):
    """Publish, unpublish, delete and permission changes: who did it and when, kept for good."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        DELETED = "deleted", _("Deleted")
        PERMISSIONS = "permissions", _("Permissions changed")
        RESTORED = "restored", _("Revision restored")
        SENT_BACK = "sent_back", _("Sent back by a reviewer")
        CHANGE_PUBLISHED = "change_published", _("Waiting change published")
        CHANGE_DECLINED = "change_declined", _("Waiting change declined")

    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("type"), max_length=60)
    object_id = models.CharField(_("id"), max_length=40)
    object_repr = models.CharField(_("object"), max_length=200)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class DirectoryChange(models.Model):
    """An agency's change to its directory entry, waiting for a reviewer (no self-publishing).

    ``data`` holds every field of the entry as the agency wants it, with its opening hours and
    closures, so nothing is dropped when a reviewer publishes it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="waiting_changes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    data = models.JSONField(_("content"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("directory change")
        verbose_name_plural = _("directory changes")

    def __str__(self):
        return f"{self.organisation} ({self.get_status_display()})"


class JargonTerm(models.Model):
    """A word readers may not know, and what to write instead. Editors keep this list."""

    term = models.CharField(_("term"), max_length=100, unique=True)
    plain_alternative = models.CharField(_("say instead"), max_length=300)

    class Meta:
        ordering = ["term"]
        verbose_name = _("jargon term")
        verbose_name_plural = _("jargon terms")

    def __str__(self):
        return self.term
