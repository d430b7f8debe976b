"""A search that finds nothing says so in words, in every language (not "0 pages found")."""

import re

import pytest

pytestmark = pytest.mark.django_db

NO_RESULTS = {
    "en": "No results for “<bdi>zzqxv</bdi>”.",
    "fa": "نتیجه‌ای برای «<bdi>zzqxv</bdi>» پیدا نشد.",
    "ar": "لا توجد نتائج لـ «<bdi>zzqxv</bdi>».",
    "so": "Wax natiijo ah lagama helin “<bdi>zzqxv</bdi>”.",
}


@pytest.mark.parametrize("language", NO_RESULTS)
def test_nothing_found_is_said_in_words(client, site, language):
    html = client.get(f"/{language}/search/", {"q": "zzqxv"}).content.decode()
    assert NO_RESULTS[language] in html
    assert '<p role="status">0' not in html


def test_results_are_still_counted(client, site):
    html = client.get("/en/search/", {"q": "asylum"}).content.decode()
    assert "No results" not in html
    assert re.search(r'<p role="status">[1-9]\d* result', html)
