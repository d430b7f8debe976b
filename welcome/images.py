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


def strip_metadata(field_file):
    """Re-encode an uploaded picture in place, without EXIF (GPS, camera, owner)."""
    field_file.open("rb")
    with Image.open(field_file) as picture:
        picture = ImageOps.exif_transpose(picture)
        pil_format = picture.format or "JPEG"
        buffer = io.BytesIO()
        if pil_format == "JPEG":
            picture.convert("RGB").save(buffer, "JPEG", quality=85)
        else:
            picture.save(buffer, pil_format)
    field_file.close()
    return ContentFile(buffer.getvalue())
