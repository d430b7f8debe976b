from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from directory.models import Organisation
from editorial.models import StaffProfile
from editorial.permissions import AGENCY_EDITOR, PORTAL_EDITOR, REVIEWER, TRANSLATOR
from editorial.roles import ensure_roles

DEMO_PASSWORD = "demo-local-only"  # noqa: S105 - documented, refused outside local use

# username, role, organisation slug, translation languages
DEMO_ACCOUNTS = (
    ("demo-admin", None, None, []),
    ("demo-portal-editor", PORTAL_EDITOR, None, []),
    ("demo-agency-editor", AGENCY_EDITOR, "citizens-advice-birmingham", []),
    ("demo-reviewer", REVIEWER, None, []),
    ("demo-translator", TRANSLATOR, None, ["ar", "fa"]),
)


class Command(BaseCommand):
    help = "Create the local demo accounts documented in README.md (never in production)."

    def handle(self, *args, **options):
        if not getattr(settings, "PORTAL_DEMO_ACCOUNTS", False):
            raise CommandError("Demo accounts are only for local use (PORTAL_DEMO_ACCOUNTS).")
        ensure_roles()
        users = get_user_model().objects
        for username, role, organisation_slug, languages in DEMO_ACCOUNTS:
            user, created = users.get_or_create(
                username=username,
                defaults={"is_staff": True, "email": f"{username}@example.invalid"},
            )
            user.is_superuser = role is None
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role:
                user.groups.set([Group.objects.get(name=role)])
            StaffProfile.objects.update_or_create(
                user=user,
                defaults={
                    "organisation": Organisation.objects.filter(slug=organisation_slug).first(),
                    "translation_languages": languages,
                },
            )
            self.stdout.write(
                f"{'Created' if created else 'Updated'} {username} ({role or 'superuser'})"
            )
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
