from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial import xliff


class Command(BaseCommand):
    help = "Check and import an XLIFF translation file; nothing changes if any unit is wrong."

    def add_arguments(self, parser):
        parser.add_argument("language")
        parser.add_argument("file")

    def handle(self, *args, language, file, **options):
        try:
            report = xliff.import_file(Path(file).read_bytes(), language)
        except xliff.TranslationFileError as error:
            raise CommandError("Nothing was imported:\n- " + "\n- ".join(error.problems)) from error
        self.stdout.write(f"{report.pages} pages translated into {language} (marked as drafts).")
