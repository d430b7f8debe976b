"""Revisions: every field of a page and its inlines as one snapshot, applied, compared, kept.

A snapshot is the whole page as an editor sees it (words in every language, settings, topics,
statuses, tags, related organisations, sources and pictures). The workflow applies snapshots to
publish a waiting change, to restore a revision and to save an edit, so nothing an editor saved
can be dropped on the way. These are low-level helpers: permission checks live in the workflow.
"""

import datetime
import difflib

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from directory.models import Organisation
from orientation.models import MigrationStatus, OrientationPage, PageImage, SourceLink, Topic
from portal.translation import SOURCE_LANGUAGE, source_field

from .models import PageRevision

PLAIN_FIELDS = ("slug", "state", "last_checked", "review_by", "to_confirm", "organisation_id")
DATE_FIELDS = ("last_checked", "review_by")
RELATIONS = {"topics": Topic, "statuses": MigrationStatus, "related_organisations": Organisation}
BOOKKEEPING = ("translation_states", "translation_versions", "english_version")
LANGUAGES = tuple(settings.MODELTRANSLATION_LANGUAGES)
RTL = set(settings.LANGUAGES_BIDI)
INLINES = {"sources": SourceLink, "images": PageImage}


def _text_keys():
    return [f"{field}_{code}" for field in OrientationPage.text_fields for code in LANGUAGES]


def source_row(source):
    row = {f"title_{code}": getattr(source, f"title_{code}") or "" for code in LANGUAGES}
    return {**row, "url": source.url, "order": source.order}


def image_row(image):
    row = {f"alt_{code}": getattr(image, f"alt_{code}") or "" for code in LANGUAGES}
    return {**row, "image": image.image.name, "order": image.order}


def snapshot(page):
    """The page as it is now, stored: everything needed to show it or bring it back."""
    data = {key: getattr(page, key) or "" for key in _text_keys()}
    for field in PLAIN_FIELDS:
        value = getattr(page, field)
        data[field] = value.isoformat() if hasattr(value, "isoformat") else value
    if page.pk:
        for name in RELATIONS:
            data[name] = sorted(getattr(page, name).values_list("slug", flat=True))
        data["tags"] = sorted(page.tags.names())
        data["sources"] = [source_row(source) for source in page.sources.all()]
        data["images"] = [image_row(image) for image in page.images.all()]
    for field in BOOKKEEPING:
        data[field] = getattr(page, field)
    return data


def latest_number(page):
    return page.revisions.aggregate(latest=Max("number"))["latest"] or 0


@transaction.atomic
def record(page, *, author=None, minor=False, note="", pending=False, data=None):
    number = latest_number(page) + 1
    return PageRevision.objects.create(
        page=page,
        number=number,
        author=author,
        minor=minor,
        note=note,
        pending=pending,
        snapshot=data if data is not None else snapshot(page),
    )


def pending_revision(page):
    """The newest change waiting for review; a second edit builds on it."""
    if page is None or page.pk is None:
        return None
    return page.revisions.filter(pending=True).first()


def set_fields(page, data):
    """Put a snapshot's own fields on a page object, without saving (keys absent are kept)."""
    for key in (*_text_keys(), *PLAIN_FIELDS, *BOOKKEEPING):
        if key in data:
            setattr(page, key, data[key])
    for key in DATE_FIELDS:
        if isinstance(getattr(page, key), str):
            setattr(page, key, _date(getattr(page, key)))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def apply(page, data):
    """Make the page (and its relations and inlines) what the snapshot says; saves it."""
    set_fields(page, data)
    page.save(minor_edit=True)  # the workflow settled the English version
    for name, model in RELATIONS.items():
        if name in data:
            getattr(page, name).set(model.objects.filter(slug__in=data[name]))
    if "tags" in data:
        page.tags.set(data["tags"], clear=True)
    if "sources" in data:
        page.sources.all().delete()
        SourceLink.objects.bulk_create(SourceLink(page=page, **row) for row in data["sources"])
    if "images" in data:
        _apply_images(page, data["images"])
    return page


def _apply_images(page, rows):
    # Pictures are matched by their stored file, so a kept picture keeps its row and its file.
    existing = {image.image.name: image for image in page.images.all()}
    wanted = {row["image"] for row in rows}
    for name, image in existing.items():
        if name not in wanted:
            image.delete()
    for row in rows:
        image = existing.get(row["image"]) or PageImage(page=page)
        for key, value in row.items():
            setattr(image, key, value)
        image.save()


def field_label(
    key, model=OrientationPage, translated=OrientationPage.text_fields, inlines=INLINES
):
    """ "body_ar" -> "Body (Markdown) (Arabic)": the form's own label, for a reviewer's diff."""
    field, _sep, code = key.rpartition("_")
    if field in translated and code in LANGUAGES:
        name = model._meta.get_field(field).verbose_name
        return f"{capfirst(name)} ({get_language_info(code)['name_translated']})"
    if key in inlines:
        return capfirst(inlines[key]._meta.verbose_name_plural)
    name = key.removesuffix("_id")
    return capfirst(model._meta.get_field(name).verbose_name)


def value_lines(key, value):
    """A field's value as the lines a diff compares."""
    if key in ("sources", "images"):
        return [
            " · ".join(
                str(row[part])
                for part in (source_field("title"), source_field("alt"), "url", "image")
                if part in row
            )
            for row in value or []
        ]
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value if value is not None else "").splitlines()


def diff(
    older,
    newer,
    keys=None,
    *,
    label=field_label,
    lines=value_lines,
    translated=OrientationPage.text_fields,
):
    """Only the fields that changed between two snapshots (or revisions), by their labels,
    each as lines marked '+', '-' or ' ', with the language and direction of the text.

    Pages by default; a directory entry passes its own keys, labels, lines and translated
    fields (see ``admin.organisations.entry_diff``)."""
    old = getattr(older, "snapshot", older) or {}
    new = getattr(newer, "snapshot", newer) or {}
    changes = []
    ordered = (*_text_keys(), *PLAIN_FIELDS, *RELATIONS, "tags", "sources", "images")
    for key in keys or ordered:
        if key not in new and key not in old:
            continue
        before, after = old.get(key, ""), new.get(key, "")
        if (before or "") == (after or ""):
            continue
        field, _sep, code = key.rpartition("_")
        code = code if field in translated and code in LANGUAGES else SOURCE_LANGUAGE
        marked = difflib.ndiff(lines(key, before), lines(key, after))
        changes.append(
            {
                "field": label(key),
                "lang": code,
                "dir": "rtl" if code in RTL else "ltr",
                "lines": [(line[0], line[2:]) for line in marked if not line.startswith("?")],
            }
        )
    return changes
