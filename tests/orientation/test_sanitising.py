"""Page bodies are Markdown rendered to HTML that can carry no script, on save and on render."""

import pytest

from orientation.markdown import render_markdown, sanitise_html
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example/"><input name="x"></form>',
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_markdown_renders_inert(source):
    html = render_markdown(source).lower()
    for marker in (
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "data:text",
        "<iframe",
        "<svg",
        "style=",
        "<form",
        "<input",
        "<style",
    ):
        assert marker not in html, (source, html)


def test_links_get_noopener_noreferrer():
    html = render_markdown("[GOV.UK](https://www.gov.uk/)")
    assert html == '<p><a href="https://www.gov.uk/" rel="noopener noreferrer">GOV.UK</a></p>'


def test_ordinary_markdown_survives():
    html = render_markdown("## Bring\n\n- your **letter**\n- your passport\n\n1. one\n2. two")
    assert "<h2>Bring</h2>" in html
    assert "<li>your <strong>letter</strong></li>" in html
    assert "<ol>" in html


def test_persian_zero_width_non_joiner_survives():
    text = "می\u200cخواهم"
    assert "\u200c" in render_markdown(text)
    assert "\u200c" in sanitise_html(f"<p>{text}</p>")


def test_hostile_body_is_inert_in_every_language_on_the_public_page(client, locality):
    hostile = "\n\n".join(HOSTILE)
    page = OrientationPageFactory(
        slug="hostile",
        body_en=hostile,
        **{f"body_{code}": hostile for code in ("ar", "fa", "ckb", "pl", "ps", "ru", "so")},
        **{f"title_{code}": "T" for code in ("ar", "fa", "ckb", "pl", "ps", "ru", "so")},
    )
    for code in ("en", "ar", "fa", "ckb", "pl", "ps", "ru", "so"):
        html = client.get(f"/{code}/pages/{page.slug}/").content.decode().lower()
        html = html.replace('<script src="/static/js/map.js" defer></script>', "")
        html = html.replace('<script src="/static/js/video.js" defer></script>', "")
        assert "<script" not in html
        assert "onerror" not in html
        assert "javascript:" not in html


def test_stored_html_is_sanitised_again_when_shown(client, locality):
    """A row changed behind the application's back still cannot reach a reader as script."""
    page = OrientationPageFactory(slug="tampered")
    type(page).objects.filter(pk=page.pk).update(body_html_en="<p>ok</p><script>alert(1)</script>")
    html = client.get("/en/pages/tampered/").content.decode()
    assert "<p>ok</p>" in html
    assert "alert(1)" not in html


def test_hostile_titles_are_escaped(client, locality):
    page = OrientationPageFactory(
        slug="hostile-title", title_en='<script>alert("t")</script>', summary_en="<b>x</b>"
    )
    html = client.get(f"/en/pages/{page.slug}/").content.decode()
    assert '<script>alert("t")</script>' not in html
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_hostile_search_query_is_escaped(client, locality):
    html = client.get("/en/search/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_phone_numbers_and_postcodes_are_isolated_for_right_to_left_text():
    html = render_markdown(
        "اتصل على 0808 8010 503. العنوان: B1 2ND. [موقع](https://www.gov.uk/a-1)"
    )
    assert '<bdi dir="ltr">0808 8010 503</bdi>' in html
    assert '<bdi dir="ltr">B1 2ND</bdi>' in html
    assert 'href="https://www.gov.uk/a-1"' in html  # never inside a tag


def test_bdi_cannot_be_used_to_smuggle_attributes():
    html = render_markdown('<bdi dir="ltr" onclick="alert(1)" style="x">1</bdi>')
    assert "onclick" not in html
    assert "style" not in html
