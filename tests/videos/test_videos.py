"""Welcome videos: the reader's own first, light until played, words readable as text; uploads
are checked by content."""

import io
import shutil

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from insights.counting import BUFFER
from insights.models import DailyCount
from orientation.templatetags.media import data_size
from portal.images import renditions, strip_metadata
from portal.media_checks import (
    validate_captions,
    validate_mp4,
    validate_picture,
    validate_webm,
    video_container,
)
from tests.helpers import SAMPLE, SAMPLE_VIDEOS, upload
from videos.models import WelcomeVideo
from welcome.locality import ContentError, load_locality

pytestmark = pytest.mark.django_db


def test_home_shows_the_readers_own_video_first_and_loads_nothing_heavy(client, videos):
    html = client.get("/so/").content.decode()
    first_video = html.index("<video")
    other_language = 'href="/language/en/?next=/so/videos/en/"'
    assert html.index("Title so") < first_video < html.index(other_language)
    assert 'preload="none"' in html
    assert '<track kind="captions"' in html and 'srclang="so"' in html and " default>" in html
    assert 'type="video/webm"' in html and 'type="video/mp4"' in html
    assert "Small version for a slow connection" not in html  # translated into Somali
    assert "0:24" in html
    assert 'lang="so"' in html


def test_english_video_captions_are_not_forced_on(client, videos):
    html = client.get("/en/videos/en/").content.decode()
    assert 'srclang="en" label="English">' in html


def test_transcript_is_text_on_the_page_with_no_javascript_needed(client, videos):
    html = client.get("/en/videos/ar/").content.decode()
    assert '<details class="transcript" open>' in html
    assert '<div lang="ar" dir="rtl"><p>First line ar</p><p>Second line ar</p></div>' in html
    assert "unreviewed draft translation" in html


def test_video_list_shows_every_language(client, videos):
    html = client.get("/fa/videos/").content.decode()
    assert html.count("<video") == 3


def test_a_data_warning_gives_the_size_before_play(client, videos):
    video = WelcomeVideo.objects.get(language="en")  # the reader's own, first on the home page
    html = client.get("/en/").content.decode()
    with translation.override("en"):
        size = data_size(video.main_size)
    assert "KB</bdi>" in size  # a sample video is well under a megabyte
    assert f"Playing this video uses about {size} of data" in html


def test_poster_is_a_small_rendition_not_the_original(client, videos):
    html = client.get("/en/").content.decode()
    assert "/media/renditions/" in html
    video = WelcomeVideo.objects.get(language="en")
    made = renditions(video.poster)
    assert {rendition.kind for rendition in made} == {"webp", "jpg"}
    assert {rendition.width for rendition in made} == {320, 640}
    assert renditions(video.poster) == made  # made once, then reused


