from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from welcome.locality import ContentError, load_locality


class Command(BaseCommand):
    help = "Load (or update) a locality's content from a folder: see content/README.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder",
            nargs="?",
            default=str(settings.PORTAL_CONTENT_DIR),
            help="The locality's content folder (default: PORTAL_CONTENT_DIR).",
        )

    def handle(self, *args, folder, **options):
        try:
            report = load_locality(folder)
        except ContentError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        self.stdout.write(self.style.SUCCESS(f"{folder}: {report}."))
