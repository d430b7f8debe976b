"""Public pages are cached; any change to the content they show must be seen at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver

from portal.cache import bump_content_generation, is_public_content


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, **kwargs):
    if is_public_content(sender):
        bump_content_generation()


@receiver(m2m_changed)
def content_relations_changed(sender, instance, **kwargs):
    if is_public_content(sender) or is_public_content(type(instance)):
        bump_content_generation()


# What readers do that others may want to know of. The views only announce it: whoever keeps
# usage figures (insights) connects in its ``ready()``, so no content view imports the counter.
# Sent with ``request``, ``query``, ``language`` (the reader's) and ``found`` (whether anything
# matched). Plays of the welcome videos are announced by ``videos.signals.video_played``.
searched = Signal()
