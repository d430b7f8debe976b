"""Counting page views on the server, in aggregate, without identifying anyone.

Each public request adds to in-memory counters (no database write); the counters are written in
one bulk statement when enough have gathered or enough time has passed. A failure to count is
logged and never stops a page from being served.
"""

import atexit
import functools
import hashlib
import logging
import re
import secrets
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from portal.http import client_address
from portal.languages import languages_from_accept_header, supported_language

from .models import DailyCount, Metric

logger = logging.getLogger(__name__)

BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|scrape|preview|facebookexternalhit|whatsapp|telegram|"
    r"headless|lighthouse|curl|wget|python-|httpclient|java/|go-http|okhttp|monitor|"
    r"pingdom|uptime|feedfetcher|embedly|discord",
    re.IGNORECASE,
)
TABLET_AGENT = re.compile(r"ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))", re.IGNORECASE)
MOBILE_AGENT = re.compile(r"mobi|iphone|ipod|android|blackberry|opera mini|kaios", re.IGNORECASE)
CAMPAIGN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


@functools.lru_cache(maxsize=1024)
def device_class(user_agent):
    if TABLET_AGENT.search(user_agent):
        return "tablet"
    if MOBILE_AGENT.search(user_agent):
        return "mobile"
    return "desktop"


@functools.lru_cache(maxsize=1024)
def is_bot(user_agent):
    return not user_agent or bool(BOT_AGENT.search(user_agent))


def wants_no_tracking(request):
    """Do Not Track or Global Privacy Control: still served, counted only in anonymous totals."""
    return request.META.get("HTTP_DNT") == "1" or request.META.get("HTTP_SEC_GPC") == "1"


def referrer_domain(request):
    """The referring site's host name only, or '' when the visitor came from nowhere or from us."""
    referrer = request.META.get("HTTP_REFERER", "")
    if not referrer:
        return ""
    host = (urlsplit(referrer).hostname or "").lower()
    if not host or host == request.get_host().split(":")[0].lower():
        return ""
    return host.removeprefix("www.")[:120]


def campaign_tag(request):
    if not request.META.get("QUERY_STRING"):
        return ""
    tag = request.GET.get("src", "").strip().lower()
    return tag if CAMPAIGN.match(tag) else ""


def unmet_language(request):
    """The language the browser asks for first, when it is one we do not offer."""
    return _unmet_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))


@functools.lru_cache(maxsize=1024)
def _unmet_language(header):
    tags = languages_from_accept_header(header)
    if not tags or supported_language(tags[0]):
        return ""
    primary = tags[0].lower().split("-")[0]
    return primary if primary.isalpha() and len(primary) <= 8 else ""


