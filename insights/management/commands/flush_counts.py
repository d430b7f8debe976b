from django.core.management.base import BaseCommand

from insights.counting import BUFFER


class Command(BaseCommand):
    help = "Write this process's gathered usage counts to the database now."

    def handle(self, *args, **options):
        pending = len(BUFFER.pending())
        BUFFER.flush()
        self.stdout.write(f"Wrote {pending} counters.")
