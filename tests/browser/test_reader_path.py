"""The reader's path on a phone, and what they take away: first steps, the card, the handout.

Taps are counted from `/`, with the phone's language set, to the page that answers.
"""

import re
import shutil
import subprocess
import unicodedata

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from tests.helpers import ARTIFACTS, chromium_path, screenshot

pytestmark = pytest.mark.browser

# (browser language, status the person picks, the page they need first)
JOURNEYS = [
    ("so", "asylum-seeker", "asylum-support"),
    ("ar", "refugee", "after-refugee-status"),
    ("ckb", "young-person-alone", "under-18-and-alone"),
    ("pl", "migrant-worker", "work-rights-and-exploitation"),
]


@pytest.fixture
def phone_in(browser):
    contexts = []

    def make(language, **options):
        context = browser.new_context(
            viewport={"width": 360, "height": 740},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale=language,
            **options,
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def test_two_taps_from_the_front_door_to_the_first_step(phone_in, sample_site):
    # One test for the four people (loading the sample site is the slow part).
    for language, status, first_page in JOURNEYS:
        page = phone_in(language)
        page.goto(sample_site.url + "/")
        assert page.url.endswith(f"/{language}/")
        taps = 0
        # The "I am..." picker starts on the first screen, above the welcome video.
        assert page.locator("#statuses-heading").bounding_box()["y"] < 740
        page.locator(f'a.tile[href="/{language}/status/{status}/"]').click()
        taps += 1
        page.wait_for_url(re.compile(rf"/{language}/status/{status}/$"))
        first_step = page.locator(".first-steps__list a").first
        assert first_step.get_attribute("href") == f"/{language}/pages/{first_page}/"
        assert first_step.bounding_box()["y"] < 740 * 2  # within two screens of the top
        screenshot(page, f"reader-path-{language}-{status}")
        first_step.click()
        taps += 1
        page.wait_for_url(re.compile(rf"/{language}/pages/{first_page}/$"))
        assert page.locator("h1").count() == 1
        assert taps == 2, (language, taps)


def test_choices_before_the_video_and_a_video_that_switches_language(phone_in, sample_site):
    page = phone_in("ps")
    for width in (320, 360, 412):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(sample_site.url + "/ps/")
        statuses = page.locator("#statuses-heading").bounding_box()["y"]
        topics = page.locator("#topics-heading").bounding_box()["y"]
        video = page.locator("#video-heading").bounding_box()["y"]
        assert statuses < 740 < video
        assert statuses < topics < video
    screenshot(page, "reader-path-home-ps-412")

    # Watching another language's video switches the site to that language.
    page = phone_in("en")
    page.goto(sample_site.url + "/en/")
    page.locator('.welcome-video .chips a[hreflang="so"]').click()
    page.wait_for_url(re.compile(r"/so/videos/so/$"))
    assert page.locator("html").get_attribute("lang") == "so"
    assert page.locator("video[data-video-language='so']").count() == 1
    page.goto(sample_site.url + "/")
    assert page.url.endswith("/so/")  # the choice is remembered


def test_show_this_cards_open_without_javascript_and_offline(phone_in, sample_site):
    page = phone_in("ar", java_script_enabled=False)
    page.goto(sample_site.url + "/ar/pages/register-with-a-gp/")
    page.context.set_offline(True)  # everything is already on the page
    card = page.locator(".show-card")
    english = card.locator(".show-card__english").first
    assert not english.is_visible()
    card.locator("summary").click()
    assert english.is_visible()
    assert english.inner_text() == "I need an interpreter, please. My language is Arabic."
    assert english.get_attribute("lang") == "en"
    assert card.get_by_text("أرغب في التسجيل لدى طبيب عام (GP)، من فضلك.").is_visible()
    size = english.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert size >= 24  # large print
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    screenshot(page, "reader-path-show-card-ar")

    # An agency's card gives a taxi or bus driver its address.
    page = phone_in("so")
    page.goto(sample_site.url + "/so/agencies/citizens-advice-birmingham/")
    page.locator(".show-card summary").click()
    address = page.locator(".show-card__address")
    assert address.is_visible()
    assert "Citizens Advice Birmingham" in address.inner_text()
    assert page.locator(".show-card").get_by_text("Fadlan i geey cinwaankan:").is_visible()
    screenshot(page, "reader-path-show-card-agency-so")


def print_to_pdf(url, target):
    # Chromium's own "print to PDF", as a person's print dialog does it; fixed arguments.
    subprocess.run(  # noqa: S603
        [
            chromium_path(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def pdf_text(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    # Arabic comes out of a PDF as presentation forms: fold them back to ordinary letters.
    text = unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))
    return len(reader.pages), re.sub(r"\s+", " ", text)


def keep_as_pictures(pdf, name):
    """PNGs of the printed sheets for people to look at (test-artifacts/), where pdftoppm is."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        ARTIFACTS.mkdir(exist_ok=True)
        command = [pdftoppm, "-r", "60", "-png", str(pdf), str(ARTIFACTS / name)]
        subprocess.run(command, check=True)  # noqa: S603 - fixed arguments


HANDOUTS = [
    ("en", "After you get refugee status", None),
    ("ar", "بعد حصولك على صفة اللاجئ", "I need an interpreter, please. My language is Arabic."),
]


def test_pages_and_agencies_print_as_handouts_of_at_most_two_sheets(sample_site, tmp_path):
    pytest.importorskip("pypdf")
    if not chromium_path():
        pytest.skip("No Chromium to print with.")
    for language, title, interpreter in HANDOUTS:
        path = f"/{language}/pages/after-refugee-status/"
        pdf = tmp_path / f"handout-{language}.pdf"
        print_to_pdf(sample_site.url + path, pdf)
        keep_as_pictures(pdf, f"handout-{language}")
        pages, text = pdf_text(pdf)
        assert 1 <= pages <= 2, (language, pages)
        assert title in text
        address = (sample_site.url + path).replace("http://", "")
        assert address in text.replace("http://", "").replace(" ", "")
        assert "www.gov.uk/evisa" in text.replace(" ", "")  # an official link's real address
        assert "/out/?to=" not in text
        assert "opens another website" not in text
        assert "999" in text  # the emergency numbers are on the sheet
        if interpreter:
            assert interpreter in text

        # An agency, without what is only true on the screen at this minute.
        pdf = tmp_path / f"agency-{language}.pdf"
        print_to_pdf(f"{sample_site.url}/{language}/agencies/citizens-advice-birmingham/", pdf)
        keep_as_pictures(pdf, f"handout-agency-{language}")
        pages, text = pdf_text(pdf)
        assert 1 <= pages <= 2, (language, pages)
        assert "Citizens Advice Birmingham" in text
        with translation.override(language):
            only_on_screen = [_("Closed now"), _("Open now"), _("opens another website")]
        for words in only_on_screen:
            assert words not in text
        assert "/out/?to=" not in text

    # The longest sample page, in the languages that set it longest (Somali and Russian run
    # longer than English; Sorani's script needs taller lines), still fits two sheets.
    for language in ("so", "ru", "ckb"):
        pdf = tmp_path / f"longest-{language}.pdf"
        print_to_pdf(f"{sample_site.url}/{language}/pages/refused-asylum-claim/", pdf)
        pages, text = pdf_text(pdf)
        assert 1 <= pages <= 2, (language, pages)
        assert "999" in text
