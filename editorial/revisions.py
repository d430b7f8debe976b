"""Every save keeps a revision; revisions can be compared and restored; nothing is lost."""

import difflib

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from .models import PageRevision

TEXT_FIELDS = ("title", "summary", "body")
PLAIN_FIELDS = ("slug", "state", "last_checked", "review_by", "organisation_id")


def snapshot(page):
    data = {
        f"{field}_{code}": getattr(page, f"{field}_{code}") or ""
        for field in TEXT_FIELDS
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
    for field in PLAIN_FIELDS:
        value = getattr(page, field)
        data[field] = value.isoformat() if hasattr(value, "isoformat") else value
    data["topics"] = sorted(page.topics.values_list("slug", flat=True))
    data["statuses"] = sorted(page.statuses.values_list("slug", flat=True))
    data["translation_states"] = page.translation_states
    data["translation_versions"] = page.translation_versions
    data["english_version"] = page.english_version
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


def proposed_snapshot(page, cleaned_data):
    """What the page would be with an editor's unsaved changes (for a pending revision)."""
    data = snapshot(page)
    for relation in ("topics", "statuses"):
        if relation in cleaned_data:
            data[relation] = sorted(item.slug for item in cleaned_data[relation])
    return data


def pending_revision(page):
    return page.revisions.filter(pending=True).first()


@transaction.atomic
def publish_pending(page, revision, *, author=None):
    """Put a reviewed pending change on the site, as a new revision."""
    published = restore(page, revision, author=author, note=f"published change #{revision.number}")
    page.revisions.filter(pending=True).update(pending=False)
    return published


def diff(older, newer):
    """Changed fields between two revisions, each as lines marked '+', '-' or ' '."""
    changes = []
    old, new = (older.snapshot if older else {}), newer.snapshot
    for field in sorted(set(old) | set(new)):
        before, after = old.get(field, ""), new.get(field, "")
        if before == after:
            continue
        lines = difflib.ndiff(str(before).splitlines(), str(after).splitlines())
        changes.append(
            {
                "field": field,
                "lines": [(line[0], line[2:]) for line in lines if not line.startswith("?")],
            }
        )
    return changes


@transaction.atomic
def restore(page, revision, *, author=None, note=None):
    """Bring back an earlier revision's words and settings, as a new revision."""
    data = revision.snapshot
    for field in TEXT_FIELDS:
        for code in settings.MODELTRANSLATION_LANGUAGES:
            key = f"{field}_{code}"
            if key in data:
                setattr(page, key, data[key])
    page.translation_states = data.get("translation_states", page.translation_states)
    page.translation_versions = data.get("translation_versions", page.translation_versions)
    page.save()
    if "topics" in data:
        page.topics.set(page.topics.model.objects.filter(slug__in=data["topics"]))
    if "statuses" in data:
        page.statuses.set(page.statuses.model.objects.filter(slug__in=data["statuses"]))
    return record(page, author=author, note=note or f"restored #{revision.number}")
