"""The language picker: names readers recognise, and a switch that keeps what they were doing."""

import pytest

pytestmark = pytest.mark.django_db


def test_changing_language_keeps_the_search_words(client, locality):
    html = client.get("/en/search/", {"q": "doctor"}).content.decode()
    assert 'href="/language/ar/?next=/ar/search/%3Fq%3Ddoctor"' in html
    # The alternates stay the bare page address: they name the page, not the search.
    assert 'hreflang="ar" href="http://testserver/ar/search/"' in html


def test_changing_language_keeps_the_directory_filters(client, locality):
    html = client.get("/so/agencies/", {"free": "on", "page": "2"}).content.decode()
    assert 'href="/language/pl/?next=/pl/agencies/%3Ffree%3Don%26page%3D2"' in html


def test_switch_follows_the_kept_query_to_the_same_search(client, locality):
    response = client.get("/language/fa/", {"next": "/en/search/?q=doctor"})
    assert response.status_code == 302
    assert response["Location"] == "/fa/search/?q=doctor"


def test_farsi_is_also_labelled_dari_for_readers_from_afghanistan(client, locality):
    html = client.get("/en/").content.decode()
    assert '<bdi dir="rtl">فارسی / دری</bdi>' in html
