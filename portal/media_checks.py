"""Checks for uploaded media: what a file is, judged by its content and its name together.

Partners upload videos, captions and pictures. A file that claims to be an MP4 but is not one,
a picture big enough to exhaust memory when opened, an SVG (which can carry script), or a file
whose name says one thing and whose content another ("captions" named page.html) is refused
with a message that says what is wrong. What is kept is stored under a name the portal chooses.
"""

import json
import shutil
import subprocess
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MP4_BRANDS = {b"isom", b"iso2", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V "}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
PICTURE_FORMATS = {"JPEG", "PNG", "WEBP"}
# The file name endings each kind of content may have (content first, then the name must agree).
EXTENSIONS = {
    "mp4": (".mp4", ".m4v"),
    "webm": (".webm",),
    "vtt": (".vtt",),
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
}
VIDEO_EXTENSIONS = EXTENSIONS["mp4"] + EXTENSIONS["webm"]
PICTURE_EXTENSIONS = EXTENSIONS["JPEG"] + EXTENSIONS["PNG"] + EXTENSIONS["WEBP"]
CAPTION_EXTENSIONS = EXTENSIONS["vtt"]


def extension_of(name):
    return PurePosixPath(name or "").suffix.lower()


def _check_extension(file, kind, label):
    """The name must say what the content is, so nothing is ever served as another type."""
    allowed = EXTENSIONS[kind]
    if extension_of(getattr(file, "name", "")) not in allowed:
        raise ValidationError(
            _("This is a %(kind)s file, so its name must end in %(endings)s."),
            params={"kind": label, "endings": " / ".join(allowed)},
            code="wrong_extension",
        )


@deconstructible
class PortalFileName:
    """upload_to: a random name chosen by the portal in ``folder``, never the uploader's name.

    Only the ending is kept, and only one of ``extensions`` (which the validators have matched
    to the content); anything else is stored as .bin, which is never served as a page.
    """

    def __init__(self, folder, extensions):
        self.folder = folder
        self.extensions = tuple(extensions)

    def __call__(self, instance, filename):
        extension = extension_of(filename)
        if extension not in self.extensions:
            extension = ".bin"
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, PortalFileName) and (self.folder, self.extensions) == (
            other.folder,
            other.extensions,
        )

    def __hash__(self):
        return hash((self.folder, self.extensions))


def _head(file, size=64):
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _check_size(file, limit):
    if file.size > limit:
        raise ValidationError(
            _("This file is %(size)s. The largest allowed is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def video_container(file):
    """'mp4', 'webm' or None, from the first bytes of the file."""
    head = _head(file)
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    if head.startswith(EBML_MAGIC) and b"webm" in head:
        return "webm"
    return None


def validate_video(file, expected):
    _check_size(file, settings.WELCOME_VIDEO_MAX_BYTES)
    found = video_container(file)
    if found != expected:
        raise ValidationError(
            _("This file is not a %(expected)s video (its content says: %(found)s)."),
            params={"expected": expected.upper(), "found": (found or _("unknown")).upper()},
            code="wrong_container",
        )
    _check_extension(file, expected, expected.upper())


def validate_mp4(file):
    validate_video(file, "mp4")


def validate_webm(file):
    validate_video(file, "webm")


def validate_captions(file):
    """A WebVTT file: UTF-8 text that starts with WEBVTT and has at least one timed cue."""
    _check_size(file, 512 * 1024)
    file.seek(0)
    raw = file.read()
    file.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("Captions must be UTF-8 text."), code="encoding") from error
    if not text.startswith("WEBVTT") or "-->" not in text:
        raise ValidationError(
            _("This is not a WebVTT captions file (it must start with WEBVTT)."), code="not_vtt"
        )
    _check_extension(file, "vtt", "WebVTT")


def validate_picture(file):
    """JPEG, PNG or WebP only (never SVG), within size and pixel limits."""
    _check_size(file, settings.PICTURE_MAX_BYTES)
    file.seek(0)
    try:
        with Image.open(file) as picture:
            if picture.format not in PICTURE_FORMATS:
                raise ValidationError(_("Use a JPEG, PNG or WebP picture."), code="picture_format")
            width, height = picture.size
            if width * height > settings.PICTURE_MAX_PIXELS:
                raise ValidationError(
                    _("This picture is too large (%(width)s × %(height)s pixels)."),
                    params={"width": width, "height": height},
                    code="too_many_pixels",
                )
            picture.verify()
            found = picture.format
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as error:
        raise ValidationError(
            _("This file is not a picture we can use. Use a JPEG, PNG or WebP."),
            code="not_a_picture",
        ) from error
    finally:
        file.seek(0)
    _check_extension(file, found, found)


def video_duration(path):
    """Seconds, read with ffprobe where it is installed; None where it is not."""
    ffprobe = shutil.which("ffprobe")
    if not ffprobe:
        return None
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, a file path argument
            [ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
            capture_output=True,
            timeout=20,
            check=True,
        )
        return round(float(json.loads(result.stdout)["format"]["duration"]))
    except (subprocess.SubprocessError, KeyError, ValueError, OSError):
        return None
