"""Public pages are cached; any change to the content they show must be seen at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import bump_content_generation

CONTENT_APPS = {"orientation", "directory", "taggit"}


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        bump_content_generation()


@receiver(m2m_changed)
def content_relations_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        bump_content_generation()
