from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.images import strip_metadata
from portal.media_checks import video_duration

from .models import WelcomeVideo


@admin.register(WelcomeVideo)
class WelcomeVideoAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "speaker", "duration_label", "is_sample", "published")
    list_filter = ("language", "published", "is_sample")
    autocomplete_fields = ("interpreting_page",)
    fieldsets = (
        (None, {"fields": ("language", "title", "speaker", "published", "order", "is_sample")}),
        (
            _("Files"),
            {
                "fields": (
                    "video_mp4",
                    "video_webm",
                    "video_small",
                    "captions",
                    "poster",
                    "external_url",
                    "duration_seconds",
                ),
                "description": _(
                    "MP4 (H.264) plays on every phone; add WebM and a small MP4 for slow "
                    "connections if you can. Captions must be WebVTT in the video's language."
                ),
            },
        ),
        (_("Words"), {"fields": ("transcript", "transcript_state", "interpreting_page")}),
    )

    @admin.display(description=_("length"))
    def duration_label(self, video):
        return video.duration_label or "—"

    def save_model(self, request, obj, form, change):
        if "poster" in form.changed_data and obj.poster:
            obj.poster.save(obj.poster.name.rsplit("/", 1)[-1], strip_metadata(obj.poster), False)
        super().save_model(request, obj, form, change)
        if obj.video_mp4 and not obj.duration_seconds:
            seconds = video_duration(obj.video_mp4.path) if hasattr(obj.video_mp4, "path") else None
            if seconds:
                WelcomeVideo.objects.filter(pk=obj.pk).update(duration_seconds=seconds)
