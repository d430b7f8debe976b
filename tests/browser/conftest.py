"""Real-browser tests: Playwright driving Debian's Chromium against a live Django server.

Without a Chromium these tests are skipped with a message, except under CI (CI=true), where a
missing browser is a failure: CI installs it, so its absence means something is broken.
"""

import os

import pytest

from tests.helpers import SAMPLE, chromium_path

# Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests make
# are still plain synchronous calls, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable:
        message = "No Chromium found: install Debian's chromium package to run browser tests."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: a missing browser is a failure.)")
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A cheap phone: 360 px wide, touch."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        bypass_csp=False,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def editable_sample_site(transactional_db, live_server):
    """The sample locality for a test that changes it: loaded afresh, emptied afterwards."""
    from welcome.locality import load_locality

    load_locality(SAMPLE)
    return live_server


@pytest.fixture(scope="session")
def _reading_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """One live server for every test that only reads the sample."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    media = tmp_path_factory.mktemp("sample-media")
    with django_db_blocker.unblock():
        # pytest-django creates the test database only when a collected test asks for `db`;
        # run on their own, the reading tests must create it themselves.
        own_database = None
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            own_database = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        server = LiveServer("localhost")
    server.media_root = media
    yield server
    server.stop()
    if own_database:
        with django_db_blocker.unblock():
            teardown_databases(own_database, verbosity=0)


@pytest.fixture(scope="module")
def _sample_for_the_module(_reading_server, django_db_blocker):
    """One load of the sample for a module of reading tests, emptied when the module ends.

    Loading the sample indexes 110 pages in eight languages: once a module instead of once a
    test is most of the browser suite's time. It is committed (the server thread must see it),
    so it is emptied afterwards: tests elsewhere, on this worker, expect an empty database.
    """
    yield
    with django_db_blocker.unblock():
        flush_database()


def flush_database():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def sample_is_loaded():
    from orientation.models import OrientationPage

    return OrientationPage.objects.filter(slug="register-with-a-gp").exists()


@pytest.fixture
def sample_site(_reading_server, _sample_for_the_module, django_db_blocker, settings):
    """The sample locality behind a live server, for tests that only read it.

    Loaded by the first reader of a module, and again after a test that empties the database
    (one using `editable_sample_site` or `transactional_db`).
    """
    from welcome.locality import load_locality

    settings.MEDIA_ROOT = _reading_server.media_root
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    with django_db_blocker.unblock():
        if not sample_is_loaded():
            flush_database()
            load_locality(SAMPLE)
        yield _reading_server