def test_a_play_is_counted_by_language_only(client, videos):
    response = client.post(
        "/video-played/so/", HTTP_ORIGIN="http://testserver", HTTP_USER_AGENT="Mozilla/5.0 Mobile"
    )
    assert response.status_code == 204
    BUFFER.flush()
    assert DailyCount.objects.get(metric="video").key == "so"
    assert client.post("/video-played/so/", HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post("/video-played/xx/", HTTP_ORIGIN="http://testserver").status_code == 403
    assert client.get("/video-played/so/").status_code == 405


# Upload checks -------------------------------------------------------------------------------


def test_real_files_pass_their_checks():
    for code in ("en", "ps"):
        validate_mp4(upload(SAMPLE_VIDEOS / code / "welcome.mp4"))
        validate_mp4(upload(SAMPLE_VIDEOS / code / "welcome-small.mp4"))
        validate_webm(upload(SAMPLE_VIDEOS / code / "welcome.webm"))
        validate_captions(upload(SAMPLE_VIDEOS / code / "captions.vtt"))
        validate_picture(upload(SAMPLE_VIDEOS / code / "poster.jpg"))


@pytest.mark.parametrize(
    ("validator", "content", "name"),
    [
        (validate_mp4, b"<html>not a video</html>", "video.mp4"),
        (validate_mp4, (SAMPLE_VIDEOS / "en" / "welcome.webm").read_bytes(), "renamed.mp4"),
        (validate_webm, (SAMPLE_VIDEOS / "en" / "welcome.mp4").read_bytes(), "renamed.webm"),
        (validate_captions, b"1\n00:00:00.000 --> 00:00:04.000\nno header", "captions.vtt"),
        (validate_captions, b"WEBVTT\n\nno cues", "captions.vtt"),
        (validate_captions, b"WEBVTT\n\n00:00.000 --> 00:04.000\n\xff\xfe", "captions.vtt"),
        (validate_picture, b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "x.svg"),
        (validate_picture, b'<svg xmlns="http://www.w3.org/2000/svg"/>', "poster.jpg"),
        (validate_picture, b"GIF89a not really", "poster.png"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(validator, content, name):
    with pytest.raises(ValidationError):
        validator(SimpleUploadedFile(name, content))


def test_oversized_video_is_refused(settings):
    settings.WELCOME_VIDEO_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        validate_mp4(upload(SAMPLE_VIDEOS / "en" / "welcome.mp4"))
    assert error.value.code == "too_large"


def test_decompression_bombs_are_refused(settings):
    settings.PICTURE_MAX_PIXELS = 10_000
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200)).save(buffer, "PNG")
    with pytest.raises(ValidationError) as error:
        validate_picture(SimpleUploadedFile("big.png", buffer.getvalue()))
    assert error.value.code == "too_many_pixels"


def test_gps_and_other_metadata_are_stripped(tmp_path):
    picture = Image.new("RGB", (50, 50), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 28.0, 0.0)}  # GPSInfo
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    assert b"PhoneMaker" in buffer.getvalue()
    video = WelcomeVideo(poster=SimpleUploadedFile("p.jpg", buffer.getvalue()))
    cleaned = strip_metadata(video.poster).read()
    assert b"PhoneMaker" not in cleaned
    assert not Image.open(io.BytesIO(cleaned)).getexif()


def test_admin_upload_reports_a_fake_video_clearly(client, django_user_model, locality):
    client.force_login(
        django_user_model.objects.create_superuser("boss", "b@example.invalid", "pw")
    )
    response = client.post(
        "/admin/videos/welcomevideo/add/",
        {
            "language": "so",
            "title": "Soo dhawoow",
            "transcript": "Soo dhawoow",
            "transcript_state": "original",
            "order": 0,
            "published": "on",
            "video_mp4": SimpleUploadedFile("welcome.mp4", b"MZ\x90\x00 this is an exe"),
        },
    )
    assert response.status_code == 200
    assert "This file is not a MP4 video" in response.content.decode()
    assert not WelcomeVideo.objects.exists()


def test_admin_upload_of_a_real_video_reads_its_length(client, django_user_model, locality):
    client.force_login(
        django_user_model.objects.create_superuser("boss", "b@example.invalid", "pw")
    )
    response = client.post(
        "/admin/videos/welcomevideo/add/",
        {
            "language": "pl",
            "title": "Witamy",
            "transcript": "Witamy",
            "transcript_state": "draft",
            "order": 0,
            "published": "on",
            "video_mp4": upload(SAMPLE_VIDEOS / "pl" / "welcome.mp4"),
            "poster": upload(SAMPLE_VIDEOS / "pl" / "poster.jpg", content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    video = WelcomeVideo.objects.get()
    if shutil.which("ffprobe"):
        assert video.duration_seconds == 24
    assert video_container(video.video_mp4) == "mp4"


def test_the_sample_locality_has_a_video_in_every_language():
    load_locality(SAMPLE)
    languages = set(WelcomeVideo.objects.values_list("language", flat=True))
    assert languages == {code for code, _name in settings.LANGUAGES}
    for video in WelcomeVideo.objects.all():
        assert video.is_sample
        assert video.duration_seconds == 24
        assert len(video.transcript_lines) == 6
        assert video.captions and video.poster and video.video_webm and video.video_small
        assert video.interpreting_page and video.interpreting_page.slug == "interpreters"


def test_a_video_file_that_is_not_a_video_stops_the_load(tmp_path):
    folder = tmp_path / "locality"
    shutil.copytree(SAMPLE, folder)
    bad = folder / "videos" / "so" / "welcome.mp4"
    bad.write_bytes(b"not a video at all")
    with pytest.raises(ContentError) as error:
        load_locality(folder)
    assert str(error.value).startswith(str(bad))
    assert not WelcomeVideo.objects.exists()
