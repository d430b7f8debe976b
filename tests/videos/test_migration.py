"""The welcome videos moved from ``welcome`` to ``videos`` without losing a row or a permission.

The database is taken back to the last state before the move (the table is ``welcome``'s, the
content type is labelled ``welcome``), a video and a group allowed to change videos are made
there, and the migrations run forward again.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from videos.models import WelcomeVideo

BEFORE_THE_MOVE = [("welcome", "0003_transcript_length_limit"), ("videos", None)]


def migrate(targets):
    """Take the database to ``targets``; return the models as they were there."""
    executor = MigrationExecutor(connection)
    return executor.migrate(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_videos_and_their_permissions_survive_the_move():
    old_apps = migrate(BEFORE_THE_MOVE)
    ContentType.objects.clear_cache()
    content_type = ContentType.objects.get(app_label="welcome", model="welcomevideo")
    permission = Permission.objects.get(content_type=content_type, codename="change_welcomevideo")
    video_team = Group.objects.create(name="Video team")
    video_team.permissions.add(permission)
    old_video = old_apps.get_model("welcome", "WelcomeVideo").objects.create(
        language="so", title="Ku soo dhawoow", transcript="Ku soo dhawoow Birmingham."
    )
    with connection.cursor() as cursor:
        assert "welcome_welcomevideo" in connection.introspection.table_names(cursor)

    migrate(latest())
    ContentType.objects.clear_cache()

    video = WelcomeVideo.objects.get(pk=old_video.pk)
    assert (video.language, video.title) == ("so", "Ku soo dhawoow")
    moved = ContentType.objects.get_for_model(WelcomeVideo)
    assert (moved.pk, moved.app_label) == (content_type.pk, "videos")
    assert not ContentType.objects.filter(app_label="welcome", model="welcomevideo").exists()
    assert list(video_team.permissions.all()) == [permission]
    editor = video_team.user_set.create(username="video-editor")
    assert editor.has_perm("videos.change_welcomevideo")
    with connection.cursor() as cursor:
        assert WelcomeVideo._meta.db_table in connection.introspection.table_names(cursor)
        assert "welcome_welcomevideo" not in connection.introspection.table_names(cursor)
