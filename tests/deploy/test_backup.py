"""`backup` and `restore`: one archive with the database and the media, restored elsewhere."""

import datetime
import io
import json
import tarfile

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client

from directory.models import Organisation
from editorial.models import AuditEvent, PageRevision
from insights.models import DailyCount
from orientation.models import OrientationPage
from orientation.search.models import SearchDocument
from tests.factories import OrientationPageFactory
from tests.helpers import SAMPLE_VIDEOS
from videos.models import WelcomeVideo
from welcome.backups import media_paths

pytestmark = pytest.mark.django_db


def _portal_content(locality):
    page = OrientationPageFactory(
        slug="register-with-a-gp",
        title_en="Register with a GP",
        title_ar="التسجيل لدى طبيب عام",
        body_ar="## ماذا تفعل\n\nاذهب إلى العيادة.",
    )
    PageRevision.objects.create(page=page, number=1, note="First version", snapshot={"a": 1})
    DailyCount.objects.create(
        date=datetime.date(2026, 12, 1), metric="page", key=page.slug, count=42
    )
    default_storage.save("pages/gp.png", ContentFile(b"\x89PNG picture bytes"))
    default_storage.save("videos/hello.mp4", ContentFile(b"video bytes"))
    return page


def _pages_as_read(page):
    client = Client()
    return [
        client.get(f"/{language}/pages/{page.slug}/").content.decode() for language in ("en", "ar")
    ]


def _rows_of_every_model():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _media_files():
    return {path: default_storage.open(path).read() for path in media_paths()}


def _empty_media():
    for path in media_paths():
        default_storage.delete(path)


# Emptying the database (flush) must happen outside a test transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_pages_translations_revisions_counts_videos_and_media(
    locality, videos, tmp_path
):
    page = _portal_content(locality)
    html_before = _pages_as_read(page)
    assert "Register with a GP" in html_before[0]
    assert "التسجيل لدى طبيب عام" in html_before[1]
    rows_before = _rows_of_every_model()
    media_before = _media_files()
    assert rows_before["videos.WelcomeVideo"] == 3
    assert len(media_before) == 2 + 3 * 5  # the page's two files, five for each video
    archive = tmp_path / "portal.tar.gz"

    call_command("backup", str(archive), stdout=io.StringIO())

    # An empty database and an empty media folder: what a new server starts with.
    call_command("flush", interactive=False, verbosity=0)
    _empty_media()
    assert not OrientationPage.objects.exists()
    assert not WelcomeVideo.objects.exists()

    call_command("restore", str(archive), stdout=io.StringIO())

    restored = OrientationPage.objects.get(slug="register-with-a-gp")
    assert restored.title_ar == "التسجيل لدى طبيب عام"
    assert restored.body_ar.startswith("## ماذا تفعل")
    assert Organisation.objects.filter(pk=page.organisation_id).exists()
    assert restored.revisions.get().note == "First version"
    assert DailyCount.objects.get(key=page.slug).count == 42
    video = WelcomeVideo.objects.get(language="so")
    assert (video.title, video.transcript_state) == ("Title so", "draft")
    assert video.captions.read() == (SAMPLE_VIDEOS / "so" / "captions.vtt").read_bytes()
    # Every model, not only those named above: a model left out of the archive shows here.
    assert _rows_of_every_model() == rows_before
    assert _media_files() == media_before
    assert _pages_as_read(restored) == html_before


def test_archive_holds_database_and_media_in_one_file(locality, tmp_path):
    _portal_content(locality)
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "database.json", "media/pages/gp.png"} <= names
    assert not (tmp_path / "portal.tar.gz.partial").exists()


def test_restore_refuses_a_database_with_content(locality, tmp_path):
    _portal_content(locality)
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds pages"):
        call_command("restore", str(archive), stdout=io.StringIO())


