from django.db import migrations


class Migration(migrations.Migration):
    """The welcome videos now belong to the ``videos`` app, which took over their table and rows
    (``videos/migrations/0001_initial.py``): welcome forgets the model, and drops nothing."""

    dependencies = [
        ('welcome', '0003_transcript_length_limit'),
        ('videos', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='WelcomeVideo')],
        ),
    ]
