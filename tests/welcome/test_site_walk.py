"""Walk every public URL in every language: it answers, with the right lang, dir and links."""

import re

import pytest
from django.conf import settings

from orientation.models import OrientationPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "fa", "ckb", "ps"}
PATHS = [
    "",
    "topics/",
    "topics/health/",
    "status/",
    "status/asylum-seeker/",
    "status/asylum-seeker/housing/",
    "pages/register-with-a-gp/",
    "pages/asylum-support/",
    "search/",
    "search/?q=GP",
    "agencies/",
    "privacy/",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PATHS)
def test_every_url_answers_in_every_language(client, site, language, path):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language in RTL else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'id="emergency"' in html
    assert 'href="tel:999"' in html
    bare_path = path.split("?")[0]
    assert f'<link rel="canonical" href="http://testserver/{language}/{bare_path}">' in html
    for other in LANGUAGES:
        assert (
            f'<link rel="alternate" hreflang="{other}" href="http://testserver/{other}/{bare_path}">'
            in html
        )
    assert '<meta property="og:title" content="' in html
    assert f'<meta property="og:locale" content="{_expected_og_locale(path, language)}">' in html


def _expected_og_locale(path, language):
    """An orientation page shown as an English stand-in says so to link previews."""
    if path.startswith("pages/"):
        page = OrientationPage.objects.get(slug=path.split("/")[1])
        if not getattr(page, f"body_{language}"):
            return "en"
    return language


def test_open_graph_is_in_the_page_language(client, site):
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert '<meta property="og:title" content="التسجيل لدى طبيب عام">' in html
    assert '<meta property="og:description" content="كيف تسجل.">' in html
    assert '<meta property="og:type" content="article">' in html


def test_unknown_page_is_a_translated_404(client, site):
    response = client.get("/ar/pages/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_language_prefix_is_required(client, site):
    response = client.get("/pages/register-with-a-gp/")
    assert response.status_code == 302
    assert response["Location"] == "/en/pages/register-with-a-gp/"


def test_public_pages_load_nothing_from_other_origins(client, site):
    response = client.get("/fa/pages/register-with-a-gp/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    html = response.content.decode()
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver)[^"]*\.(js|css|woff2?)"', html)
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == [  # ours, and never inline
        '<script src="/static/js/map.js" defer>',
        '<script src="/static/js/video.js" defer>',
    ], scripts


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_are_plain_text(client, site, language):
    html = client.get(f"/{language}/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "\n" not in title.strip(), title
