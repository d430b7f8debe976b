"""A Farsi reader finds an organisation that speaks their language, and sees its map and hours."""

import base64
import re

import pytest

from tests.helpers import screenshot

pytestmark = pytest.mark.browser

# A 1x1 PNG: tests never reach the real tile server (and CI has no internet).
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_farsi_reader_filters_by_language_opens_an_agency_and_its_map(phone, sample_site):
    tile_requests = []

    def fake_tile(route):
        tile_requests.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE)

    phone.route(re.compile(r"https://tile\.openstreetmap\.org/.*"), fake_tile)
    phone.goto(sample_site.url + "/fa/agencies/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    phone.select_option("#id_language", "fa")
    phone.locator(".filters button[type=submit]").click()
    phone.wait_for_url(re.compile(r"language=fa"))
    cards = phone.locator(".agency-card")
    assert cards.count() >= 1
    assert not tile_requests  # nothing from the tile server until the reader asks

    phone.locator(".agency-card h3 a", has_text="Summerfield").click()
    phone.wait_for_url(re.compile(r"/fa/agencies/summerfield-urgent-treatment-centre/$"))
    assert phone.locator("table.hours tr").count() == 7
    assert phone.locator(".hours__today").count() == 1

    open_map = phone.locator("[data-map-open]")
    assert open_map.is_visible()
    open_map.click()
    phone.wait_for_selector(".leaflet-marker-icon")
    assert phone.locator(".leaflet-container").is_visible()
    assert phone.locator(".leaflet-control-zoom-in").get_attribute("title") != "Zoom in"
    phone.wait_for_timeout(300)
    assert tile_requests
    screenshot(phone, "directory-fa-agency")


def test_without_javascript_the_map_is_a_list_with_directions(browser, sample_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_site.url + "/en/agencies/library-of-birmingham/")
    assert not page.locator("[data-map-open]").is_visible()
    directions = page.locator(".place-list__directions")
    assert directions.count() == 1
    assert directions.get_attribute("href").startswith("https://www.openstreetmap.org/directions")
    assert page.locator("address").is_visible()
    context.close()
