"""Page pictures: checked by content, metadata removed, alt text required and translated."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from orientation.models import PageImage
from tests.helpers import PAGE_ADMIN, jpeg_with_gps, picture_form

pytestmark = pytest.mark.django_db


def test_a_picture_is_stored_without_its_gps_and_shown_as_renditions(client, as_role, pages):
    as_role("portal")
    page = pages["other"]
    upload = SimpleUploadedFile("street.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        picture_form(page, upload, alt_en="The front door of the surgery", alt_ar="باب العيادة"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    picture = PageImage.objects.get()
    stored = picture.image.read()
    assert b"PhoneMaker" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()
    html = client.get(f"/ar/pages/{page.slug}/").content.decode()
    assert '<source type="image/webp"' in html
    assert 'alt="باب العيادة"' in html
    assert 'loading="lazy"' in html


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
        ("photo.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        ("photo.jpg", b"%PDF-1.4 not a picture"),
    ],
)
def test_svg_and_files_that_are_not_pictures_are_refused(client, as_role, pages, name, content):
    as_role("portal")
    page = pages["other"]
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/", picture_form(page, upload, alt_en="x")
    )
    assert response.status_code == 200
    assert not PageImage.objects.exists()


def test_alt_text_is_required(client, as_role, pages):
    as_role("portal")
    page = pages["other"]
    upload = SimpleUploadedFile("street.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(f"{PAGE_ADMIN}/{page.pk}/change/", picture_form(page, upload, alt_en=""))
    assert response.status_code == 200
    assert not PageImage.objects.exists()
