"""Search times at 5,000 pages in eight languages, on PostgreSQL and on SQLite.

    .venv/bin/python bench/search.py                  # both databases
    .venv/bin/python bench/search.py --only sqlite    # or postgresql

PostgreSQL is reached at $BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/
welcome_bench); the benchmark makes and drops its own `test_...` database there. SQLite uses a
file in a temporary folder. Each run loads the sample locality, then copies its pages' real
texts (every language the sample has) into 5,000 pages, each language's words taken from a
different sample page so that no two pages are alike, builds the index, and times a fixed set
of queries in all eight languages, misspellings included, with the synonym cache emptied
before each query (uncached). It prints the median, the 95th percentile and the slowest time
per kind of query, for the search itself and for the whole search page. It asserts nothing.

The copies' texts repeat the sample's, so their normalised forms are computed once per text
(a cache around the index's text functions). On PostgreSQL the rebuild analyses the tables.
"""

import argparse
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = 5000
REPEAT = 5
# The kind of each query, for the figures: a known word, several words, a word the index does
# not know (misspelt, typed by ear, another keyboard's letters), and a search that finds nothing.
WORD, WORDS, MISSPELT, NOTHING = "one word", "several words", "misspelt", "nothing found"
KINDS = {
    "docter": MISSPELT,
    "univeral credit": MISSPELT,
    "dakhtar": MISSPELT,
    "نهخوشخانه": MISSPELT,
    "zzqxv nothing": NOTHING,
}
QUERIES = [
    ("en", "doctor"),
    ("en", "register with a GP"),
    ("en", "docter"),
    ("en", "univeral credit"),
    ("en", "interpreter"),
    ("en", "council tax"),
    ("en", "evisa share code"),
    ("en", "homeless"),
    ("en", "English classes"),
    ("en", "hate crime"),
    ("ar", "طبيب"),
    ("ar", "دكتور"),
    ("ar", "سكن"),
    ("ar", "مترجم"),
    ("ar", "اللجوء"),
    ("fa", "پزشک"),
    ("fa", "داکتر"),
    ("fa", "پزشك"),
    ("fa", "کمک هزینه"),
    ("fa", "ثبت نام"),
    ("ckb", "دکتۆر"),
    ("ckb", "دکتور"),
    ("ckb", "نهخوشخانه"),
    ("ckb", "خانوو"),
    ("ckb", "GP"),
    ("pl", "lekarz"),
    ("pl", "zasilek"),
    ("pl", "mieszkanie"),
    ("pl", "praca"),
    ("pl", "tlumacz"),
    ("ps", "ډاکټر"),
    ("ps", "داکتر"),
    ("ps", "کور"),
    ("ps", "وکیل"),
    ("ps", "GP"),
    ("ru", "врач"),
    ("ru", "жилье"),
    ("ru", "пособие"),
    ("ru", "переводчик"),
    ("ru", "виза"),
    ("so", "dhakhtar"),
    ("so", "dakhtar"),
    ("so", "guri"),
    ("so", "shaqo"),
    ("so", "turjubaan"),
    ("en", "zzqxv nothing"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["postgresql", "sqlite"])
    parser.add_argument("--database-url")
    arguments = parser.parse_args()
    if arguments.database_url:
        run(arguments.database_url)
        return
    urls = {
        "postgresql": os.environ.get(
            "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/welcome_bench"
        ),
        "sqlite": f"sqlite:///{tempfile.mkdtemp()}/bench-search.sqlite3",
    }
    for name, url in urls.items():
        if arguments.only in (None, name):
            command = [sys.executable, __file__, "--database-url", url]
            subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - this very script


def run(url):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "welcome.settings.test"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    # Django ships no catalogue for Pashto or Somali: without the project's compiled ones (they
    # are not in git) it does not know /ps/ and /so/, and their search pages answer 404.
    uncompiled = [
        code
        for code in settings.MODELTRANSLATION_LANGUAGES
        if not translation.check_for_language(code)
    ]
    if uncompiled:
        sys.exit(
            f"No compiled catalogue for {', '.join(uncompiled)}: "
            "run `manage.py compile_catalogues` first."
        )
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = url.removeprefix("sqlite:///")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        call_command("load_locality", str(settings.PORTAL_CONTENT_DIR), verbosity=0)
        copy_pages(PAGES)
        from orientation.search import index

        index.plain_text = functools.lru_cache(maxsize=None)(index.plain_text)
        index.indexed_text = functools.lru_cache(maxsize=None)(index.indexed_text)
        documents = index.rebuild()  # which analyses the tables on PostgreSQL
        loaded = time.perf_counter() - started
        from orientation.models import OrientationPage, SearchWord

        print(
            f"\n{connection.vendor}: {OrientationPage.objects.count()} pages, {documents} "
            f"documents, {SearchWord.objects.count()} words in the vocabulary, "
            f"loaded and indexed in {loaded:.0f} s"
        )
        measure(cache, Client())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def copy_pages(total):
    """Pages whose every language's words come from a different sample page."""
    from django.conf import settings

    from orientation.models import OrientationPage

    sample = list(OrientationPage.objects.all())
    by_language = {
        code: [page for page in sample if page.has_translation(code)]
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
    fields = (*OrientationPage.text_fields, "body_html")
    copies = []
    for number in range(total - len(sample)):
        copy = OrientationPage(
            slug=f"bench-{number}",
            organisation_id=sample[number % len(sample)].organisation_id,
            state=OrientationPage.State.PUBLISHED,
            last_checked=sample[0].last_checked,
            review_by=sample[0].review_by,
        )
        for code, pages in by_language.items():
            if not pages:
                continue
            source = pages[(number * 7 + len(code)) % len(pages)]
            for field in fields:
                setattr(copy, f"{field}_{code}", getattr(source, f"{field}_{code}"))
            setattr(copy, f"title_{code}", f"{getattr(source, f'title_{code}')} {number}")
        copies.append(copy)
    OrientationPage.objects.bulk_create(copies, batch_size=500)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def kind_of(text):
    if text in KINDS:
        return KINDS[text]
    return WORDS if len(text.split()) > 1 else WORD


def measure(cache, client):
    from orientation.search.query import search

    search_times, page_times, found, failed = {}, {}, {}, set()
    for _round in range(REPEAT):
        for language, text in QUERIES:
            kind = kind_of(text)
            cache.clear()
            started = time.perf_counter()
            outcome = search(text, language)
            search_times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
            found[(language, text)] = (len(outcome.results), outcome.suggestion)
            cache.clear()
            started = time.perf_counter()
            response = client.get(f"/{language}/search/", {"q": text})
            page_times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                failed.add(f"{language} {text}: {response.status_code}")
    print(f"{len(QUERIES)} queries in 8 languages, each {REPEAT} times, uncached (ms):")
    for name, times in (("search()", search_times), ("search page", page_times)):
        every = [time_ for kind_times in times.values() for time_ in kind_times]
        for kind, kind_times in [*times.items(), ("all", every)]:
            print(
                f"  {name:12} {kind:14} ({len(kind_times):3}) median "
                f"{statistics.median(kind_times):6.1f}   p95 {percentile(kind_times, 0.95):6.1f}"
                f"   max {max(kind_times):6.1f}"
            )
    for failure in sorted(failed):
        print(f"  search page did not answer 200: {failure}")
    print("  results (did you mean):")
    for (language, text), (count, suggestion) in found.items():
        print(f"    {language:3} {text:22} {count:3}  {suggestion}")


if __name__ == "__main__":
    main()
