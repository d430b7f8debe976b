"""Reading content files: YAML and Markdown with front matter, and errors that name the file."""

import re
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator

from portal.translation import TranslationState

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
# What a content file may say of a translation (the source text is always reviewed).
TRANSLATION_STATES = {TranslationState.DRAFT.value, TranslationState.REVIEWED.value}


class ContentError(Exception):
    """A content file is malformed. The message names the file and what is wrong."""

    def __init__(self, path, message):
        self.path = Path(path)
        super().__init__(f"{path}: {message}")


# libyaml's parser when PyYAML was built with it: the sample's 480 files parse ten times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text):
    return yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader, C or Python


def languages():
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


def read_yaml(path):
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(path, f"is not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise ContentError(path, "must be a YAML mapping")
    return data


def require(path, mapping, key, kind=str):
    value = mapping.get(key)
    if value is None or (kind is str and not str(value).strip()):
        raise ContentError(path, f"is missing '{key}'")
    if not isinstance(value, kind):
        raise ContentError(path, f"'{key}' must be a {kind.__name__}")
    return value


# Every slug column is a SlugField of Django's default length.
SLUG_MAX_LENGTH = 50


def check_slug(path, slug, what):
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise ContentError(
            path, f"{what} '{slug}' is not a valid slug (lowercase a-z, 0-9, hyphens)"
        )
    if len(slug) > SLUG_MAX_LENGTH:
        raise ContentError(
            path, f"{what} '{slug}' is {len(slug)} characters long; at most {SLUG_MAX_LENGTH} fit"
        )


def check_fits(path, model, values):
    """Every text fits its column, checked before anything is written: a value that is too long
    would otherwise fail inside the loading transaction without naming its file."""
    for name, value in values.items():
        try:
            limit = model._meta.get_field(name).max_length
        except FieldDoesNotExist:
            continue
        if limit and isinstance(value, str) and len(value) > limit:
            raise ContentError(
                path, f"'{name}' is {len(value)} characters long; at most {limit} fit"
            )


def read_markdown(path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(path, "is not UTF-8 text") from error
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(path, "must start with front matter between '---' lines")
    try:
        meta = load_yaml(match.group(1))
    except yaml.YAMLError as error:
        raise ContentError(path, f"has invalid front matter ({error})") from error
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a YAML mapping")
    body = match.group(2).strip()
    if not body:
        raise ContentError(path, "has no body text")
    return meta, body


def check_url(path, url):
    try:
        URLValidator(schemes=["https", "http"])(url)
    except ValidationError as error:
        raise ContentError(path, f"'{url}' is not a valid web address") from error
