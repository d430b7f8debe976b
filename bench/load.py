"""Load bench: the real stack under wrk, cached and uncached, at 42 and at 5,000 pages.

What it does, in one run:

1. Makes its own PostgreSQL database (``welcome_bench``) and uses its own Redis database (14),
   migrates them with production settings, collects static files, loads the sample locality
   (42 pages) and later grows it into a synthetic region (copies of the sample texts, in all eight
   languages, spread over the same topics and statuses).
2. Starts the portal under gunicorn (production settings, 2 sync workers, as a small server
   would) twice: with the page cache, and with ``PUBLIC_PAGE_CACHE_SECONDS=0``.
3. Drives each with wrk (``-t2 -c16``) for a bounded time over a fixed mix of public URLs in all
   eight languages, as a phone browser (so usage counting is on), and prints requests/s, median
   and 99th percentile latency and errors (socket errors and answers other than 2xx/3xx).
4. In the same run measures the floor: a bare WSGI app (``bench/bare_wsgi.py``) returning the
   same bytes as one of our pages under the same gunicorn settings, and prints our ratio to it.

Measures and prints; asserts nothing. Needs PostgreSQL and Redis on 127.0.0.1, and wrk.
Run: .venv/bin/python bench/load.py [--seconds 10] [--sizes 42,5000] [--tree PATH]
(``--tree`` runs the code of another checkout, for example ``git archive HEAD`` unpacked.)
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "welcome_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_URL = "redis://127.0.0.1:6379/14"
APP_PORT = 8431
BARE_PORT = 8432
WORKERS = 2
PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36"
)
LANGUAGES = ["en", "ar", "fa", "ckb", "pl", "ps", "ru", "so"]


# --- inside Django: describing and growing the content (run as a child process) -------------


def _django():
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()


def describe():
    """The URLs of the fixed mix, from what is in the database."""
    _django()
    from directory.models import Organisation
    from orientation.models import MigrationStatus, OrientationPage, Topic

    pages = list(
        OrientationPage.objects.published()
        .exclude(slug__startswith="region-")
        .order_by("slug")
        .values_list("slug", flat=True)[:6]
    )
    pages += list(
        OrientationPage.objects.filter(slug__startswith="region-")
        .order_by("pk")
        .values_list("slug", flat=True)[:2]
    )
    topics = list(Topic.objects.order_by("order").values_list("slug", flat=True)[:2])
    statuses = list(MigrationStatus.objects.order_by("order").values_list("slug", flat=True)[:1])
    agencies = list(Organisation.objects.listed().order_by("slug").values_list("slug", flat=True))
    paths = []
    for language in LANGUAGES:
        prefix = f"/{language}"
        paths += [f"{prefix}/", f"{prefix}/topics/", f"{prefix}/status/", f"{prefix}/agencies/"]
        paths += [f"{prefix}/topics/{slug}/" for slug in topics]
        paths += [f"{prefix}/status/{slug}/" for slug in statuses]
        paths += [f"{prefix}/status/{statuses[0]}/{topics[0]}/"]
        paths += [f"{prefix}/pages/{slug}/" for slug in pages]
        paths += [f"{prefix}/agencies/{slug}/" for slug in agencies[:1]]
    total = OrientationPage.objects.published().count()
    print(json.dumps({"paths": paths, "page": f"/en/pages/{pages[0]}/", "pages": total}))


def _other_column(through, model):
    """The column of a many-to-many table that points away from ``model``."""
    return next(
        field.attname
        for field in through._meta.fields
        if field.is_relation and field.related_model is not model
    )


def grow(total):
    """Copies of the sample pages (every language's text) until there are ``total`` pages."""
    _django()
    from django.db import transaction

    from orientation.models import OrientationPage

    samples = list(OrientationPage.objects.exclude(slug__startswith="region-").order_by("pk"))
    existing = OrientationPage.objects.count()
    if existing >= total:
        return
    skip = {"id", "slug"}
    fields = [
        field.attname
        for field in OrientationPage._meta.concrete_fields
        if field.attname not in skip
    ]
    through = {
        name: getattr(OrientationPage, name).through
        for name in ("topics", "statuses", "related_organisations")
    }
    relations = {
        name: {
            sample.pk: list(
                model.objects.filter(orientationpage_id=sample.pk).values_list(
                    _other_column(model, OrientationPage), flat=True
                )
            )
            for sample in samples
        }
        for name, model in through.items()
    }
    with transaction.atomic():
        copies = []
        for number in range(existing, total):
            sample = samples[number % len(samples)]
            copy = OrientationPage(slug=f"region-{number}-{sample.slug}"[:50])
            for name in fields:
                setattr(copy, name, getattr(sample, name))
            copy.title_en = f"{sample.title_en} ({number})"
            copy.sample_pk = sample.pk
            copies.append(copy)
        created = OrientationPage.objects.bulk_create(copies, batch_size=500)
        for name, model in through.items():
            other = _other_column(model, OrientationPage)
            rows = [
                model(orientationpage_id=page.pk, **{other: target})
                for page, copy in zip(created, copies, strict=True)
                for target in relations[name][copy.sample_pk]
            ]
            model.objects.bulk_create(rows, batch_size=2000)
    # Content changed behind the signals' back: empty the page cache.
    from portal.cache import bump_content_generation

    bump_content_generation()


# --- outside: the stack and the measurements ------------------------------------------------


def environment(tree, static_root, cache_seconds):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "welcome.settings.production",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "PUBLIC_PAGE_CACHE_SECONDS": str(cache_seconds),
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(tree),
    }


