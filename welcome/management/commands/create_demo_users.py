from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo-admin"
DEMO_PASSWORD = "demo-admin-local-only"  # noqa: S105 - documented, refused outside local use


class Command(BaseCommand):
    help = "Create the local demo accounts documented in README.md (never in production)."

    def handle(self, *args, **options):
        if not getattr(settings, "PORTAL_DEMO_ACCOUNTS", False):
            raise CommandError("Demo accounts are only for local use (PORTAL_DEMO_ACCOUNTS).")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": "demo@example.invalid"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        verb = "Created" if created else "Kept"
        self.stdout.write(f"{verb} {DEMO_USERNAME} (password: {DEMO_PASSWORD}) for /admin/.")
