"""Public views: what a new arrival browses. Each asks a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from directory.models import Organisation

from .cache import cache_public_page
from .models import MigrationStatus, OrientationPage, Topic, TranslationStatus


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str = ""


@cache_public_page
def topic_list(request):
    return render(
        request,
        "orientation/topic_list.html",
        {"topics": Topic.objects.all(), "crumbs": [Crumb(_("Topics"))]},
    )


@cache_public_page
def topic_detail(request, topic):
    topic = get_object_or_404(Topic, slug=topic)
    pages = OrientationPage.objects.published().in_topic(topic).for_listing()
    crumbs = [Crumb(_("Topics"), reverse("orientation:topics")), Crumb(topic.name)]
    return render(
        request,
        "orientation/topic_detail.html",
        {
            "topic": topic,
            "pages": pages,
            "statuses": MigrationStatus.objects.all(),
            "crumbs": crumbs,
        },
    )


@cache_public_page
def status_list(request):
    return render(
        request,
        "orientation/status_list.html",
        {"statuses": MigrationStatus.objects.all(), "crumbs": [Crumb(_("Who are you?"))]},
    )


@cache_public_page
def status_detail(request, status):
    status = get_object_or_404(MigrationStatus, slug=status)
    pages = OrientationPage.objects.published().for_status(status)
    topics = Topic.objects.filter(pages__in=pages).distinct()
    crumbs = [Crumb(_("Who are you?"), reverse("orientation:statuses")), Crumb(status.name)]
    return render(
        request,
        "orientation/status_detail.html",
        {"status": status, "topics": topics, "crumbs": crumbs},
    )


@cache_public_page
def status_topic(request, status, topic):
    status = get_object_or_404(MigrationStatus, slug=status)
    topic = get_object_or_404(Topic, slug=topic)
    pages = OrientationPage.objects.published().for_status(status).in_topic(topic).for_listing()
    crumbs = [
        Crumb(_("Who are you?"), reverse("orientation:statuses")),
        Crumb(status.name, status.get_absolute_url()),
        Crumb(topic.name),
    ]
    return render(
        request,
        "orientation/status_topic.html",
        {"status": status, "topic": topic, "pages": pages, "crumbs": crumbs},
    )


def page_queryset():
    """A page with everything its public view shows, in a fixed number of queries."""
    return OrientationPage.objects.select_related("organisation").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.all()),
        Prefetch("statuses", queryset=MigrationStatus.objects.all()),
        "sources",
        "images",
        Prefetch(
            "related_organisations",
            queryset=Organisation.objects.listed().only(
                "slug", "name", "street", "town", "postcode", "phone"
            ),
        ),
    )


@cache_public_page
def page_detail(request, slug):
    page = get_object_or_404(page_queryset().published(), slug=slug)
    return render_page(request, page)


def render_page(request, page, *, preview=False):
    """The public page, also used by the admin's preview of a draft."""
    topics = list(page.topics.all())
    crumbs = [Crumb(topic.name, topic.get_absolute_url()) for topic in topics[:1]]
    crumbs.append(Crumb(page.title))
    return render(
        request,
        "orientation/page_detail.html",
        {
            "page": page,
            "topics": topics,
            "statuses": list(page.statuses.all()),
            "crumbs": crumbs,
            "preview": preview,
            "translation_outdated": (
                page.translation_status(get_language()) == TranslationStatus.OUTDATED
            ),
        },
    )
