"""Measure the public pages: SQL queries, bytes, and requests a second, cached and uncached.

Run with `make bench` (or `.venv/bin/python bench/public_pages.py`). It builds a throwaway
SQLite database with the sample locality, then prints figures. It asserts nothing.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PATHS = [
    "/{lang}/",
    "/{lang}/topics/",
    "/{lang}/topics/health/",
    "/{lang}/status/refugee/",
    "/{lang}/status/refugee/housing/",
    "/{lang}/pages/register-with-a-gp/",
    "/{lang}/search/?q=GP",
]
REPEAT = 200
PUBLIC_SCRIPTS = ("map.js", "video.js")


def main():
    call_command("migrate", verbosity=0)
    call_command("load_locality", str(settings.PORTAL_CONTENT_DIR), verbosity=0)
    client = Client()
    css_bytes = Path(finders.find("css/site.css")).stat().st_size
    js_bytes = sum(Path(finders.find(f"js/{name}")).stat().st_size for name in PUBLIC_SCRIPTS)
    css_bytes += js_bytes  # the "+CSS" column below counts both
    print(f"CSS + JS on every public page: {css_bytes} bytes (JS {js_bytes}: {PUBLIC_SCRIPTS})")
    print(
        f"{'path':40} {'queries':>7} {'HTML bytes':>10} {'+CSS+JS':>7} "
        f"{'uncached/s':>10} {'cached/s':>9}"
    )
    for language in ("en", "ar"):
        for template in PATHS:
            path = template.format(lang=language)
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            query_count = len(queries.captured_queries)
            size = len(response.content)
            start = time.perf_counter()
            for _ in range(REPEAT // 4):
                cache.clear()
                client.get(path)
            uncached = (REPEAT // 4) / (time.perf_counter() - start)
            client.get(path)
            start = time.perf_counter()
            for _ in range(REPEAT):
                client.get(path)
            cached = REPEAT / (time.perf_counter() - start)
            print(
                f"{path:40} {query_count:>7} {size:>10} {size + css_bytes:>7} "
                f"{uncached:>10.0f} {cached:>9.0f}"
            )
    print("(requests a second through Django's test client in one process: a floor, not gunicorn)")


if __name__ == "__main__":
    main()
