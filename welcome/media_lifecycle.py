"""What happens to uploaded files around their records, whichever path saves or deletes them
(admin forms, inlines, bulk actions, the content loader, a cascade from a deleted page).

- A picture is stripped of EXIF (GPS), XMP and comments before it is first stored, unless the
  path that saved it already did (its file is then committed).
- A file replaced by another, or whose record is deleted, is removed from storage with its
  renditions once the transaction commits, so nothing a partner took down stays reachable.
- A picture uploaded with a change that waits for review has no record until the change is
  published; if the change never goes live (declined, replaced by a later edit, or its page
  deleted), ``remove_unused_pictures`` takes it out of storage unless a page uses it.
"""

from django.db import transaction
from django.db.models.signals import post_delete, pre_save

from orientation.models import PageImage
from portal.images import delete_renditions, strip_metadata

from .models import WelcomeVideo

FILE_FIELDS = {
    WelcomeVideo: ("video_mp4", "video_webm", "video_small", "captions", "poster"),
    PageImage: ("image",),
}
PICTURE_FIELDS = {WelcomeVideo: ("poster",), PageImage: ("image",)}


def _remove(storage, name, field_file):
    delete_renditions(field_file)
    storage.delete(name)


def _remove_on_commit(field_file):
    if field_file and field_file.name:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: _remove(storage, name, field_file))


def remove_unused_pictures(names):
    """Remove these stored page pictures (and their renditions, a preview may have made some)
    once the transaction commits, leaving any that a page's picture still uses."""
    names = {name for name in names if name}
    if not names:
        return
    used = set(PageImage.objects.filter(image__in=names).values_list("image", flat=True))
    field = PageImage._meta.get_field("image")
    for name in sorted(names - used):
        _remove_on_commit(field.attr_class(None, field, name))


def strip_new_pictures(sender, instance, **kwargs):
    for name in PICTURE_FIELDS[sender]:
        field_file = getattr(instance, name)
        if field_file and not field_file._committed:
            field_file.file = strip_metadata(field_file)


def remove_replaced_files(sender, instance, **kwargs):
    if instance.pk is None or kwargs.get("raw"):
        return
    fields = FILE_FIELDS[sender]
    before = sender.objects.filter(pk=instance.pk).values(*fields).first()
    if not before:
        return
    for name in fields:
        old_name = before[name]
        if old_name and old_name != getattr(instance, name).name:
            field = sender._meta.get_field(name)
            _remove_on_commit(field.attr_class(instance, field, old_name))


def remove_files_of_deleted_record(sender, instance, **kwargs):
    for name in FILE_FIELDS[sender]:
        _remove_on_commit(getattr(instance, name))


def connect():
    for model in FILE_FIELDS:
        pre_save.connect(strip_new_pictures, sender=model, dispatch_uid=f"strip-{model.__name__}")
        pre_save.connect(
            remove_replaced_files, sender=model, dispatch_uid=f"replaced-{model.__name__}"
        )
        post_delete.connect(
            remove_files_of_deleted_record, sender=model, dispatch_uid=f"deleted-{model.__name__}"
        )
