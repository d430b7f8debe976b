from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from editorial import workflow
from portal.translation import SOURCE_LANGUAGE


class Command(BaseCommand):
    help = "Write an XLIFF 1.2 file of the pages one language needs (missing or outdated)."

    def add_arguments(self, parser):
        parser.add_argument("language")
        parser.add_argument("--all", action="store_true", help="Every page, not only what is due.")

    def handle(self, *args, language, all, **options):
        if language not in settings.MODELTRANSLATION_LANGUAGES or language == SOURCE_LANGUAGE:
            raise CommandError(f"'{language}' is not a language to translate into.")
        data = workflow.export_translations(user=None, language=language, everything=all)
        self.stdout.write(data.decode(), ending="")
