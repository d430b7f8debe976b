"""Real-browser tests: Playwright driving Debian's Chromium against a live Django server.

Without a Chromium these tests are skipped with a message, except under CI (CI=true), where a
missing browser is a failure: CI installs it, so its absence means something is broken.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
SAMPLE = Path(settings.BASE_DIR) / "content" / "birmingham"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests make
# are still plain synchronous calls, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_path():
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = (configured,) if configured else CHROMIUM_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


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
def sample_site(transactional_db, live_server):
    from orientation.loader import load_locality

    load_locality(SAMPLE)
    return live_server


def screenshot(page, name):
    """Keep a picture of what the test saw, for people to look at (test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
