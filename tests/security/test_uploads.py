"""Uploads: the name and the content must agree, the portal chooses the stored name, media is
served so that it cannot run as a page, metadata (EXIF, GPS, comments) is removed, and files
leave storage with their records. Paths: the welcome-video admin, the page admin's pictures,
model saves (the content loader), deletion and cascades."""

import io
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from orientation.models import OrientationPage, PageImage
from portal.images import renditions, strip_metadata
from portal.media_checks import validate_captions, validate_mp4, validate_picture
from tests.helpers import PAGE_ADMIN, jpeg_with_gps, picture_form
from videos.models import WelcomeVideo
from welcome.locality import load_locality

pytestmark = pytest.mark.django_db
VIDEOS = Path(settings.BASE_DIR) / "content" / "birmingham" / "videos"
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n"
PORTAL_NAME = re.compile(r"^(videos|pages)/[0-9a-f]{32}\.(mp4|webm|vtt|jpg|png|webp)$")


def jpeg_with_comment():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 28.0, 0.0), 4: (1.0, 53.0, 0.0)}
    Image.new("RGB", (400, 300), "teal").save(
        buffer, "JPEG", exif=exif, comment=b"Taken at 12 Hidden Road by Amina"
    )
    return buffer.getvalue()


def png_with_text_and_rotation():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Amina, 12 Hidden Road")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: exif_transpose makes a new image
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 20), (0, 128, 128, 200)).save(buffer, "PNG", pnginfo=info, exif=exif)
    return buffer.getvalue()


def named(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


# Name and content together -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("validator", "name", "content"),
    [
        (validate_captions, "captions.html", VTT),
        (validate_captions, "captions.js", VTT),
        (validate_captions, "captions.svg", VTT),
        (validate_mp4, "welcome.html", (VIDEOS / "en" / "welcome.mp4").read_bytes()),
        (validate_mp4, "welcome.webm", (VIDEOS / "en" / "welcome.mp4").read_bytes()),
        (validate_picture, "poster.html", jpeg_with_gps()),
        (validate_picture, "poster.png", jpeg_with_gps()),
        (validate_picture, "poster.svg", jpeg_with_gps()),
    ],
)
def test_a_name_that_does_not_match_the_content_is_refused(validator, name, content):
    with pytest.raises(ValidationError) as refused:
        validator(named(name, content))
    assert refused.value.code == "wrong_extension"


@pytest.mark.parametrize(
    ("validator", "name", "content"),
    [
        (validate_captions, "Captions.VTT", VTT),
        (validate_mp4, "welcome.mp4", (VIDEOS / "en" / "welcome.mp4").read_bytes()),
        (validate_picture, "poster.jpeg", jpeg_with_gps()),
        (validate_picture, "poster.png", png_with_text_and_rotation()),
    ],
)
def test_a_name_that_matches_the_content_is_accepted(validator, name, content):
    validator(named(name, content))


@pytest.fixture
def manager(client):
    user = get_user_model().objects.create_superuser("manager", password="pw")
    client.force_login(user)
    return user


def video_form(**files):
    return {
        "language": "so",
        "title": "Soo dhawoow",
        "speaker": "",
        "transcript": "Soo dhawoow",
        "transcript_state": "original",
        "order": "0",
        "published": "on",
        **files,
    }


def test_the_video_admin_refuses_html_captions_and_stores_nothing(client, manager, locality):
    response = client.post(
        "/admin/videos/welcomevideo/add/", video_form(captions=named("captions.html", VTT))
    )
    assert response.status_code == 200
    assert "so its name must end in .vtt" in response.content.decode()
    assert not WelcomeVideo.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert [path for path in media.rglob("*") if path.is_file()] == []


