"""The small tables every list and page reads (topics, statuses, the tags that choose a card's
phrases), kept per worker until the next content change instead of queried on every page."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Value
from django.http import Http404

from portal.cache import shared_content

from .models import MigrationStatus, OrientationPage, Topic
from .show_card import PHRASES_BY_TAG


def topics():
    return shared_content("topics", lambda: list(Topic.objects.all()))


def statuses():
    return shared_content("statuses", lambda: list(MigrationStatus.objects.all()))


def _by_slug(rows, slug):
    for row in rows:
        if row.slug == slug:
            return row
    raise Http404(f"No such topic or status: {slug}")


def topic_or_404(slug):
    return _by_slug(topics(), slug)


def status_or_404(slug):
    return _by_slug(statuses(), slug)


def _card_tags():
    tags = OrientationPage.tags.through.tag_model()
    return dict(tags.objects.filter(name__in=PHRASES_BY_TAG).values_list("pk", "name"))


def card_tags():
    """{tag id: name} of the tags that give a page's card a phrase."""
    return shared_content("card_tags", _card_tags)


_TOPIC, _STATUS, _TAG = 1, 2, 3


def filed_under(page):
    """(topics, statuses, card tag names) of a page, with one query: a UNION of its three link
    tables, resolved against the kept tables above (a page used to ask three queries for them).
    """
    kind = functools.partial(Value, output_field=IntegerField())
    links = (
        OrientationPage.topics.through.objects.filter(orientationpage_id=page.pk)
        .values_list(kind(_TOPIC), "topic_id")
        .union(
            OrientationPage.statuses.through.objects.filter(orientationpage_id=page.pk).values_list(
                kind(_STATUS), "migrationstatus_id"
            ),
            OrientationPage.tags.through.objects.filter(
                content_type=ContentType.objects.get_for_model(OrientationPage),
                object_id=page.pk,
            ).values_list(kind(_TAG), "tag_id"),
            all=True,
        )
    )
    ids = {_TOPIC: set(), _STATUS: set(), _TAG: set()}
    for link_kind, linked_id in links:
        ids[link_kind].add(linked_id)
    tag_names = card_tags()
    return (
        [topic for topic in topics() if topic.pk in ids[_TOPIC]],
        [status for status in statuses() if status.pk in ids[_STATUS]],
        sorted(tag_names[tag_id] for tag_id in ids[_TAG] if tag_id in tag_names),
    )
