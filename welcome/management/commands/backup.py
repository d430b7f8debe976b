from django.core.management.base import BaseCommand
from django.utils import timezone

from welcome.backups import create_backup


class Command(BaseCommand):
    help = "Write the database content and every media file into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: welcome-backup-<UTC time>.tar.gz).",
        )

    def handle(self, *args, archive=None, **options):
        archive = archive or timezone.now().strftime("welcome-backup-%Y%m%dT%H%M%SZ.tar.gz")
        manifest = create_backup(archive)
        self.stdout.write(f"Wrote {archive} (database and {len(manifest['media'])} media files).")
