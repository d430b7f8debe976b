from django.db import migrations, models
from django.db.models import F


def pages_so_far_were_loaded_as_they_are(apps, schema_editor):
    """Until now every load overwrote every page, so each page is taken as its files last left
    it: the loader updates it from its files until an editor changes it in the admin."""
    OrientationPage = apps.get_model("orientation", "OrientationPage")
    OrientationPage.objects.update(loaded_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("orientation", "0013_search_ranked_on_a_lead"),
    ]

    operations = [
        migrations.AddField(
            model_name="orientationpage",
            name="loaded_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(pages_so_far_were_loaded_as_they_are, migrations.RunPython.noop),
    ]
