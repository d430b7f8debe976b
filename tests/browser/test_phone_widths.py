"""Every public page type, in every language, on the phone widths readers have: 320, 360, 412 px.

Nothing scrolls sideways, no label is wider than its box, and every language in the picker is
on screen. The sample is loaded once per test (each test checks many pages), and the suite
reuses one browser.
"""

import itertools

import pytest

from tests.helpers import screenshot

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 412)
LANGUAGES = ("en", "ar", "fa", "ckb", "pl", "ps", "ru", "so")
PAGES = {
    "home": "/",
    "status": "/status/asylum-seeker/",
    "status-topic": "/status/asylum-seeker/housing/",
    "topic": "/topics/health/",
    "page": "/pages/register-with-a-gp/",
    "agencies": "/agencies/",
    "agency": "/agencies/citizens-advice-birmingham/",
    "search": "/search/?q=gp",
}

# Boxes a reader taps or reads as one unit: their text must stay inside them.
BOXES = (
    ".tile, .tile__label, .chips a, .button, .badge, .page-card, .agency-card, .topic-list__item,"
    " .emergency li, .emergency-link, .language-picker > summary, .filters__field, .facts,"
    " .hours, .pagination a, .breadcrumbs li"
)
OVERFLOW_SCRIPT = """boxes => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) {
        problems.push(`page is ${document.documentElement.scrollWidth}px wide on ${width}px`);
    }
    for (const box of document.querySelectorAll(boxes)) {
        const hidden = '[hidden], details:not([open]) > :not(summary)';
        if (box.closest(hidden)) continue;
        if (box.scrollWidth > box.clientWidth + 1) {
            const text = box.textContent.trim().slice(0, 40);
            problems.push(`${box.className || box.tagName}: "${text}"`
                + ` needs ${box.scrollWidth}px in ${box.clientWidth}px`);
        }
    }
    for (const tile of document.querySelectorAll('.tile')) {
        const outer = tile.getBoundingClientRect();
        const label = tile.querySelector('.tile__label').getBoundingClientRect();
        if (label.left < outer.left - 1 || label.right > outer.right + 1) {
            problems.push(`tile label "${tile.textContent.trim()}" spills out of its tile`);
        }
    }
    for (const element of document.body.querySelectorAll('*')) {
        const away = '.visually-hidden, .skip-link, .honeypot, [hidden], details:not([open])';
        if (element.closest(away)) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width && (rect.left < -1 || rect.right > width + 1)) {
            problems.push(`${element.tagName}.${element.className}: ${Math.round(rect.left)}..`
                + `${Math.round(rect.right)} on a ${width}px screen`);
        }
    }
    return problems.slice(0, 10);
}"""
PICKER_SCRIPT = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.language-picker__list a')]
        .map(link => [link.textContent.trim(), link.getBoundingClientRect()])
        .filter(([name, box]) => box.left < 0 || box.right > width || box.width === 0)
        .map(([name, box]) => `${name}: ${Math.round(box.left)}..${Math.round(box.right)}`);
}"""


@pytest.fixture
def at_width(browser):
    """A phone of the given width; one browser for the whole suite."""
    contexts = []

    def page_at(width):
        context = browser.new_context(
            viewport={"width": width, "height": 760},
            device_scale_factor=1,
            is_mobile=True,
            has_touch=True,
        )
        contexts.append(context)
        return context.new_page()

    yield page_at
    for context in contexts:
        context.close()


def problems_on(page, url, *, shot=None):
    response = page.goto(url)
    if response.status != 200:
        return [f"{url}: {response.status}"]
    problems = page.evaluate(OVERFLOW_SCRIPT, BOXES)
    if shot:
        screenshot(page, shot)
    page.locator(".language-picker > summary").click()
    if page.locator(".language-picker__list a").count() != len(LANGUAGES):
        problems.append("the picker does not offer every language")
    problems += [f"picker: {problem}" for problem in page.evaluate(PICKER_SCRIPT)]
    return [f"{url}: {problem}" for problem in problems]


# The sample takes a while to load and these checks only read it: one load per width, every
# language and page type inside (the failure message names each page and what is wrong).
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_in_every_language_fits_the_phone(sample_site, at_width, width):
    page = at_width(width)
    problems = []
    for language in LANGUAGES:
        for name, path in PAGES.items():
            shot = f"phone-{width}-{language}-{name}" if width == 360 else None
            problems += problems_on(page, f"{sample_site.url}/{language}{path}", shot=shot)
    assert problems == []


def test_details_that_broke_on_real_phones(sample_site, at_width):
    """One load of the sample for the smaller checks below."""
    for width in (768, 1024, 1280):
        page = at_width(width)
        for language in LANGUAGES:
            page.goto(f"{sample_site.url}/{language}/")
            page.locator(".language-picker > summary").click()
            assert page.evaluate(PICKER_SCRIPT) == [], (width, language)
    page = at_width(360)
    english_is_not_set_in_serif(page, sample_site)
    for language in ("ar", "fa", "ckb", "ps"):
        addresses_read_in_their_own_order(page, sample_site, language)
    page = at_width(320)
    for language in LANGUAGES:
        postcodes_never_break_across_lines(page, sample_site, language)
    for width in (320, 412):
        targets_are_at_least_24_px(at_width(width), sample_site)
    emergency_numbers_sit_with_their_own_words(at_width(1280), sample_site)


def english_is_not_set_in_serif(page, site):
    page.goto(f"{site.url}/en/")
    for selector in ("html", "body", "main h1", ".tile__label"):
        family = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontFamily")
        assert family.endswith("sans-serif"), (selector, family)


def addresses_read_in_their_own_order(page, site, language):
    page.goto(f"{site.url}/{language}/agencies/citizens-advice-birmingham/")
    address = page.locator("address .address")
    street = address.evaluate(
        """element => { const range = document.createRange();
            range.setStart(element.firstChild, 0); range.setEnd(element.firstChild, 1);
            return range.getBoundingClientRect().left; }"""
    )
    postcode = address.locator(".postcode").bounding_box()
    # Left to right, as written: the street's first letter starts at the left of its line, and
    # the postcode is a left-to-right unit too.
    assert street <= postcode["x"] + 1
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"


def postcodes_never_break_across_lines(page, site, language):
    page.goto(f"{site.url}/{language}/agencies/")
    postcodes = page.locator(".agency-card .postcode")
    assert postcodes.count() > 0
    line_counts = postcodes.evaluate_all("all => all.map(e => e.getClientRects().length)")
    assert set(line_counts) == {1}


def emergency_numbers_sit_with_their_own_words(page, site):
    page.goto(f"{site.url}/en/")
    cards = page.locator(".emergency li").evaluate_all(
        """all => all.map(item => {
            const own = item.getBoundingClientRect();
            const number = item.querySelector('.emergency__number').getBoundingClientRect();
            const words = item.querySelector(':scope > span').getBoundingClientRect();
            return {own: [own.left, own.right, own.top, own.bottom],
                    number: [number.left, number.right], words: [words.left, words.right]};
        })"""
    )
    assert len(cards) >= 5
    for card in cards:
        left, right = card["own"][0], card["own"][1]
        assert left <= card["number"][0] and card["number"][1] <= right
        assert left <= card["words"][0] and card["words"][1] <= right
        # The words start under their number, not beside the next card's number.
        assert abs(card["words"][0] - card["number"][0]) < 2
    rows = {}
    for card in cards:
        rows.setdefault(round(card["own"][2]), []).append(card["own"])
    for row in rows.values():
        row.sort()
        for before, after in itertools.pairwise(row):
            assert after[0] - before[1] >= 8  # a clear gap between cards


def targets_are_at_least_24_px(page, site):
    page.goto(f"{site.url}/pl/agencies/")
    targets = page.locator(".site-footer a, .filters input[type=checkbox]")
    assert targets.count() >= 6
    for box in targets.evaluate_all("all => all.map(e => e.getBoundingClientRect().toJSON())"):
        assert box["width"] >= 24 and box["height"] >= 24, box
