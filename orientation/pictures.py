"""Page pictures in storage: followed from upload to deletion, and cleared when unused.

A picture uploaded with a change that waits for review has no record until the change is
published; if the change never goes live (declined, replaced by a later edit, or its page
deleted), ``remove_unused_pictures`` takes it out of storage unless a page uses it.
"""

from portal import media_lifecycle

from .models import PageImage


def follow_page_pictures():
    media_lifecycle.follow(PageImage, files=("image",), pictures=("image",))


def remove_unused_pictures(names):
    """Remove these stored page pictures (and their renditions, a preview may have made some)
    once the transaction commits, leaving any that a page's picture still uses."""
    names = {name for name in names if name}
    if not names:
        return
    used = set(PageImage.objects.filter(image__in=names).values_list("image", flat=True))
    field = PageImage._meta.get_field("image")
    for name in sorted(names - used):
        media_lifecycle.remove_on_commit(field.attr_class(None, field, name))
