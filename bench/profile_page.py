"""Where the time of one public page goes: cProfile over repeated requests, cached or not.

Uses the settings and database of the environment (run it against bench/load.py's database with
production settings, see below), and prints the functions that take the most time.
Run: DJANGO_SETTINGS_MODULE=welcome.settings.production SECRET_KEY=x ALLOWED_HOSTS=127.0.0.1 \\
     DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcome_bench \\
     REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python bench/profile_page.py /en/ [--uncached]
"""

import argparse
import cProfile
import os
import pstats
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings.production")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

PHONE = "Mozilla/5.0 (Linux; Android 13; SM-A135F) Chrome/120.0 Mobile Safari/537.36"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--uncached", action="store_true")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    arguments = parser.parse_args()
    if arguments.uncached:
        settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT=PHONE)
    response = client.get(arguments.path)
    print(f"{arguments.path}: {response.status_code}, {len(response.content):,} bytes")
    settings.DEBUG = True  # count queries
    reset_queries()
    client.get(arguments.path)
    print(f"queries: {len(connection.queries)}")
    settings.DEBUG = False
    profile = cProfile.Profile()
    began = time.perf_counter()
    profile.enable()
    for _ in range(arguments.requests):
        client.get(arguments.path)
    profile.disable()
    elapsed = (time.perf_counter() - began) / arguments.requests
    print(f"{elapsed * 1000:.2f} ms a request (profiled, test client)")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(arguments.top)
    pstats.Stats(profile).sort_stats("tottime").print_stats(arguments.top)


if __name__ == "__main__":
    main()
