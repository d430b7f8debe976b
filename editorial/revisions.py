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
def record(page, *, author=None, minor=False, note=""):
    number = latest_number(page) + 1
    return PageRevision.objects.create(
        page=page, number=number, author=author, minor=minor, note=note, snapshot=snapshot(page)
    )


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
def restore(page, revision, *, author=None):
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
    return record(page, author=author, note=f"restored #{revision.number}")
