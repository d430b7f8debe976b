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
        if report.skipped:
            count = len(report.skipped)
            pages = "1 page" if count == 1 else f"{count} pages"
            verb = "was" if count == 1 else "were"
            self.stdout.write(
                self.style.WARNING(
                    f"{pages} edited in the admin since the last load {verb} left as it is: "
                    f"{', '.join(sorted(report.skipped))}."
                )
            )
