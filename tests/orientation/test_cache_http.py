"""What anonymous public pages tell browsers and shared caches (nginx, a CDN)."""

import re

import pytest

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/pages/register-with-a-gp/"


def max_ages(response):
    control = response["Cache-Control"]
    return int(re.search(r"(?<!-)max-age=(\d+)", control)[1]), int(
        re.search(r"s-maxage=(\d+)", control)[1]
    )


@pytest.mark.parametrize("attempt", ["rendered", "cached"])
def test_public_pages_may_be_kept_briefly_by_browsers_and_longer_by_shared_caches(
    client, site, attempt
):
    if attempt == "cached":
        client.get(PAGE)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public")
    browser, shared = max_ages(response)
    assert (browser, shared) == (60, 300)


def test_the_page_carries_an_etag_and_a_matching_request_gets_304(client, site):
    first = client.get(PAGE)
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert client.get(PAGE)["ETag"] == etag
    again = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"].startswith("public")
    changed = client.get(PAGE, HTTP_IF_NONE_MATCH='"0123456789abcdef0123456789abcdef"')
    assert changed.status_code == 200
    assert "Register with a GP" in changed.text


def test_a_content_change_gives_a_new_etag(client, site):
    etag = client.get(PAGE)["ETag"]
    page = site["pages"]["everyone"]
    page.title_en = "Find a family doctor"
    page.save()
    response = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_public_pages_vary_on_nothing_and_carry_no_stored_date(client, site):
    for _ in range(2):
        response = client.get(PAGE, HTTP_COOKIE="language=ar")
        assert not response.has_header("Vary")
        # The server (gunicorn) sets a fresh Date on every answer; a stored one would be stale.
        assert not response.has_header("Date")
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_opening_times_are_kept_for_the_rest_of_the_minute_at_most(client, site):
    OrganisationFactory(slug="advice-centre")
    for _ in range(2):
        browser, shared = max_ages(client.get("/en/agencies/advice-centre/"))
        assert 0 <= browser <= 60
        assert 0 <= shared <= 60


def test_signed_in_staff_and_filtered_lists_are_not_shared(client, site, django_user_model):
    filtered = client.get("/en/agencies/?free=on")
    assert "public" not in filtered["Cache-Control"]
    assert "private" in filtered["Cache-Control"]
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    response = client.get(PAGE)
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_with_the_page_cache_off_nothing_is_promised_to_shared_caches(client, site, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert not response.has_header("ETag")