def test_the_video_admin_stores_files_under_names_the_portal_chooses(client, manager, locality):
    response = client.post(
        "/admin/videos/welcomevideo/add/",
        video_form(
            captions=named("../../my captions.vtt", VTT),
            poster=named("Amina at home.jpg", jpeg_with_comment()),
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    video = WelcomeVideo.objects.get()
    assert PORTAL_NAME.match(video.captions.name)
    assert PORTAL_NAME.match(video.poster.name)
    assert video.poster.name.endswith(".jpg")
    stored = video.poster.read()
    assert b"Hidden Road" not in stored
    assert b"\xff\xfe" not in stored  # no JPEG comment segment at all
    assert not Image.open(io.BytesIO(stored)).getexif()


def test_the_page_admin_refuses_a_picture_whose_name_lies(client, as_role, pages):
    as_role("portal")
    page = pages["other"]
    upload = named("street.html", jpeg_with_gps())
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/", picture_form(page, upload, alt_en="x")
    )
    assert response.status_code == 200
    assert not PageImage.objects.exists()


def test_the_page_admin_stores_pictures_under_portal_names_without_comments(
    client,
    as_role,
    pages,
):
    as_role("portal")
    page = pages["other"]
    upload = named("Amina's street.jpg", jpeg_with_comment())
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/", picture_form(page, upload, alt_en="A street")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    picture = PageImage.objects.get()
    assert PORTAL_NAME.match(picture.image.name)
    stored = picture.image.read()
    assert b"Hidden Road" not in stored
    assert b"\xff\xfe" not in stored


# Metadata ------------------------------------------------------------------------------------


def test_a_model_save_strips_comments_and_gps_from_pictures(locality):
    video = WelcomeVideo.objects.create(
        language="ar",
        title="t",
        transcript="t",
        poster=named("poster.jpg", jpeg_with_comment()),
    )
    stored = video.poster.read()
    assert b"Hidden Road" not in stored
    with Image.open(io.BytesIO(stored)) as picture:
        assert "comment" not in picture.info
        assert not picture.getexif()


def test_renditions_carry_no_comment(locality):
    video = WelcomeVideo.objects.create(
        language="ar", title="t", transcript="t", poster=named("poster.jpg", jpeg_with_gps())
    )
    # A file written behind the portal's back, with a comment, still yields clean renditions.
    with default_storage.open(video.poster.name, "wb") as handle:
        handle.write(jpeg_with_comment())
    for rendition in renditions(video.poster):
        name = rendition.url.removeprefix(settings.MEDIA_URL)
        assert b"Hidden Road" not in default_storage.open(name).read()


def test_a_png_stays_a_png_without_its_text(tmp_path):
    source = tmp_path / "map.png"
    source.write_bytes(png_with_text_and_rotation())
    video = WelcomeVideo(poster=str(source))
    video.poster.storage.location = str(tmp_path)
    video.poster.name = "map.png"
    cleaned = strip_metadata(video.poster).read()
    with Image.open(io.BytesIO(cleaned)) as picture:
        assert picture.format == "PNG"
        assert picture.mode == "RGBA"
        assert "Author" not in picture.info
        assert picture.size == (20, 40)  # turned upright
    assert b"Hidden Road" not in cleaned


# Serving -------------------------------------------------------------------------------------


def put(name, content):
    return default_storage.save(name, io.BytesIO(content))


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("videos/a.vtt", "text/vtt; charset=utf-8"),
        ("videos/a.mp4", "video/mp4"),
        ("videos/a.webm", "video/webm"),
        ("pages/a.jpg", "image/jpeg"),
        ("pages/a.png", "image/png"),
        ("renditions/a-320.webp", "image/webp"),
    ],
)
def test_media_is_served_with_a_fixed_type_and_nosniff(client, name, content_type):
    put(name, b"<html><script>alert(1)</script></html>")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"] == "inline"


@pytest.mark.parametrize("name", ["videos/a.html", "videos/a.svg", "a.js", "videos/a", "a.bin"])
def test_anything_else_is_a_download_never_a_page(client, name):
    put(name, b"<html><script>alert(1)</script></html>")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"


# Deleting ------------------------------------------------------------------------------------


def test_files_leave_storage_with_their_video(locality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        video = WelcomeVideo.objects.create(
            language="ar",
            title="t",
            transcript="t",
            captions=named("c.vtt", VTT),
            poster=named("p.jpg", jpeg_with_gps()),
        )
    names = [video.captions.name, video.poster.name]
    made = renditions(video.poster)
    assert all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert not any(default_storage.exists(name) for name in names)
    assert not any(
        default_storage.exists(rendition.url.removeprefix(settings.MEDIA_URL)) for rendition in made
    )


def test_a_replaced_poster_leaves_storage(locality, django_capture_on_commit_callbacks):
    video = WelcomeVideo.objects.create(
        language="ar", title="t", transcript="t", poster=named("p.jpg", jpeg_with_gps())
    )
    old = video.poster.name
    with django_capture_on_commit_callbacks(execute=True):
        video.poster = named("new.jpg", jpeg_with_gps())
        video.save()
    assert not default_storage.exists(old)
    assert default_storage.exists(video.poster.name)


def test_pictures_leave_storage_when_their_page_is_deleted(
    pages,
    django_capture_on_commit_callbacks,
):
    page = pages["own"]
    picture = PageImage.objects.create(page=page, image=named("a.jpg", jpeg_with_gps()), alt="a")
    name = picture.image.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        OrientationPage.objects.filter(pk=page.pk).delete()
    assert not default_storage.exists(name)


def test_pictures_deleted_in_bulk_leave_storage(
    pages,
    django_capture_on_commit_callbacks,
):
    made = [
        PageImage.objects.create(
            page=pages["own"], image=named(f"{n}.jpg", jpeg_with_gps()), alt="a"
        )
        for n in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        PageImage.objects.all().delete()
    assert not any(default_storage.exists(picture.image.name) for picture in made)


def test_the_content_loader_stores_posters_without_metadata_and_only_once(tmp_path):
    folder = tmp_path / "locality"
    shutil.copytree(VIDEOS.parent, folder)
    (folder / "videos" / "so" / "poster.jpg").write_bytes(jpeg_with_comment())
    load_locality(folder)
    video = WelcomeVideo.objects.get(language="so")
    first_name = video.poster.name
    stored = video.poster.read()
    assert b"Hidden Road" not in stored
    assert b"\xff\xfe" not in stored
    load_locality(folder)
    video.refresh_from_db()
    assert video.poster.name == first_name  # the same cleaned bytes: not stored again
