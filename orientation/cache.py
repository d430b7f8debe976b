"""A whole-page cache for anonymous readers that is emptied by any content change.

Rather than delete keys one by one (which a shared Redis cannot do cheaply), every cached page
key carries a "content generation" number; saving content increments it, so every older page
is simply never asked for again and expires on its own.
"""

import functools
import hashlib
import time

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


def cache_public_page(view=None, *, per_minute=False):
    """Cache a GET response for readers who are not signed in, per language and path.

    Only the bare path is cached (and, with ``per_minute``, only to the minute, for opening
    times): a request with a query string is always rendered, so nobody can fill the cache
    with made-up parameters.
    """
    if view is None:
        return functools.partial(cache_public_page, per_minute=per_minute)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.GET or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        path_hash = hashlib.sha256(request.path.encode()).hexdigest()[:32]
        key = f"page:{content_generation()}:{get_language()}:{path_hash}"
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        if per_minute:
            key += f":{int(time.time() // 60)}"
            timeout = 60
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies:
                cache.set(key, response, timeout)
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapper
