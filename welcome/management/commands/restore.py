from django.core.management.base import BaseCommand, CommandError

from orientation.models import OrientationPage
from welcome.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup` into a migrated, empty database "
        "(run `migrate` first) and write its media files back."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Empty the database first (flush) when it already holds content.",
        )

    def handle(self, *args, archive, replace=False, **options):
        if OrientationPage.objects.exists():
            if not replace:
                raise CommandError(
                    "The database already holds pages; restore into an empty database "
                    "or pass --replace to empty it first."
                )
            from django.core.management import call_command

            call_command("flush", interactive=False, verbosity=0)
        try:
            manifest = restore_backup(archive)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {archive} (made {manifest['created']}, "
            f"{len(manifest['media'])} media files)."
        )
