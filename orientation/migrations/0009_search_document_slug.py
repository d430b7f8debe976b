"""The search index keeps each object's slug, so results need no query to build their address.

The column is nullable so that SQLite adds it in place: remaking the table would drop the
triggers that keep its FTS5 index in step (migration 0006)."""

from django.db import migrations, models

FILL = [
    "UPDATE orientation_searchdocument SET slug = (SELECT slug FROM orientation_orientationpage "
    "WHERE orientation_orientationpage.id = orientation_searchdocument.object_id) "
    "WHERE kind = 'page'",
    "UPDATE orientation_searchdocument SET slug = (SELECT slug FROM directory_organisation "
    "WHERE directory_organisation.id = orientation_searchdocument.object_id) "
    "WHERE kind = 'organisation'",
    "UPDATE orientation_searchdocument SET slug = (SELECT slug FROM orientation_glossaryterm "
    "WHERE orientation_glossaryterm.id = orientation_searchdocument.object_id) "
    "WHERE kind = 'term'",
]


class Migration(migrations.Migration):
    dependencies = [
        ("orientation", "0008_pictures_stored_under_portal_names"),
        ("directory", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="slug",
            field=models.CharField(max_length=100, null=True),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
