"""What a person does: arrive, choose Arabic, say who they are, find a page, read it."""

import re

import pytest

from tests.helpers import screenshot

pytestmark = pytest.mark.browser


def test_arrive_switch_to_arabic_pick_status_and_read_a_page(phone, sample_site):
    page = phone
    page.goto(sample_site.url + "/")
    assert page.url.endswith("/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"

    page.locator(".language-picker summary").click()
    page.locator(".language-picker").get_by_role("link", name="العربية").click()
    page.wait_for_url(re.compile(r"/ar/$"))
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    # The layout really is mirrored: the brand sits at the right-hand edge.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > 360 - 40
    screenshot(page, "journey-1-home-ar")

    page.locator('a.tile[href="/ar/status/refugee/"]').click()
    page.wait_for_url(re.compile(r"/ar/status/refugee/$"))
    page.locator('a.tile[href="/ar/status/refugee/money-benefits/"]').click()
    page.wait_for_url(re.compile(r"/ar/status/refugee/money-benefits/$"))
    page.locator('a[href="/ar/pages/after-refugee-status/"]').first.click()
    page.wait_for_url(re.compile(r"/ar/pages/after-refugee-status/$"))

    heading = page.locator("h1")
    assert re.search(r"[\u0600-\u06FF]", heading.inner_text()), heading.inner_text()
    assert heading.get_attribute("lang") is None  # Arabic text, not an English stand-in
    assert page.locator(".notice--draft").is_visible()  # honest about the draft translation
    emergency = page.locator("#emergency")
    assert emergency.is_visible()  # the emergency numbers are on the page itself
    assert "999" in emergency.inner_text()
    screenshot(page, "journey-2-page-ar")

    # The choice is remembered: the front door now sends this reader to Arabic.
    page.goto(sample_site.url + "/")
    assert page.url.endswith("/ar/")


def test_everything_works_with_javascript_off(browser, sample_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(sample_site.url + "/so/")
    page.locator(".language-picker summary").click()
    page.locator(".language-picker").get_by_role("link", name="فارسی").click()
    page.wait_for_url(re.compile(r"/fa/$"))
    page.fill("#search-q", "GP")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fa/search/\?q=GP"))
    assert page.locator(".page-card").count() >= 1
    context.close()


def test_nothing_overflows_a_360px_phone(phone, sample_site):
    for path in (
        "/ar/",
        "/ps/pages/register-with-a-gp/",
        "/so/topics/",
        "/ckb/status/",
        "/fa/agencies/",
        "/so/agencies/citizens-advice-birmingham/",
        "/ar/videos/",
        "/pl/privacy/",
    ):
        phone.goto(sample_site.url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)


def test_print_fits_the_page_and_hides_navigation(browser, sample_site, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(sample_site.url + "/en/pages/register-with-a-gp/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator("#emergency").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    context.close()
