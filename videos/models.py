"""Welcome videos by people of each community."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from orientation.models import limited_text
from portal.languages import LANGUAGE_CODES, PORTAL_LANGUAGES
from portal.media_checks import (
    CAPTION_EXTENSIONS,
    EXTENSIONS,
    PICTURE_EXTENSIONS,
    PortalFileName,
    validate_captions,
    validate_mp4,
    validate_picture,
    validate_webm,
)
from portal.translation import REVIEW_LEVELS, TranslationState, choices_of

LANGUAGE_CHOICES = [(language.code, language.native_name) for language in PORTAL_LANGUAGES]


class WelcomeVideoQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_language(self, code):
        return self.published().filter(language=code).order_by("order", "pk").first()


class WelcomeVideo(models.Model):
    """A short welcome in one community language, with its words as captions and as text."""

    language = models.CharField(_("language"), max_length=12, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title, in the video's language"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    transcript = models.TextField(
        _("transcript"),
        help_text=_("The words of the video, in its language."),
        **limited_text(5_000),
    )
    transcript_state = models.CharField(
        _("transcript"),
        max_length=12,
        choices=choices_of(REVIEW_LEVELS),
        default=TranslationState.ORIGINAL,
    )
    # Stored under names the portal chooses (see PortalFileName), deleted with the record.
    video_mp4 = models.FileField(
        _("video (MP4, H.264)"),
        upload_to=PortalFileName("videos", EXTENSIONS["mp4"]),
        blank=True,
        validators=[validate_mp4],
    )
    video_webm = models.FileField(
        _("video (WebM)"),
        upload_to=PortalFileName("videos", EXTENSIONS["webm"]),
        blank=True,
        validators=[validate_webm],
    )
    video_small = models.FileField(
        _("small video for slow connections (MP4)"),
        upload_to=PortalFileName("videos", EXTENSIONS["mp4"]),
        blank=True,
        validators=[validate_mp4],
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to=PortalFileName("videos", CAPTION_EXTENSIONS),
        blank=True,
        validators=[validate_captions],
    )
    poster = models.ImageField(
        _("poster picture"),
        upload_to=PortalFileName("videos", PICTURE_EXTENSIONS),
        blank=True,
        validators=[validate_picture],
    )
    external_url = models.URLField(
        _("or: address of the video elsewhere"),
        blank=True,
        help_text=_("Use instead of uploading, for a video hosted by a partner."),
    )
    duration_seconds = models.PositiveIntegerField(_("length in seconds"), null=True, blank=True)
    interpreting_page = models.ForeignKey(
        "orientation.OrientationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page about interpreters"),
    )
    is_sample = models.BooleanField(
        _("sample media"), default=False, help_text=_("A generated stand-in, not a real speaker.")
    )
    published = models.BooleanField(_("published"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = WelcomeVideoQuerySet.as_manager()

    class Meta:
        ordering = ["order", "language"]
        verbose_name = _("welcome video")
        verbose_name_plural = _("welcome videos")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="welcome_video_language"
            )
        ]

    def __str__(self):
        return f"{self.get_language_display()}: {self.title}"

    def get_absolute_url(self):
        return reverse("video", kwargs={"video_language": self.language})

    @property
    def is_rtl(self):
        return self.language in settings.LANGUAGES_BIDI

    @property
    def transcript_lines(self):
        return [line.strip() for line in self.transcript.splitlines() if line.strip()]

    @property
    def duration_label(self):
        if not self.duration_seconds:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"

    @staticmethod
    def _size(field_file):
        try:
            return field_file.size if field_file else None
        except OSError:
            return None

    @property
    def main_size(self):
        return self._size(self.video_mp4)

    @property
    def small_size(self):
        return self._size(self.video_small)
