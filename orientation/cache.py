"""A whole-page cache for anonymous readers that is emptied by any content change.

Rather than delete keys one by one (which a shared Redis cannot do cheaply), every cached page
key carries a "content generation" number; saving content increments it, so every older page
is simply never asked for again and expires on its own.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

GENERATION_KEY = "orientation:content-generation"


def content_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, timeout=None)
    return generation


def bump_content_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cache_public_page(view):
    """Cache a GET response for readers who are not signed in, per language and path.

    Only for views whose output depends on nothing but the path: never for search results,
    whose query strings are unbounded.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        path_hash = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        key = f"page:{content_generation()}:{get_language()}:{path_hash}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies:
                cache.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapper
