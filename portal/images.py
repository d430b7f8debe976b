"""Responsive renditions of uploaded pictures: made once, cached in storage, metadata removed.

A partner's 4 MB photo is never sent to a phone: readers get a WebP (with a JPEG fallback) of
the width their screen needs. Re-encoding also drops EXIF data such as GPS positions.
"""

import hashlib
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

WIDTHS = (320, 640)
FORMATS = {"webp": ("WEBP", {"quality": 70, "method": 4}), "jpg": ("JPEG", {"quality": 72})}


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int
    kind: str  # "webp" or "jpg"
    size: int


def _source_key(field_file):
    return hashlib.sha256(f"{field_file.name}:{field_file.size}".encode()).hexdigest()[:16]


def renditions(field_file, widths=WIDTHS):
    """Every rendition of a picture, making any that are missing."""
    if not field_file:
        return []
    key = _source_key(field_file)
    made = []
    picture = None
    try:
        for width in widths:
            for extension, (pil_format, options) in FORMATS.items():
                name = f"renditions/{key}-{width}.{extension}"
                if not default_storage.exists(name):
                    if picture is None:
                        field_file.open("rb")
                        picture = ImageOps.exif_transpose(Image.open(field_file)).convert("RGB")
                        picture.info = {}  # Pillow would copy a JPEG comment across
                    copy = picture.copy()
                    copy.thumbnail((width, width * 4))
                    buffer = io.BytesIO()
                    copy.save(buffer, pil_format, **options)  # no exif= : metadata is dropped
                    default_storage.save(name, ContentFile(buffer.getvalue()))
                with default_storage.open(name, "rb") as stored, Image.open(stored) as rendered:
                    size = rendered.size
                made.append(
                    Rendition(
                        url=default_storage.url(name),
                        width=size[0],
                        height=size[1],
                        kind=extension,
                        size=default_storage.size(name),
                    )
                )
    finally:
        if picture is not None:
            field_file.close()
    return made


def delete_renditions(field_file):
    """Remove a picture's renditions (call while the picture itself is still in storage)."""
    if not field_file:
        return
    try:
        key = _source_key(field_file)
    except OSError:
        return
    for width in WIDTHS:
        for extension in FORMATS:
            default_storage.delete(f"renditions/{key}-{width}.{extension}")


# Kept when a picture is cleaned: how to show its colours. Everything else (EXIF with GPS and
# camera, XMP, JPEG comments, PNG text) can say who took it, where, and with what.
KEPT_INFO = ("icc_profile", "transparency")


def strip_metadata(field_file):
    """Re-encode an uploaded picture in its own format, without EXIF, XMP or comments."""
    field_file.open("rb")
    with Image.open(field_file) as original:
        pil_format = original.format or "JPEG"  # before transposing, which forgets it
        picture = ImageOps.exif_transpose(original)
        picture.info = {key: value for key, value in original.info.items() if key in KEPT_INFO}
        buffer = io.BytesIO()
        if pil_format == "JPEG":
            picture.convert("RGB").save(buffer, "JPEG", quality=85)
        elif pil_format == "WEBP":
            picture.save(buffer, "WEBP", quality=85)
        else:
            picture.save(buffer, pil_format)
    field_file.close()
    return ContentFile(buffer.getvalue())
