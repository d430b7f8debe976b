"""The page's one-column search text served the substring search that the search index
(orientation_searchdocument) replaced; nothing reads it any more."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("orientation", "0011_glossaryterm_from_content_files")]

    operations = [
        migrations.RemoveField(model_name="orientationpage", name="search_text"),
    ]
