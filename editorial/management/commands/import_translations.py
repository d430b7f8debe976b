from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial import workflow, xliff


class Command(BaseCommand):
    help = (
        "Check and import an XLIFF translation file through the editorial workflow; nothing "
        "changes if any unit is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("language")
        parser.add_argument("file")
        parser.add_argument(
            "--user",
            help="Import as this staff account, with its rules (pages, languages, review). "
            "Without it the import runs with the portal operators' full rights.",
        )

    def handle(self, *args, language, file, user=None, **options):
        editor = None
        if user:
            editor = get_user_model().objects.filter(username=user, is_active=True).first()
            if editor is None:
                raise CommandError(f"No active account called '{user}'.")
        try:
            report = workflow.import_translations(
                user=editor, data=Path(file).read_bytes(), language=language
            )
        except xliff.TranslationFileError as error:
            raise CommandError("Nothing was imported:\n- " + "\n- ".join(error.problems)) from error
        except workflow.PermissionDenied as error:
            raise CommandError(f"'{user}' may not import translations.") from error
        state = workflow.translation_state_after_edit(editor) if editor else "draft"
        self.stdout.write(
            f"{len(report.live)} pages translated into {language} (marked as {state}s); "
            f"{len(report.waiting)} waiting for a reviewer."
        )