def run(command, env, tree, capture=False):
    result = subprocess.run(  # noqa: S603 - our own fixed commands
        command, env=env, cwd=tree, check=True, capture_output=capture, text=True
    )
    return result.stdout


def python(tree):
    return sys.executable


def prepare(tree, env):
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
    run([*psql, f"DROP DATABASE IF EXISTS {DATABASE}"], env, tree)
    run([*psql, f"CREATE DATABASE {DATABASE}"], env, tree)
    run(["redis-cli", "-h", "127.0.0.1", "-n", "14", "FLUSHDB"], env, tree, capture=True)
    manage = [python(tree), "manage.py"]
    run([*manage, "migrate", "--no-input", "--verbosity=0"], env, tree)
    run([*manage, "compile_catalogues"], env, tree, capture=True)
    run([*manage, "collectstatic", "--no-input", "--verbosity=0"], env, tree)
    run([*manage, "load_locality", "--verbosity=0"], env, tree, capture=True)


def start(tree, env, app, port):
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            app,
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=tree,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"{app} did not start on port {port}")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def fetch(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"User-Agent": PHONE}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.read()


LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["User-Agent"] = "%s"})
end
"""


def wrk(port, paths, seconds, workdir):
    script = Path(workdir) / f"mix-{port}.lua"
    script.write_text(LUA % (", ".join(json.dumps(path) for path in paths), PHONE))
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "/usr/bin/wrk",
            "-t2",
            "-c16",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return parse_wrk(output)


def _milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    median = _milliseconds(re.search(r"\s50%\s+(\S+)", output)[1])
    p99 = _milliseconds(re.search(r"\s99%\s+(\S+)", output)[1])
    errors = 0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(value) for value in socket.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx[1])
    total = int(re.search(r"(\d+) requests in", output)[1])
    return {"rate": rate, "median": median, "p99": p99, "errors": errors, "requests": total}


def measure(tree, env, paths, seconds, workdir, label):
    server = start(tree, env, "welcome.wsgi:application", APP_PORT)
    try:
        failures = [path for path in paths if fetch(APP_PORT, path)[0] != 200]
        if failures:
            print(f"  {label}: not 200: {failures[:5]}", file=sys.stderr)
        sizes = [len(fetch(APP_PORT, path)[1]) for path in paths]
        result = wrk(APP_PORT, paths, seconds, workdir)
        result["bytes"] = statistics.median(sizes)
        return result
    finally:
        stop(server)


def measure_floor(tree, env, body, seconds, workdir):
    body_file = Path(workdir) / "page.html"
    body_file.write_bytes(body)
    server = start(tree, {**env, "BARE_BODY": str(body_file)}, "bench.bare_wsgi:app", BARE_PORT)
    try:
        return wrk(BARE_PORT, ["/healthz"], seconds, workdir)
    finally:
        stop(server)


def row(label, result, floor):
    ratio = result["rate"] / floor["rate"] if floor else 1
    return (
        f"{label:<34} {result['rate']:>9,.0f} {result['median']:>9.2f} {result['p99']:>9.2f} "
        f"{result['errors']:>7} {ratio:>7.2f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="each wrk run (default 10)")
    parser.add_argument(
        "--sizes", default="42,5000", help="page counts to measure at (the sample, then grown)"
    )
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to run")
    arguments = parser.parse_args()
    tree = arguments.tree.resolve()
    workdir = tempfile.mkdtemp(prefix="welcome-bench-")
    static_root = Path(workdir) / "static"
    cached_env = environment(tree, static_root, 600)
    uncached_env = environment(tree, static_root, 0)
    print(f"preparing {DATABASE} and Redis db 14 (production settings, {tree})", flush=True)
    prepare(tree, cached_env)
    bench_script = [python(tree), str(Path(__file__).resolve())]

    lines = [
        f"wrk -t2 -c16 -d{arguments.seconds}s, gunicorn {WORKERS} sync workers, "
        f"phone User-Agent (counting on), {os.cpu_count()} cores",
        f"{'':<34} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7} {'ratio':>7}",
    ]
    for size in [int(value) for value in arguments.sizes.split(",")]:
        if size > 100:
            run([*bench_script, "--grow", str(size)], cached_env, tree)
        described = json.loads(run([*bench_script, "--describe"], cached_env, tree, capture=True))
        paths = described["paths"]
        size = described["pages"]
        print(f"{size} published pages: {len(paths)} URLs in the mix", flush=True)
        server = start(tree, cached_env, "welcome.wsgi:application", APP_PORT)
        try:
            body = fetch(APP_PORT, described["page"])[1]
        finally:
            stop(server)
        floor = measure_floor(tree, cached_env, body, arguments.seconds, workdir)
        cached = measure(tree, cached_env, paths, arguments.seconds, workdir, "cached")
        uncached = measure(tree, uncached_env, paths, arguments.seconds, workdir, "uncached")
        lines.append(row(f"bare WSGI, same bytes ({len(body):,} B)", floor, floor))
        lines.append(row(f"{size} pages, cached", cached, floor))
        lines.append(row(f"{size} pages, uncached", uncached, floor))
        lines.append(f"{'':<34} median page {cached['bytes']:,.0f} B")
        print("\n".join(lines[-4:]), flush=True)
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--describe":
        describe()
    elif len(sys.argv) > 2 and sys.argv[1] == "--grow":
        grow(int(sys.argv[2]))
    else:
        main()
