"""A share image per page and language: the title in the reader's script, drawn and cached."""

import io

import pytest
from PIL import Image, features

from orientation import share_images
from orientation.share_images import share_image_png
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(locality):
    return OrientationPageFactory(
        slug="register-with-a-gp",
        title_en="Register with a GP",
        title_ar="التسجيل لدى طبيب عام (GP)",
        body_ar="نص",
    )


def image_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


def test_a_page_has_a_share_image_per_language(client, page):
    english = client.get("/en/pages/register-with-a-gp/share.png")
    arabic = client.get("/ar/pages/register-with-a-gp/share.png")
    assert image_of(english).size == (1200, 630)
    assert image_of(arabic).size == (1200, 630)
    assert english.content != arabic.content
    assert "max-age=86400" in english["Cache-Control"]


def test_the_page_head_points_to_it_with_its_size(client, page):
    text = client.get("/ar/pages/register-with-a-gp/").content.decode()
    image_url = "http://testserver/ar/pages/register-with-a-gp/share.png"
    assert f'<meta property="og:image" content="{image_url}">' in text
    assert '<meta property="og:image:width" content="1200">' in text
    assert '<meta property="og:image:height" content="630">' in text


def test_an_unpublished_page_has_no_share_image(client, page):
    page.state = page.State.DRAFT
    page.save()
    assert client.get("/en/pages/register-with-a-gp/share.png").status_code == 404


def test_a_drawn_image_is_cached_until_the_title_changes(client, page, monkeypatch):
    drawn = []
    real = share_images.share_image_png

    def counting(**kwargs):
        drawn.append(kwargs["title"])
        return real(**kwargs)

    monkeypatch.setattr("orientation.views.share_image_png", counting)
    client.get("/ar/pages/register-with-a-gp/share.png")
    client.get("/ar/pages/register-with-a-gp/share.png")
    assert drawn == ["التسجيل لدى طبيب عام (GP)"]
    page.title_ar = "طبيب عام"
    page.save()
    client.get("/ar/pages/register-with-a-gp/share.png")
    assert drawn == ["التسجيل لدى طبيب عام (GP)", "طبيب عام"]


def test_arabic_script_is_shaped_where_pillow_has_raqm():
    # This machine's Pillow is built with libraqm, so joined letters are drawn, not isolated ones.
    assert features.check("raqm")
    joined = share_images._run_width(("بببب", "arabic", "rtl"), 60)
    isolated = 4 * share_images._run_width(("ب", "arabic", "rtl"), 60)
    assert joined < isolated


def test_without_shaping_an_arabic_title_is_left_out_rather_than_drawn_wrong(monkeypatch):
    monkeypatch.setattr(share_images, "can_shape_arabic", lambda: False)
    share_images._font.cache_clear()
    try:
        arabic = share_image_png(title="التسجيل لدى طبيب", site_name="مرحبا", rtl=True)
        blank = share_image_png(title="", site_name="", rtl=True)
        latin = share_image_png(title="Register with a GP", site_name="Welcome", rtl=False)
    finally:
        share_images._font.cache_clear()
    assert arabic == blank  # the portal's colours only
    assert latin != share_image_png(title="", site_name="", rtl=False)


def test_a_line_is_cut_into_runs_of_one_script_each():
    runs = share_images._runs("اطلب (Universal Credit) الآن", rtl=True)
    assert runs == [
        ("اطلب", "arabic", "rtl"),
        (" ", "latin", "rtl"),
        ("(", "latin", "rtl"),
        ("Universal Credit", "latin", "ltr"),
        (")", "latin", "rtl"),
        (" ", "latin", "rtl"),
        ("الآن", "arabic", "rtl"),
    ]


def test_a_very_long_title_is_kept_to_four_lines():
    size, lines = share_images._fit("word " * 80, rtl=False)
    assert len(lines) == 4
    assert lines[-1].endswith("…")
    assert size == share_images.TITLE_SIZES[-1]
