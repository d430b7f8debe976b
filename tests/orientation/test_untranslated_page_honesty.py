"""An untranslated page says so before anything else, and does not claim the reader's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def position(html, needle):
    assert needle in html, needle
    return html.index(needle)


def test_not_translated_notice_comes_before_the_english_title(client, site):
    html = client.get("/pl/pages/asylum-support/").content.decode()
    assert position(html, "notice--fallback") < position(html, '<h1 lang="en" dir="ltr">')


def test_draft_notice_comes_before_the_title_too(client, site):
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert position(html, "notice--draft") < position(html, "<h1>التسجيل لدى طبيب عام</h1>")


def test_untranslated_page_shares_as_english(client, site):
    html = client.get("/pl/pages/asylum-support/").content.decode()
    assert re.search(r'<meta property="og:locale" content="en">', html)


def test_translated_page_shares_in_the_readers_language(client, site):
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert '<meta property="og:locale" content="ar">' in html


def test_untranslated_agency_shares_as_english(client, site):
    from tests.factories import OrganisationFactory

    OrganisationFactory(slug="clinic", name="Clinic", listed=True, description_en="Free help.")
    html = client.get("/so/agencies/clinic/").content.decode()
    assert '<meta property="og:locale" content="en">' in html
    assert position(html, "notice--fallback") < position(html, "<h1>")
