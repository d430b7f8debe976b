"""The public page cache: rendered pages for anonymous readers, answered before Django's
per-request work (sessions, language, CSRF, authentication, rendering) runs at all.

How it fits together:

- A view that may be cached says so with ``@cache_public_page``; that only marks its response.
- ``PublicPageCacheMiddleware`` sits early in ``MIDDLEWARE``. For a plain anonymous GET (no
  query string, no session cookie) it asks the cache at most once, for the content generation
  and the page together; a hit is answered from the stored bytes and headers, or with ``304 Not
  Modified`` when the browser already holds the same ``ETag``. A miss runs the whole chain and
  stores what a marked view returned.
- Each worker also keeps its own copies of recent pages (``LocalPages``), so that most hits cost
  no network round trip; see there for how quickly they learn of a change.
- Rather than delete keys one by one (which a shared Redis cannot do cheaply), each stored page
  records the "content generation" it was rendered in; saving any model that public pages show
  (``settings.PUBLIC_PAGE_MODELS``) increments the generation, so every older page is a miss from
  that moment and expires on its own.
- Keys carry the scheme, host and path: the canonical and ``hreflang`` links in a page are
  absolute, so a page rendered for one allowed host must never be served to another.
- ``PUBLIC_PAGE_CACHE_SECONDS = 0`` switches all of this off: no reads, no writes.
"""

import functools
import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from .languages import SOURCE_LANGUAGE

GENERATION_KEY = "orientation:content-generation"
# Headers that belong to one answer, not to the page: the server sets a fresh Date itself.
UNSTORED_HEADERS = {"date", "set-cookie", "vary"}


class _ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client builds a new ``redis.Redis`` (and its table of ~170 reply parsers)
    for every cache call; that took longer than the round trip itself on a cached page. One
    client per connection pool is enough: it is thread-safe and takes connections from the pool.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PortalRedisCache(RedisCache):
    """Django's Redis cache backend, reusing its client (settings: CACHES with REDIS_URL)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClientRedisCacheClient


def content_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock rather than 1, so that a generation is never reused after the
        # cache is emptied (a worker's own copies of pages are checked against it).
        generation = time.time_ns() // 1000
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def current_generation():
    """The content generation as this worker knows it (read again at most once a second, as for
    the page cache): the key of fragments that must change the moment an editor saves."""
    generation = LOCAL.generation()
    if generation is None:
        generation = content_generation()
        LOCAL.generation_changed(generation)
    return generation


def bump_content_generation():
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:
        generation = content_generation()
    LOCAL.generation_changed(generation)


class LocalPages:
    """This worker's copies of recently served pages, and the content generation as last read.

    With them a cached page costs no network round trip at all: the shared generation is read
    again at most every ``PUBLIC_PAGE_GENERATION_CHECK_SECONDS`` (1 s), so a change saved through
    another worker shows here within that second, and one saved through this worker at once.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._pages = OrderedDict()
        self._shared = {}
        self._generation = None
        self._checked_at = 0.0

    def generation(self):
        """The generation last read, or None when it is time to read it again."""
        if time.monotonic() - self._checked_at < settings.PUBLIC_PAGE_GENERATION_CHECK_SECONDS:
            return self._generation
        return None

    def generation_changed(self, generation):
        with self._lock:
            if generation != self._generation:
                self._pages.clear()
                self._shared.clear()
            self._generation = generation
            self._checked_at = time.monotonic()

    def get(self, key):
        return self._pages.get(key)

    def shared(self, name, build):
        """``build()``, kept until the content generation changes (see ``shared_content``)."""
        generation = self.generation()
        if generation is None:
            self.generation_changed(content_generation())
        found = self._shared.get(name)
        if found is not None and found[0] == self._generation:
            return found[1]
        generation = self._generation
        value = build()
        with self._lock:
            self._shared[name] = (generation, value)
        return value

    def put(self, key, page):
        limit = settings.PUBLIC_PAGE_LOCAL_ENTRIES
        if limit <= 0:
            return
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > limit:
                self._pages.popitem(last=False)

    def clear(self):
        with self._lock:
            self._pages.clear()
            self._shared.clear()
            self._generation = None
            self._checked_at = 0.0


LOCAL = LocalPages()


def shared_content(name, build):
    """What every page shows and only an editor changes (the locality, the emergency numbers),
    built once per worker and content generation instead of queried on every page."""
    return LOCAL.shared(name, build)


