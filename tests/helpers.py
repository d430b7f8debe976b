"""What several test modules share: addresses, the sample folder, form data and test files.

Test modules import from here (and from tests.factories), never from one another: a test module
is free to change without breaking another one.
"""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from editorial import xliff
from editorial.permissions import AGENCY_EDITOR, PORTAL_EDITOR, REVIEWER, TRANSLATOR
from tests.factories import page_form_data

SAMPLE = Path(settings.BASE_DIR) / "content" / "birmingham"
SAMPLE_VIDEOS = SAMPLE / "videos"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PAGE_ADMIN = "/admin/orientation/orientationpage"
ORGANISATION_ADMIN = "/admin/directory/organisation"

# A role's short name in the tests -> (its group, what its staff profile holds).
ROLES = {
    "portal": (PORTAL_EDITOR, {}),
    "agency": (AGENCY_EDITOR, {}),
    "reviewer": (REVIEWER, {}),
    "translator": (TRANSLATOR, {"languages": ["ar"]}),
}

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def chromium_path():
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = (configured,) if configured else CHROMIUM_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


def screenshot(page, name):
    """Keep a picture of what a browser test saw, for people to look at (test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def upload(path, name=None, content_type="application/octet-stream"):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type=content_type)


def jpeg_with_gps():
    """A photo as a phone takes it: with its maker and where it was taken in the EXIF."""
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 28.0, 0.0), 4: (1.0, 53.0, 0.0)}
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "teal").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def picture_form(page, upload, **alt):
    """The page form with one picture added (alt texts as alt_<lang>=...)."""
    return page_form_data(
        page,
        **{
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "images-0-image": upload,
            "images-0-order": "0",
            **{f"images-0-{key}": value for key, value in alt.items()},
        },
    )


def fill(data, **targets):
    """Play translator: put text in the targets of an exported file, as a CAT tool would."""
    ElementTree.register_namespace("", xliff.XLIFF_NS)
    ElementTree.register_namespace("portal", xliff.PORTAL_NS)
    root = ElementTree.fromstring(data)  # noqa: S314 - the test's own export
    for unit in root.iter(f"{{{xliff.XLIFF_NS}}}trans-unit"):
        field = unit.get("id").split("/")[-1]
        if field in targets:
            unit.find(f"{{{xliff.XLIFF_NS}}}target").text = targets[field]
    return ElementTree.tostring(root, encoding="utf-8")


# A translator's Arabic for the page "Register with a GP".
ARABIC = {
    "title": "التسجيل لدى طبيب عام",
    "summary": "كيف تسجل.",
    "body": "## الخطوات\n\nاذهب إلى [NHS](https://www.nhs.uk/) أو اتصل بالرقم 111.",
}


# Production settings, loaded as a deployment loads them.
ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "welcome.settings.production",
    "SECRET_KEY": "a-long-random-test-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "welcome.example.org",
    "ALLOW_SQLITE": "1",
    "DATABASE_URL": "sqlite:///:memory:",
}


# The browser tests set this in the test process; a deployment never has it.
TEST_PROCESS_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_in_production(code_or_args, **env):
    """Python code (or arguments) run in a process of its own, as a deployment runs it; env
    overrides the production environment (None removes a variable)."""
    inherited = {name: value for name, value in os.environ.items() if name not in TEST_PROCESS_ONLY}
    environment = {**inherited, **PRODUCTION_ENV, **env}
    for name, value in env.items():
        if value is None:
            environment.pop(name)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def entry_form(organisation, **changes):
    """The directory entry form as the admin sends it back, with some fields changed."""
    data = {
        "name": organisation.name,
        "description_en": organisation.description_en or "",
        "services_en": "",
        "accessibility_en": "",
        "interpreting": "",
        "free": "on",
        "appointment": organisation.appointment,
        "street": organisation.street,
        "town": organisation.town,
        "postcode": organisation.postcode,
        "latitude": str(organisation.latitude),
        "longitude": str(organisation.longitude),
        "phone": "0121 303 1111",
        "email": "",
        "website": organisation.website,
        "closed_on_bank_holidays": "on",
        "last_checked": "2026-11-20",
        "opening_periods-TOTAL_FORMS": "0",
        "opening_periods-INITIAL_FORMS": "0",
        "opening_periods-MIN_NUM_FORMS": "0",
        "opening_periods-MAX_NUM_FORMS": "1000",
        "closures-TOTAL_FORMS": "0",
        "closures-INITIAL_FORMS": "0",
        "closures-MIN_NUM_FORMS": "0",
        "closures-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


HOURS = {
    "opening_periods-TOTAL_FORMS": "1",
    "opening_periods-0-weekday": "0",
    "opening_periods-0-opens": "09:00",
    "opening_periods-0-closes": "17:00",
}
