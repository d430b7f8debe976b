"""Right-to-left pages look right: real Arabic-script fonts, mirrored layout, numbers in order."""

import pytest

pytestmark = pytest.mark.browser

# Letters some fonts lack: Pashto ښ ګ ړ and Sorani ۆ ێ ڵ.
SPECIAL_LETTERS = {"ps": "ښګړ", "ckb": "ۆێڵ"}
ARABIC_SCRIPT_FONTS = ("Noto Naskh Arabic", "Noto Sans Arabic", "Noto Kufi Arabic", "Vazirmatn")


def platform_fonts(page, selector):
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("language", ["ps", "ckb", "fa", "ar"])
def test_arabic_script_is_drawn_with_a_font_that_has_the_letters(phone, sample_site, language):
    phone.goto(f"{sample_site.url}/{language}/pages/register-with-a-gp/")
    fonts = platform_fonts(phone, "main .prose")
    names = {font["familyName"] for font in fonts}
    assert names & set(ARABIC_SCRIPT_FONTS), names
    text = phone.locator("main .prose").inner_text()
    for letter in SPECIAL_LETTERS.get(language, ""):
        if letter in text:
            # The glyphs came from an Arabic-script font, not from a last-resort box font.
            assert not names - set(ARABIC_SCRIPT_FONTS) - {"Noto Sans", "DejaVu Sans", "Roboto"}


@pytest.mark.parametrize("language", ["ar", "fa", "ckb", "ps"])
def test_layout_mirrors_and_chevrons_turn(phone, sample_site, language):
    phone.goto(f"{sample_site.url}/{language}/topics/health/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    home_crumb = phone.locator(".breadcrumbs li").first.bounding_box()
    last_crumb = phone.locator(".breadcrumbs li").last.bounding_box()
    assert home_crumb["x"] > last_crumb["x"]  # the trail starts at the right
    chevron = phone.locator(".breadcrumbs .flip-rtl").first
    assert "matrix(-1" in chevron.evaluate("element => getComputedStyle(element).transform")


def test_phone_numbers_keep_their_digit_order_in_rtl(phone, sample_site):
    phone.goto(f"{sample_site.url}/ar/")
    number = phone.locator(".emergency__number", has_text="0808").first
    box = number.bounding_box()
    first_group = phone.evaluate(
        """element => {
            const range = document.createRange();
            const text = element.querySelector('bdi').firstChild;
            range.setStart(text, 0); range.setEnd(text, 4);
            return range.getBoundingClientRect().x;
        }""",
        number.element_handle(),
    )
    # "0808" is drawn at the left of "0808 2000 247", as it is written.
    assert first_group - box["x"] < 5
