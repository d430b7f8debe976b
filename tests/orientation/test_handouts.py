"""The print handout: where the page lives (address and QR code), real official addresses."""

import re
from pathlib import Path

import pytest
import segno
from django.contrib.staticfiles import finders

from orientation.handouts import qr_code_svg
from tests.factories import OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(locality):
    return OrientationPageFactory(slug="council-tax", title_en="Council tax")


def test_the_qr_code_is_an_inline_svg_of_the_address():
    url = "http://testserver/ar/pages/council-tax/"
    svg = qr_code_svg(url, "Scan <me>")
    expected = segno.make(url, error="m").svg_inline(
        scale=1, border=2, omitsize=True, svgclass="qr", title="Scan <me>"
    )
    assert svg == expected.replace("<svg ", '<svg role="img" ', 1)
    assert "<title>Scan &lt;me&gt;</title>" in svg
    assert 'viewBox="' in svg  # scales to the size print.css gives it


def test_a_page_carries_its_handout_header(client, page):
    text = client.get("/ar/pages/council-tax/").content.decode()
    header = re.search(r'<div class="handout-header" hidden>.*?</div>', text, re.S).group()
    assert "http://testserver/ar/pages/council-tax/" in header
    assert '<svg role="img" viewBox=' in header
    assert "<title>رمز QR: امسحه لفتح هذه الصفحة</title>" in header
    assert "طُبعت في" in header  # "Printed on", with today's date
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">', header)


def test_official_links_print_their_real_address(client, page):
    text = client.get("/en/pages/council-tax/").content.decode()
    assert 'href="/out/?to=https%3A%2F%2Fwww.gov.uk%2F"' in text  # on screen: counted
    assert '<bdi class="print-url" dir="ltr" hidden>https://www.gov.uk/</bdi>' in text


def test_the_print_stylesheet_is_linked_for_print_only(client, page):
    text = client.get("/en/pages/council-tax/").content.decode()
    assert re.search(r'<link rel="stylesheet" href="[^"]*print[^"]*\.css" media="print">', text)


def test_an_agency_carries_its_handout_header_and_marks_what_is_only_true_now(client, locality):
    OrganisationFactory(slug="advice-centre", website="https://advice.example.org/")
    text = client.get("/pl/agencies/advice-centre/").content.decode()
    assert '<div class="handout-header" hidden>' in text
    assert "http://testserver/pl/agencies/advice-centre/" in text
    assert re.search(r'<span class="badge badge--now">', text)  # "Closed now" is not printed
    assert '<bdi class="print-url" dir="ltr" hidden>https://advice.example.org/</bdi>' in text


def test_the_print_stylesheet_hides_what_paper_cannot_do():
    css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    hidden = css[: css.index("{ display: none !important; }")]
    for selector in (".leaves-site", ".badge--now", ".feedback", ".map"):
        assert selector in hidden
    assert ".print-url[hidden] { display: inline !important;" in css
    assert ".handout-header[hidden] {" in css
    assert ".show-card::details-content" in css  # the card prints open
