"""How long the monthly report takes over a year of traffic, and what counting adds per request.

Writes a year of synthetic daily counts (more than ten million page views in aggregate form)
into a throwaway SQLite database (or the one in DATABASE_URL), then prints timings. Asserts
nothing. Run: .venv/bin/python bench/insights_report.py
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from insights.counting import BUFFER  # noqa: E402
from insights.exports import report_csv  # noqa: E402
from insights.models import DailyCount  # noqa: E402
from insights.report import build_report  # noqa: E402
from insights.synthetic import generate  # noqa: E402

DAILY_VIEWS = 30_000
REQUESTS = 400


def timed(function, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36"
)


def request_times(path, middleware):
    """Median time of a cached page as phones meet it: a fresh client (so the middleware chain
    of ``middleware`` is really the one used; a client keeps the chain of its first request)
    and a different visitor each time."""
    with override_settings(MIDDLEWARE=middleware):
        Client().get(path)
        samples = []
        for number in range(REQUESTS):
            client = Client(
                HTTP_USER_AGENT=PHONE, REMOTE_ADDR=f"10.0.{number // 250}.{number % 250}"
            )
            start = time.perf_counter()
            client.get(path)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main():
    call_command("migrate", verbosity=0)
    call_command("load_locality", str(settings.PORTAL_CONTENT_DIR), verbosity=0)
    start = datetime.date(2025, 11, 1)
    began = time.perf_counter()
    views = generate(start=start, days=365, daily_views=DAILY_VIEWS)
    print(
        f"wrote a year of synthetic traffic: {views:,} page views in "
        f"{DailyCount.objects.count():,} daily rows ({time.perf_counter() - began:.1f} s)"
    )
    report_seconds = timed(lambda: build_report(2026, 10, synthetic=True))
    csv_seconds = timed(lambda: report_csv(build_report(2026, 10, synthetic=True)))
    print(f"monthly report 2026-10: {report_seconds * 1000:.0f} ms (median of 5)")
    print(f"monthly report as CSV:  {csv_seconds * 1000:.0f} ms")

    path = "/en/pages/register-with-a-gp/"
    cache.clear()
    with_counting = list(settings.MIDDLEWARE)
    without = [entry for entry in with_counting if "CountingMiddleware" not in entry]
    settings.INSIGHTS_FLUSH_AFTER_KEYS = 200
    base = request_times(path, without)
    counted = request_times(path, with_counting)
    pending = sum(BUFFER.pending().values())
    BUFFER.flush()
    print(
        f"cached page, median over {REQUESTS} phone visits: {base:.2f} ms without counting, "
        f"{counted:.2f} ms with counting (+{counted - base:.2f} ms, flushes included; "
        f"{pending} counts were waiting in memory)"
    )


if __name__ == "__main__":
    main()
