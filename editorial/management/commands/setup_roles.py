from django.core.management.base import BaseCommand

from editorial.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or update the four staff roles (groups) and their permissions."

    def handle(self, *args, **options):
        ensure_roles()
        self.stdout.write("Roles are in place: Portal editor, Agency editor, Reviewer, Translator.")
