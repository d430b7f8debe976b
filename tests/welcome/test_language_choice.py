"""Which language a reader lands in, and how they change it."""

import pytest

from portal.languages import supported_language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", "en"),
        ("ar", "ar"),
        ("ar-EG,ar;q=0.9,en;q=0.5", "ar"),
        ("pl-PL,pl;q=0.9", "pl"),
        ("so-SO", "so"),
        ("ps-AF", "ps"),
        ("fa-IR", "fa"),
        ("fa-AF", "fa"),
        ("prs", "fa"),
        ("ckb", "ckb"),
        ("ku-Arab", "ckb"),
        ("de-DE,ru;q=0.8", "ru"),
        ("ti-ER,en;q=0.5", "en"),
        ("zz, *;q=0.1", "en"),
    ],
)
def test_root_redirects_by_accept_language(client, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == f"/{expected}/"


def test_kurmanji_is_never_taken_for_sorani(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ku")
    assert response["Location"] == "/en/"
    assert supported_language("ku") is None
    assert supported_language("ku-TR") is None


def test_cookie_wins_over_accept_language(client):
    client.cookies["language"] = "so"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/so/"


def test_unknown_cookie_falls_through_to_accept_language(client):
    client.cookies["language"] = "xx"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Location"] == "/ru/"


def test_root_redirect_varies_and_is_not_cached(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert "Accept-Language" in response["Vary"]
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "max-age=0"} <= directives


def test_choosing_a_language_sets_the_only_cookie_and_keeps_the_page(client, locality):
    response = client.get("/language/ar/", {"next": "/en/pages/register-with-a-gp/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/pages/register-with-a-gp/"
    assert set(response.cookies) == {"language"}
    cookie = response.cookies["language"]
    assert cookie.value == "ar"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", ""],
)
def test_choosing_a_language_never_redirects_off_site(client, next_url):
    response = client.get("/language/pl/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_choosing_an_unknown_language_gives_english(client):
    response = client.get("/language/xx/", {"next": "/ar/topics/"})
    assert response["Location"] == "/en/topics/"
    assert response.cookies["language"].value == "en"


def test_public_pages_set_no_cookies(client, locality):
    for path in ("/en/", "/ar/topics/", "/so/status/", "/fa/search/?q=gp"):
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies, path


def test_language_picker_shows_each_language_in_its_own_script(client, locality):
    html = client.get("/ps/").content.decode()
    for native in ("العربية", "فارسی", "کوردی", "Polski", "پښتو", "Русский", "Soomaali", "English"):
        assert native in html
    assert 'href="/language/so/?next=/so/"' in html
    assert 'lang="ps" dir="rtl"' in html