# Emptying the database (flush) must happen outside a test transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
def test_restore_replace_empties_the_database_first(locality, tmp_path):
    _portal_content(locality)
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    OrientationPageFactory(slug="added-after-the-backup")

    call_command("restore", str(archive), "--replace", stdout=io.StringIO())

    assert not OrientationPage.objects.filter(slug="added-after-the-backup").exists()
    assert OrientationPage.objects.filter(slug="register-with-a-gp").exists()


def test_restore_rejects_an_archive_that_is_not_a_backup(db, tmp_path):
    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("notes.txt")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a portal backup"):
        call_command("restore", str(archive), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_restore_keeps_every_tag_the_audit_trail_as_it_was_and_rebuilds_search(locality, tmp_path):
    page = _portal_content(locality)
    page.tags.add("gp", "nhs", "doctor")
    AuditEvent.objects.all().delete()  # the trail as archived: no page published
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        models = {row["model"] for row in json.load(tar.extractfile("database.json"))}
    assert "insights.dailycount" in models
    assert not models & {"orientation.searchdocument", "orientation.searchword"}
    call_command("flush", interactive=False, verbosity=0)

    call_command("restore", str(archive), stdout=io.StringIO())

    restored = OrientationPage.objects.get(slug="register-with-a-gp")
    assert sorted(restored.tags.names()) == ["doctor", "gp", "nhs"]
    # Loading rows is not publishing them: the trail holds what the archive held.
    assert not AuditEvent.objects.filter(object_type="orientation.OrientationPage").exists()
    assert SearchDocument.objects.filter(object_id=restored.pk).exists()
    search = Client().get("/en/search/?q=register").content.decode()
    assert 'href="/en/pages/register-with-a-gp/"' in search
    # Rows inserted with their ids: the next new row takes a fresh one (PostgreSQL sequences).
    DailyCount.objects.create(date=datetime.date(2026, 12, 2), metric="page", key="new", count=1)


def _as_written_before_the_videos_moved(archive):
    """The archive as the code before the videos app wrote it: the videos' rows under welcome,
    and so the natural keys of their content type and permissions (admin history, groups)."""
    with tarfile.open(archive) as tar:
        files = {member.name: tar.extractfile(member).read() for member in tar.getmembers()}
    database = files["database.json"].decode()
    assert '"videos.welcomevideo"' in database
    assert '["change_welcomevideo", "videos", "welcomevideo"]' in database
    files["database.json"] = (
        database.replace('"videos.welcomevideo"', '"welcome.welcomevideo"')
        .replace('"videos", "welcomevideo"', '"welcome", "welcomevideo"')
        .encode()
    )
    with tarfile.open(archive, "w:gz") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))


# Emptying the database (flush) must happen outside a test transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
def test_an_archive_from_before_the_videos_moved_app_restores_them(videos, tmp_path):
    video_type = ContentType.objects.get_for_model(WelcomeVideo)
    editors = Group.objects.create(name="Video editors")
    change_videos = Permission.objects.get(content_type=video_type, codename="change_welcomevideo")
    editors.permissions.add(change_videos)
    admin = User.objects.create_superuser("admin", password="pw")
    somali = WelcomeVideo.objects.get(language="so")
    LogEntry.objects.log_actions(admin.pk, [somali], CHANGE, change_message="New captions")
    media_before = _media_files()
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    _as_written_before_the_videos_moved(archive)
    call_command("flush", interactive=False, verbosity=0)
    _empty_media()

    call_command("restore", str(archive), stdout=io.StringIO())

    assert set(WelcomeVideo.objects.values_list("language", flat=True)) == {"so", "en", "ar"}
    assert WelcomeVideo.objects.get(language="so").title == "Title so"
    assert _media_files() == media_before
    video_type = ContentType.objects.get_for_model(WelcomeVideo)
    assert list(Group.objects.get(name="Video editors").permissions.all()) == [
        Permission.objects.get(content_type=video_type, codename="change_welcomevideo")
    ]
    assert LogEntry.objects.get().get_edited_object() == WelcomeVideo.objects.get(language="so")
    assert not ContentType.objects.filter(app_label="welcome", model="welcomevideo").exists()
