import logging

from django.utils.translation import get_language

from .counting import count_page_view
from .models import Metric

logger = logging.getLogger(__name__)

# Public views and the dimensions their URL gives, by "namespace:name".
COUNTED_VIEWS = {
    "home": lambda kwargs: {Metric.PAGE: "home"},
    "orientation:topics": lambda kwargs: {Metric.PAGE: "topics"},
    "orientation:topic": lambda kwargs: {
        Metric.PAGE: f"topic:{kwargs['topic']}",
        Metric.TOPIC: kwargs["topic"],
    },
    "orientation:statuses": lambda kwargs: {Metric.PAGE: "statuses"},
    "orientation:status": lambda kwargs: {
        Metric.PAGE: f"status:{kwargs['status']}",
        Metric.STATUS: kwargs["status"],
    },
    "orientation:status_topic": lambda kwargs: {
        Metric.PAGE: f"status:{kwargs['status']}/{kwargs['topic']}",
        Metric.STATUS: kwargs["status"],
        Metric.TOPIC: kwargs["topic"],
    },
    "orientation:page": lambda kwargs: {Metric.PAGE: f"page:{kwargs['slug']}"},
    "orientation:search": lambda kwargs: {Metric.PAGE: "search"},
    "directory:agencies": lambda kwargs: {Metric.PAGE: "agencies"},
    "directory:agency": lambda kwargs: {Metric.PAGE: f"agency:{kwargs['slug']}"},
    "privacy": lambda kwargs: {Metric.PAGE: "privacy"},
    "videos": lambda kwargs: {Metric.PAGE: "videos"},
    "video": lambda kwargs: {Metric.PAGE: f"video:{kwargs['video_language']}"},
}


class CountingMiddleware:
    """Counts successful public page views for readers; staff and robots are not counted.

    It sits outside the page cache, so a page answered from the cache (which never reaches the
    URL resolver, the language or the session middleware) is counted from what the cache stored
    with it. Counting is in memory; see insights.counting.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            self._count(request, response)
        except Exception:
            logger.exception("Counting failed for %s", request.path)
        return response

    def _count(self, request, response):
        if request.method != "GET" or response.status_code not in (200, 304):
            return
        view = _counted_view(request)
        if view is None:
            return
        view_name, view_kwargs, language = view
        dimensions_for = COUNTED_VIEWS.get(view_name)
        if dimensions_for is None:
            return
        user = getattr(request, "user", None)  # absent when the page came from the cache
        if user is not None and user.is_authenticated:
            return
        dimensions = dimensions_for(view_kwargs)
        dimensions["language"] = language
        count_page_view(request, dimensions)


def _counted_view(request):
    """(view name, URL arguments, language) of the page served, cached or not."""
    cached = getattr(request, "public_page_hit", None)
    if cached is not None:
        return cached.view_name, cached.view_kwargs, cached.language
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    return match.view_name, match.kwargs, getattr(request, "LANGUAGE_CODE", get_language())
