"""English words inside a right-to-left page body keep their brackets, numbers and full stops on
the right side at phone width (issue 12): measured where Chromium draws each character."""

import pytest

from tests.factories import LocalityFactory, OrientationPageFactory

pytestmark = pytest.mark.browser

BODY_AR = (
    "الدعم (Universal Credit) 2 هنا.\n\n"
    "اقرأ [section 95 (Home Office)](https://www.gov.uk/asylum-support) 2 هنا.\n\n"
    "تحصل على الدعم (section 95 support)."
)

# Where the nth occurrence of some text is drawn, across the text nodes of an element.
DRAWN_AT = """([element, needle, occurrence]) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = node.data.indexOf(needle);
        for (; at !== -1; at = node.data.indexOf(needle, at + 1)) {
            if (seen++ === occurrence) {
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + needle.length);
                const box = range.getBoundingClientRect();
                return {left: box.left, right: box.right, top: box.top};
            }
        }
    }
    return null;
}"""


@pytest.fixture
def arabic_page(phone, live_server, transactional_db, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    LocalityFactory()
    OrientationPageFactory(slug="support", title_ar="الدعم", summary_ar="الدعم.", body_ar=BODY_AR)
    phone.goto(f"{live_server.url}/ar/pages/support/")
    return phone


def drawn(page, paragraph, needle):
    """The horizontal middle and the top of where ``needle`` is drawn in a body paragraph."""
    element = page.locator("main .prose p").nth(paragraph).element_handle()
    box = page.evaluate(DRAWN_AT, [element, needle, 0])
    assert box is not None, needle
    return (box["left"] + box["right"]) / 2, box["top"]


def left_to_right(page, paragraph, *needles):
    """Whether the needles are drawn in this order from left to right, on one line."""
    places = [drawn(page, paragraph, needle) for needle in needles]
    assert len({top for _middle, top in places}) == 1, places  # no line break between them
    middles = [middle for middle, _top in places]
    return middles == sorted(middles)


def test_brackets_and_numbers_stay_outside_english_words_at_360_px(arabic_page):
    # Read from the right: "(", the English name left to right, ")", then the Arabic "2".
    assert left_to_right(arabic_page, 0, "2", ")", "Universal", "Credit", "(")


def test_a_number_after_a_link_in_english_is_not_drawn_inside_it(arabic_page):
    link = arabic_page.locator("main .prose p").nth(1).locator("a").bounding_box()
    middle, _top = drawn(arabic_page, 1, "2")
    assert middle < link["x"]
    assert left_to_right(arabic_page, 1, "section", "95", "(", "Home", ")")


def test_a_sentences_full_stop_ends_it_on_the_left(arabic_page):
    assert left_to_right(arabic_page, 2, ".", ")", "section", "95", "support", "(")
