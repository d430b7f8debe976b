from django.core.management.base import BaseCommand, CommandError

from insights.exports import report_csv, report_html
from insights.report import build_report, parse_month


class Command(BaseCommand):
    help = "Print the monthly usage report for funders, e.g. `monthly_report 2026-10 --format csv`."

    def add_arguments(self, parser):
        parser.add_argument("month", help="The month, as YYYY-MM.")
        parser.add_argument("--format", choices=["csv", "html"], default="csv")
        parser.add_argument(
            "--synthetic",
            action="store_true",
            help="Report the synthetic sample data instead of real counts.",
        )

    def handle(self, *args, month, format, synthetic, **options):
        try:
            year, month_number = parse_month(month)
        except ValueError as error:
            raise CommandError(f"'{month}' is not a month like 2026-10.") from error
        report = build_report(year, month_number, synthetic=True if synthetic else None)
        if format == "csv":
            self.stdout.write(report_csv(report), ending="")
        else:
            self.stdout.write(report_html(report, inline_css=True))
