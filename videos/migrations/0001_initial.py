"""The welcome videos leave the site shell (``welcome``) for an app of their own, keeping every row.

The model's state moves from ``welcome`` (its migration 0004 forgets it, without touching the
database) to ``videos``; the table is renamed to the new app's name; and the content type is
relabelled, so that the permissions given to groups and the admin's history stay with it.
"""

import django.core.validators
import django.db.models.deletion
import portal.media_checks
from django.db import migrations, models


def _relabel_content_type(apps, schema_editor, old_label, new_label):
    """Move the model's content type (and so its permissions) from one app label to the other.

    A new database has no content types yet (``migrate`` makes them afterwards), so there is
    nothing to move; a database that somehow has both keeps both for ``remove_stale_contenttypes``.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    if content_types.filter(app_label=new_label, model="welcomevideo").exists():
        return
    content_types.filter(app_label=old_label, model="welcomevideo").update(app_label=new_label)


def content_type_to_videos(apps, schema_editor):
    _relabel_content_type(apps, schema_editor, "welcome", "videos")


def content_type_back_to_welcome(apps, schema_editor):
    _relabel_content_type(apps, schema_editor, "videos", "welcome")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('orientation', '0014_orientationpage_loaded_at'),
        ('welcome', '0003_transcript_length_limit'),
    ]

    operations = [
        # The table welcome made, rows and all, is taken over: here only the state is created,
        # then the table takes the new app's name.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='WelcomeVideo',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('en', 'English'), ('ar', 'العربية'), ('fa', 'فارسی / دری'), ('ckb', 'کوردی'), ('pl', 'Polski'), ('ps', 'پښتو'), ('ru', 'Русский'), ('so', 'Soomaali')], max_length=12, verbose_name='language')),
                        ('title', models.CharField(max_length=200, verbose_name="title, in the video's language")),
                        ('speaker', models.CharField(blank=True, max_length=200, verbose_name='speaker')),
                        ('transcript', models.TextField(help_text='The words of the video, in its language.', max_length=5000, validators=[django.core.validators.MaxLengthValidator(5000, message='')], verbose_name='transcript')),
                        ('transcript_state', models.CharField(choices=[('original', 'Written in this language'), ('draft', 'Unreviewed draft translation'), ('reviewed', 'Reviewed translation')], default='original', max_length=12, verbose_name='transcript')),
                        ('video_mp4', models.FileField(blank=True, upload_to=portal.media_checks.PortalFileName('videos', ('.mp4', '.m4v')), validators=[portal.media_checks.validate_mp4], verbose_name='video (MP4, H.264)')),
                        ('video_webm', models.FileField(blank=True, upload_to=portal.media_checks.PortalFileName('videos', ('.webm',)), validators=[portal.media_checks.validate_webm], verbose_name='video (WebM)')),
                        ('video_small', models.FileField(blank=True, upload_to=portal.media_checks.PortalFileName('videos', ('.mp4', '.m4v')), validators=[portal.media_checks.validate_mp4], verbose_name='small video for slow connections (MP4)')),
                        ('captions', models.FileField(blank=True, upload_to=portal.media_checks.PortalFileName('videos', ('.vtt',)), validators=[portal.media_checks.validate_captions], verbose_name='captions (WebVTT)')),
                        ('poster', models.ImageField(blank=True, upload_to=portal.media_checks.PortalFileName('videos', ('.jpg', '.jpeg', '.png', '.webp')), validators=[portal.media_checks.validate_picture], verbose_name='poster picture')),
                        ('external_url', models.URLField(blank=True, help_text='Use instead of uploading, for a video hosted by a partner.', verbose_name='or: address of the video elsewhere')),
                        ('duration_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='length in seconds')),
                        ('is_sample', models.BooleanField(default=False, help_text='A generated stand-in, not a real speaker.', verbose_name='sample media')),
                        ('published', models.BooleanField(default=True, verbose_name='published')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('interpreting_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='orientation.orientationpage', verbose_name='page about interpreters')),
                    ],
                    options={
                        'verbose_name': 'welcome video',
                        'verbose_name_plural': 'welcome videos',
                        'ordering': ['order', 'language'],
                        'db_table': 'welcome_welcomevideo',
                        'constraints': [models.CheckConstraint(condition=models.Q(('language__in', ('en', 'ar', 'fa', 'ckb', 'pl', 'ps', 'ru', 'so'))), name='welcome_video_language')],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='welcomevideo', table=None),
        migrations.RunPython(content_type_to_videos, content_type_back_to_welcome),
    ]
