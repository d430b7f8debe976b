"""Public views: what a new arrival browses. Each asks a fixed number of queries."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from portal.breadcrumbs import Crumb
from portal.cache import cache_public_page
from portal.translation import TranslationState

from . import shared
from .models import Locality, OrientationPage, Topic
from .share_images import share_image_png

PAGES_PER_LIST_PAGE = 20
SHARE_IMAGE_SECONDS = 30 * 24 * 3600


@cache_public_page
def topic_list(request):
    return render(
        request,
        "orientation/topic_list.html",
        {"topics": shared.topics(), "crumbs": [Crumb(_("Topics"))]},
    )


def page_of_listing(request, pages):
    """One page of a list of pages: the reader's language first, a bounded number at a time.

    The order is complete (it ends with the primary key), so paging never repeats or skips.
    """
    ordered = pages.for_listing().reader_language_first(get_language())
    return Paginator(ordered, PAGES_PER_LIST_PAGE).get_page(request.GET.get("page"))


@cache_public_page
def topic_detail(request, topic):
    topic = shared.topic_or_404(topic)
    listing = page_of_listing(request, OrientationPage.objects.published().in_topic(topic))
    crumbs = [Crumb(_("Topics"), reverse("orientation:topics")), Crumb(topic.name)]
    return render(
        request,
        "orientation/topic_detail.html",
        {
            "topic": topic,
            "pages": listing.object_list,
            "page_obj": listing,
            "statuses": shared.statuses(),
            "crumbs": crumbs,
        },
    )


@cache_public_page
def status_list(request):
    return render(
        request,
        "orientation/status_list.html",
        {"statuses": shared.statuses(), "crumbs": [Crumb(_("Who are you?"))]},
    )


@cache_public_page
def status_detail(request, status):
    status = shared.status_or_404(status)
    pages = OrientationPage.objects.published().for_status(status)
    topics = Topic.objects.filter(pages__in=pages).distinct()
    first_steps = (
        OrientationPage.objects.published()
        .filter(first_step_for__status=status)
        .order_by("first_step_for__order", "pk")
        .for_listing()
    )
    crumbs = [Crumb(_("Who are you?"), reverse("orientation:statuses")), Crumb(status.name)]
    return render(
        request,
        "orientation/status_detail.html",
        {"status": status, "first_steps": first_steps, "topics": topics, "crumbs": crumbs},
    )


@cache_public_page
def status_topic(request, status, topic):
    status = shared.status_or_404(status)
    topic = shared.topic_or_404(topic)
    listing = page_of_listing(
        request, OrientationPage.objects.published().for_status(status).in_topic(topic)
    )
    crumbs = [
        Crumb(_("Who are you?"), reverse("orientation:statuses")),
        Crumb(status.name, status.get_absolute_url()),
        Crumb(topic.name),
    ]
    return render(
        request,
        "orientation/status_topic.html",
        {
            "status": status,
            "topic": topic,
            "pages": listing.object_list,
            "page_obj": listing,
            "crumbs": crumbs,
        },
    )


def page_queryset():
    """A page with everything its public view shows, in a fixed number of queries (its topics,
    statuses and tags come from ``render_page``, in one more)."""
    # The directory is reached through the page's own relation: orientation never imports it.
    organisations = OrientationPage._meta.get_field("related_organisations").related_model
    return OrientationPage.objects.select_related("organisation").prefetch_related(
        "sources",
        "images",
        Prefetch(
            "related_organisations",
            queryset=organisations.objects.listed().only(
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
    topics, statuses, card_tags = shared.filed_under(page)
    crumbs = [Crumb(topic.name, topic.get_absolute_url()) for topic in topics[:1]]
    crumbs.append(Crumb(page.title))
    return render(
        request,
        "orientation/page_detail.html",
        {
            "page": page,
            "topics": topics,
            "statuses": statuses,
            "card_tags": card_tags,
            "crumbs": crumbs,
            "preview": preview,
            "translation_outdated": (
                page.translation_status(get_language()) == TranslationState.OUTDATED
            ),
        },
    )


def share_image(request, slug):
    """The page's title in the reader's language as a 1200×630 PNG, for link previews.

    Drawing takes tens of milliseconds, so the bytes are kept in the cache under what they
    show: a new title or site name is a new key, and nothing stale is ever served.
    """
    page = get_object_or_404(OrientationPage.objects.published(), slug=slug)
    locality = Locality.current()
    site_name = _("Welcome to %(name)s") % {"name": locality.name if locality else ""}
    language = get_language()
    shown = f"{language}\x1f{page.title}\x1f{site_name}"
    key = "share-image:" + hashlib.sha256(shown.encode()).hexdigest()[:32]
    png = cache.get(key)
    if png is None:
        png = share_image_png(title=page.title, site_name=site_name, rtl=get_language_bidi())
        cache.set(key, png, SHARE_IMAGE_SECONDS)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response