def _seconds_left_today(now):
    tomorrow = (now + timezone.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(int((tomorrow - now).total_seconds()), 60)


def visitor_fingerprint(request):
    """An unsalted hash of address and browser, kept only in this process until the next write
    (seconds), where it is salted with the day's salt and dropped; see ``new_visitors``."""
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")
    return hashlib.sha256(f"{address}|{agent}".encode()).hexdigest()


def new_visitors(day, fingerprints, now=None):
    """How many of today's fingerprints the cache has not seen yet today, remembering them.

    The privacy-first unique estimate: a hash of address and browser with a salt that changes
    every day. Salt and hashes live in the cache until midnight and never reach the database; with
    the salt gone, yesterday's hashes cannot be matched to anything. Asked once per write of the
    buffer, not once per request: one lookup for all, then one ``add`` per visitor not yet seen.
    """
    timeout = _seconds_left_today(now or timezone.localtime())
    salt_key = f"insights:salt:{day.isoformat()}"
    cache.add(salt_key, secrets.token_hex(16), timeout)
    salt = cache.get(salt_key, "")
    keys = [
        f"insights:seen:{day.isoformat()}:"
        + hashlib.sha256(f"{salt}|{fingerprint}".encode()).hexdigest()[:32]
        for fingerprint in fingerprints
    ]
    seen = cache.get_many(keys)
    return sum(1 for key in keys if key not in seen and cache.add(key, 1, timeout))


class CountBuffer:
    """Counters kept in this process and written to the database in bulk."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = Counter()
        self._visitors = {}  # day -> set of fingerprints
        self._since = time.monotonic()

    def add(self, day, metric, key="", amount=1):
        with self._lock:
            self._counts[(day, metric, key[:120])] += amount
            due = self._due()
        if due:
            self.flush()

    def add_view(self, day, entries, fingerprint=None):
        """A page view's counters (and its visitor, for the unique estimate) in one step."""
        with self._lock:
            for metric, key in entries:
                self._counts[(day, metric, key[:120])] += 1
            if fingerprint:
                self._visitors.setdefault(day, set()).add(fingerprint)
            due = self._due()
        if due:
            self.flush()

    def _due(self):
        return len(self._counts) >= settings.INSIGHTS_FLUSH_AFTER_KEYS or (
            time.monotonic() - self._since >= settings.INSIGHTS_FLUSH_AFTER_SECONDS
        )

    def flush(self):
        with self._lock:
            counts, self._counts = self._counts, Counter()
            visitors, self._visitors = self._visitors, {}
            self._since = time.monotonic()
        for day, fingerprints in visitors.items():
            unique = new_visitors(day, fingerprints)
            if unique:
                counts[(day, Metric.UNIQUES, "")] += unique
        if counts:
            write_counts(counts)

    def pending(self):
        with self._lock:
            return dict(self._counts)


def write_counts(counts, *, synthetic=False):
    """Add to the daily rows in one statement (INSERT ... ON CONFLICT, SQLite and PostgreSQL)."""
    table = connection.ops.quote_name(DailyCount._meta.db_table)
    # Only the quoted table name is interpolated; every value is a query parameter.
    sql = (
        f"INSERT INTO {table} (date, metric, key, count, synthetic) VALUES (%s, %s, %s, %s, %s) "  # noqa: S608
        f"ON CONFLICT (date, metric, key, synthetic) "
        f"DO UPDATE SET count = {table}.count + excluded.count"
    )
    rows = [(day, metric, key, amount, synthetic) for (day, metric, key), amount in counts.items()]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)


BUFFER = CountBuffer()
atexit.register(lambda: _flush_quietly())


def _flush_quietly():
    try:
        BUFFER.flush()
    except Exception:
        logger.exception("Could not write the last usage counts")


def count(metric, key="", amount=1, *, day=None):
    """Count one event (a search, a video play...) for today. Never raises."""
    try:
        BUFFER.add(day or timezone.localdate(), metric, key, amount)
    except Exception:
        logger.exception("Could not count %s", metric)


_day = (0.0, None)  # (time.time() until which the date holds, local date)


def _today():
    """The local date, worked out again once a minute rather than on every page view."""
    global _day
    until, day = _day
    now = time.time()
    if now >= until:
        day = timezone.localdate()
        _day = (min(now - now % 60 + 60, now + 60), day)
    return day


def count_page_view(request, dimensions):
    """Count one public page view with its dimensions (page, topic, status...)."""
    # META rather than request.headers: building the headers mapping cost more than counting.
    agent = request.META.get("HTTP_USER_AGENT", "")
    if is_bot(agent):
        return
    day = _today()
    entries = [(Metric.VIEWS, ""), (Metric.LANGUAGE, dimensions.get("language", ""))]
    entries += [(metric, key) for metric, key in dimensions.items() if metric != "language"]
    entries.append((Metric.DEVICE, device_class(agent)))
    referrer = referrer_domain(request)
    is_entry = not request.META.get("HTTP_REFERER") or bool(referrer)
    if is_entry:
        entries.append((Metric.VISITS, ""))
        entries.append((Metric.REFERRER, referrer or "direct"))
        unmet = unmet_language(request)
        if unmet:
            entries.append((Metric.UNMET_LANGUAGE, unmet))
    campaign = campaign_tag(request)
    if campaign:
        entries.append((Metric.CAMPAIGN, campaign))
    fingerprint = None if wants_no_tracking(request) else visitor_fingerprint(request)
    BUFFER.add_view(day, entries, fingerprint)


EMAIL_LIKE = re.compile(r"\S+@\S+")
DIGITS = re.compile(r"\d")


def search_key(query):
    """What of a search is kept: lower case, digits masked, nothing that looks like an email.

    People sometimes type a phone number, a case reference or a name into a search box; masking
    digits and dropping addresses keeps the useful part ("gp", "دکتر") and not the personal one.
    """
    text = EMAIL_LIKE.sub("", query).strip().lower()
    return DIGITS.sub("#", " ".join(text.split()))[:60]
