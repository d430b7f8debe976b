import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from insights.synthetic import generate


class Command(BaseCommand):
    help = "Make synthetic usage counts (marked as synthetic) so the monthly report has data."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=4, help="How many months back.")
        parser.add_argument("--daily-views", type=int, default=400)

    def handle(self, *args, months, daily_views, **options):
        today = timezone.localdate()
        start = (today.replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
        days = (today - start).days + 1
        views = generate(start=start, days=days, daily_views=daily_views)
        self.stdout.write(
            f"Made {views} synthetic page views from {start} to {today} (marked synthetic)."
        )
