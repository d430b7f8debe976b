"""Public pages are cached; any change to the content they show must be seen at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import bump_content_generation

CONTENT_MODELS = (
    "Locality",
    "EmergencyContact",
    "Topic",
    "MigrationStatus",
    "Organisation",
    "OrientationPage",
    "SourceLink",
)


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, **kwargs):
    if sender._meta.app_label == "orientation" and sender.__name__ in CONTENT_MODELS:
        bump_content_generation()


@receiver(m2m_changed)
def content_relations_changed(sender, **kwargs):
    if sender._meta.app_label in {"orientation", "taggit"}:
        bump_content_generation()
