"""The monthly report as CSV (for a spreadsheet) and as a stand-alone HTML page (for print)."""

import csv
import io
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from .models import Metric
from .report import shown

# A cell starting with one of these is read by spreadsheet programs as a formula (or, for tab and
# carriage return, lets one follow). Search words, referrers and page titles come from people we
# do not control, so such text is given a leading apostrophe: shown as written, never run.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that a spreadsheet shows as written; numbers (negative changes too) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SpreadsheetSafeWriter:
    """csv.writer whose every text cell goes through spreadsheet_safe."""

    def __init__(self, buffer):
        self._writer = csv.writer(buffer)

    def writerow(self, row):
        self._writer.writerow([spreadsheet_safe(value) for value in row])


def report_csv(report):
    """UTF-8 with a byte-order mark, so spreadsheet programs read every script correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = SpreadsheetSafeWriter(buffer)
    writer.writerow(
        ["section", "item", "count", "change vs previous month %", "change vs last year %"]
    )
    writer.writerow(["report", "month", report.label, "", ""])
    writer.writerow(
        ["report", "synthetic sample data", "yes" if report.synthetic else "no", "", ""]
    )
    for metric, change in report.totals.items():
        writer.writerow(
            [
                "totals",
                Metric(metric).label,
                shown(change.current),
                "" if change.vs_previous is None else change.vs_previous,
                "" if change.vs_last_year is None else change.vs_last_year,
            ]
        )
    for metric, rows in report.sections.items():
        for row in rows:
            writer.writerow([Metric(metric).label, row.label, shown(row.count), "", ""])
    feedback = report.feedback
    writer.writerow(["feedback", "answers", shown(feedback["answers"]), "", ""])
    writer.writerow(["feedback", "helpful", shown(feedback["helpful"]), "", ""])
    writer.writerow(["feedback", "comments", shown(feedback["comments"]), "", ""])
    writer.writerow(["content", "published pages", report.content["pages"], "", ""])
    writer.writerow(["content", "reviewed on time", report.content["reviewed_on_time"], "", ""])
    for row in report.content["translated"]:
        writer.writerow(["content", f"translated: {row.label}", row.count, "", ""])
    return buffer.getvalue()


def report_html(report, *, standalone=True, inline_css=False):
    """The report page. ``inline_css`` embeds the stylesheet, for a file read away from the site."""
    css = ""
    if inline_css:
        css = Path(finders.find("css/report.css")).read_text(encoding="utf-8")
    return render_to_string(
        "insights/report.html",
        {"report": report, "standalone": standalone, "Metric": Metric, "inline_css": css},
    )
