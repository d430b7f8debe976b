"""Which glossary terms the locality's files made, so that a reload can delete the ones the
files no longer hold. Terms that exist already are taken as made in the admin (kept); a term
still in the files is marked at the next load."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("orientation", "0010_text_length_limits")]

    operations = [
        migrations.AddField(
            model_name="glossaryterm",
            name="from_content_files",
            field=models.BooleanField(default=False, editable=False),
        ),
    ]
