"""The site's name reads naturally in every language and is not repeated; sizes use one unit."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import LocalityFactory

pytestmark = pytest.mark.django_db


def title(html):
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


def test_home_title_does_not_repeat_the_site_name(client, locality):
    assert title(client.get("/en/").content.decode()) == "Welcome to Testville"


def test_other_titles_still_end_with_the_site_name(client, locality):
    assert title(client.get("/en/privacy/").content.decode()).endswith(" – Welcome to Testville")


def test_polish_site_name_has_no_stray_colon(client, locality):
    html = client.get("/pl/privacy/").content.decode()
    assert "Witamy w Testville" in html
    assert "Witamy w:" not in html


def test_arabic_site_name_is_spelt_as_the_sample_home_heading(client, db):
    LocalityFactory(name_ar="برمنغهام", heading_ar="أهلاً بك في برمنغهام")
    html = client.get("/ar/privacy/").content.decode()
    assert "أهلاً بك في برمنغهام" in html  # the header's name, from the catalogue
    assert "أهلًا" not in html


def render_size(size, language):
    with translation.override(language):
        return Template("{% load media %}{{ size|data_size }}").render(Context({"size": size}))


@pytest.mark.parametrize(
    ("language", "mark"), [("ar", ","), ("fa", "."), ("ckb", "."), ("ps", "."), ("en", ".")]
)
def test_sizes_are_written_in_kb_and_mb_in_every_language(language, mark):
    assert render_size(71_373, language) == f'<bdi dir="ltr">69{mark}7 KB</bdi>'
    assert render_size(3 * 1024 * 1024, language) == f'<bdi dir="ltr">3{mark}0 MB</bdi>'


def test_sizes_keep_the_languages_decimal_mark():
    assert render_size(71_373, "pl") == '<bdi dir="ltr">69,7 KB</bdi>'
