"""Counting what the public views announce: searches (``orientation.signals``) and video plays
(``videos.signals``).

The views never call the counter; they send a signal and these receivers, connected in
``InsightsConfig.ready()``, decide what is counted. Robots and staff are never counted.
"""

from .counting import count, is_bot, search_key
from .models import Metric


def _counted(request):
    return not is_bot(request.headers.get("User-Agent", "")) and not request.user.is_authenticated


def count_search(sender, *, request, query, language, found, **kwargs):
    """What was searched, never who searched."""
    searched_for = search_key(query)
    if not searched_for or not _counted(request):
        return
    count(Metric.SEARCH, searched_for)
    if not found:
        # The language says which editors should write the missing page.
        count(Metric.SEARCH_EMPTY, f"{language}:{searched_for}")


def count_video_played(sender, *, request, language, **kwargs):
    if _counted(request):
        count(Metric.VIDEO, language)
