"""Web addresses and phone numbers in page bodies can be tapped, in every language."""

import pytest

from orientation.markdown import render_markdown

pytestmark = pytest.mark.django_db


def test_bare_address_in_a_translation_becomes_a_link():
    html = render_markdown("ادخل إلى https://www.nhs.uk/service-search/find-a-gp واكتب الرمز.")
    assert (
        '<a href="https://www.nhs.uk/service-search/find-a-gp" rel="noopener noreferrer">'
        "https://www.nhs.uk/service-search/find-a-gp</a>"
    ) in html


def test_sentence_punctuation_is_not_part_of_the_address():
    html = render_markdown("Go to https://www.gov.uk/asylum-support. Then wait.")
    assert 'href="https://www.gov.uk/asylum-support"' in html


def test_phone_numbers_become_tel_links_isolated_left_to_right():
    html = render_markdown("Call Migrant Help on 0808 8010 503. It is free.")
    assert (
        '<a href="tel:+448088010503" rel="noopener noreferrer">'
        '<bdi dir="ltr">0808 8010 503</bdi></a>'
    ) in html


def test_existing_links_are_not_linked_twice():
    html = render_markdown("[Shelter, 0808 800 4444](https://england.shelter.org.uk/)")
    assert html.count("<a ") == 1
    assert "tel:" not in html


def test_postcodes_and_years_are_not_phone_numbers():
    html = render_markdown("Come to B11 1AR in 2026 or 2027.")
    assert "<a " not in html


def test_sample_translations_link_find_a_gp_and_migrant_help(client, locality):
    from pathlib import Path

    from django.conf import settings

    from welcome.locality import load_locality

    load_locality(Path(settings.BASE_DIR) / "content" / "birmingham")
    for language in ("ar", "fa", "ckb", "pl", "ps", "ru", "so"):
        html = client.get(f"/{language}/pages/register-with-a-gp/").content.decode()
        assert 'href="https://www.nhs.uk/service-search/find-a-gp"' in html, language
    html = client.get("/en/pages/asylum-support/").content.decode()
    assert 'href="tel:+448088010503"' in html
