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
    """Counts successful public page views for readers; staff and robots are not counted."""

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
        match = getattr(request, "resolver_match", None)
        if request.method != "GET" or response.status_code != 200 or match is None:
            return
        dimensions_for = COUNTED_VIEWS.get(match.view_name)
        if dimensions_for is None or request.user.is_authenticated:
            return
        dimensions = dimensions_for(match.kwargs)
        dimensions["language"] = get_language()
        count_page_view(request, dimensions)