@functools.cache
def public_page_models():
    """The models public pages show, with the hidden tables of their many-to-many fields."""
    found = set()
    for label in settings.PUBLIC_PAGE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            # A model being added or removed in the same change; the test that compares this
            # list with the installed models fails until both agree.
            continue
        found.add(model)
        found.update(
            field.remote_field.through
            for field in model._meta.many_to_many
            if field.remote_field.through is not None
        )
    return frozenset(found)


def is_public_content(model):
    return model in public_page_models()


def cache_public_page(view=None, *, per_minute=False):
    """Let the page cache keep this view's answers for anonymous readers.

    Only the bare path is ever cached (the middleware renders every request with a query string),
    so nobody can fill the cache with made-up parameters. ``per_minute`` pages (opening times)
    are kept only until the end of the current minute.
    """
    if view is None:
        return functools.partial(cache_public_page, per_minute=per_minute)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page_per_minute = per_minute
        return response

    return wrapper


@dataclass(frozen=True)
class CachedPage:
    """A rendered page as it is sent: bytes, headers, and what usage counting needs to know."""

    generation: int
    status: int
    headers: tuple
    content: bytes
    etag: str
    expires_at: float
    view_name: str
    view_kwargs: dict
    language: str

    def seconds_left(self, now):
        return max(int(self.expires_at - now), 0)


def http_cache_seconds(seconds_left):
    """(max-age, s-maxage): browsers keep a page briefly, shared caches (nginx, a CDN) longer,
    never beyond what our own cache would keep."""
    return (
        min(settings.PUBLIC_PAGE_BROWSER_SECONDS, seconds_left),
        min(settings.PUBLIC_PAGE_SHARED_SECONDS, seconds_left),
    )


class PublicPageCacheMiddleware:
    """Answers anonymous readers' plain GETs from the page cache; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable(request):
            response = self.get_response(request)
            if getattr(response, "public_page_per_minute", None) is not None:
                # Somebody's own view (signed in, or a filtered list): never shared.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        key = self._key(request)
        now = time.time()
        generation = LOCAL.generation()
        page = LOCAL.get(key) if generation is not None else None
        if page is None or page.generation != generation or page.expires_at <= now:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or content_generation()
            LOCAL.generation_changed(generation)
            page = found.get(key)
            if page is not None and page.generation == generation:
                LOCAL.put(key, page)
        if page is not None and page.generation == generation and page.expires_at > now:
            request.public_page_hit = page
            return self._answer(request, page, now)

        response = self.get_response(request)
        per_minute = getattr(response, "public_page_per_minute", None)
        if per_minute is None or response.status_code != 200 or response.cookies:
            return response
        if response.streaming:
            return response
        page = self._store(request, response, key, generation, per_minute, now)
        return self._answer(request, page, now)

    @staticmethod
    def _cacheable(request):
        return (
            settings.PUBLIC_PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and not request.META.get("QUERY_STRING")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _key(request):
        scheme = "https" if request.is_secure() else "http"
        address = f"{scheme}://{request.get_host()}{request.path}"
        return "page:" + hashlib.sha256(address.encode()).hexdigest()[:40]

    @staticmethod
    def _store(request, response, key, generation, per_minute, now):
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        if per_minute:
            timeout = min(timeout, 60 - int(now) % 60)
        content = response.content
        match = request.resolver_match
        page = CachedPage(
            generation=generation,
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ),
            content=content,
            etag='"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"',
            expires_at=now + timeout,
            view_name=match.view_name,
            view_kwargs=dict(match.kwargs),
            language=getattr(request, "LANGUAGE_CODE", SOURCE_LANGUAGE),
        )
        cache.set(key, page, timeout)
        LOCAL.put(key, page)
        return page

    @staticmethod
    def _answer(request, page, now):
        browser, shared = http_cache_seconds(page.seconds_left(now))
        cache_control = f"public, max-age={browser}, s-maxage={shared}"
        if page.etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(page.content, status=page.status)
            # The stored headers were checked when the page was rendered; setting them one by
            # one through the checking mapping took a fifth of a cached page's time.
            response.headers._store.update(
                {name.lower(): (name, value) for name, value in page.headers}
            )
        response.headers["ETag"] = page.etag
        response.headers["Cache-Control"] = cache_control
        return response
