"""Search across languages and scripts."""

import pytest

from orientation.search import normalise_for_search, search_terms
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db


def test_arabic_and_persian_letter_forms_meet():
    assert normalise_for_search("كتابي") == normalise_for_search("کتابی")
    assert normalise_for_search("مَدْرَسَة") == normalise_for_search("مدرسه")


def test_zero_width_non_joiner_is_optional_in_queries():
    with_zwnj = normalise_for_search("می\u200cخواهم")
    assert with_zwnj == normalise_for_search("می خواهم")


def test_search_terms_are_bounded():
    assert search_terms("a " + "word " * 50) == ["word"] * 8


def test_search_finds_pages_in_any_language(client, locality):
    OrientationPageFactory(
        slug="gp",
        title_en="Register with a GP",
        title_fa="ثبت‌نام نزد پزشک عمومی",
        body_fa="برای ثبت‌نام به مطب بروید.",
    )
    OrientationPageFactory(slug="bus", title_en="Buses", body_en="Take the bus.")
    english = client.get("/en/search/", {"q": "register GP"}).content.decode()
    assert "Register with a GP" in english
    assert "Buses" not in english
    persian = client.get("/fa/search/", {"q": "ثبت نام"}).content.decode()
    assert "ثبت‌نام نزد پزشک عمومی" in persian
    arabic_keyboard = client.get("/fa/search/", {"q": "پزشك"}).content.decode()
    assert "ثبت‌نام نزد پزشک عمومی" in arabic_keyboard


def test_search_with_no_results_helps(client, locality):
    html = client.get("/en/search/", {"q": "zzzzzz"}).content.decode()
    assert "0 pages found" in html
    assert 'href="/en/topics/"' in html


def test_very_long_query_is_cut(client, locality):
    response = client.get("/en/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert "x" * 201 not in response.content.decode()
