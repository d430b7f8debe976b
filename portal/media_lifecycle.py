"""What happens to uploaded files around their records, whichever path saves or deletes them
(admin forms, inlines, bulk actions, the content loader, a cascade from a deleted page).

- A picture is stripped of EXIF (GPS), XMP and comments before it is first stored, unless the
  path that saved it already did (its file is then committed).
- A file replaced by another, or whose record is deleted, is removed from storage with its
  renditions once the transaction commits, so nothing a partner took down stays reachable.

Each app names its models with files in its ``ready()`` (``follow``); this module knows no app.
"""

from django.db import transaction
from django.db.models.signals import post_delete, pre_save

from portal.images import delete_renditions, strip_metadata

FILE_FIELDS = {}
PICTURE_FIELDS = {}


def _remove(storage, name, field_file):
    delete_renditions(field_file)
    storage.delete(name)


def remove_on_commit(field_file):
    """Take this file and its renditions out of storage once the transaction commits."""
    if field_file and field_file.name:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: _remove(storage, name, field_file))


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
            remove_on_commit(field.attr_class(instance, field, old_name))


def remove_files_of_deleted_record(sender, instance, **kwargs):
    for name in FILE_FIELDS[sender]:
        remove_on_commit(getattr(instance, name))


def follow(model, *, files, pictures=()):
    """Look after the stored files of ``model``: ``files`` are all its file fields, ``pictures``
    those of them that are pictures (stripped before they are first stored)."""
    FILE_FIELDS[model] = tuple(files)
    PICTURE_FIELDS[model] = tuple(pictures)
    pre_save.connect(strip_new_pictures, sender=model, dispatch_uid=f"strip-{model.__name__}")
    pre_save.connect(remove_replaced_files, sender=model, dispatch_uid=f"replaced-{model.__name__}")
    post_delete.connect(
        remove_files_of_deleted_record, sender=model, dispatch_uid=f"deleted-{model.__name__}"
    )
