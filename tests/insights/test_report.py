"""The monthly report's numbers equal a known fixture's, in the admin, in CSV and on the CLI."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from insights.models import DailyCount, PageFeedback
from insights.report import build_report, content_health
from insights.synthetic import generate
from orientation.models import OrientationPage
from tests.factories import OrientationPageFactory, TopicFactory

pytestmark = pytest.mark.django_db
OCT = datetime.date(2026, 10, 1)


def add(day, metric, key, amount, synthetic=False):
    DailyCount.objects.create(date=day, metric=metric, key=key, count=amount, synthetic=synthetic)


@pytest.fixture
def month(locality):
    housing = TopicFactory(slug="housing", name_en="Housing")
    page = OrientationPageFactory(
        slug="asylum-support", title_en="Asylum support", topics=[housing]
    )
    for day in (OCT, OCT + datetime.timedelta(days=30)):
        add(day, "views", "", 500)
        add(day, "visits", "", 200)
        add(day, "uniques", "", 150)
        add(day, "language", "ar", 300)
        add(day, "language", "en", 197)
        add(day, "language", "ps", 3)  # six in the month: shown
        add(day, "page", "page:asylum-support", 120)
        add(day, "topic", "housing", 10)
        add(day, "search", "gp", 40)
        add(day, "search_empty", "wifi", 2)  # four in the month: hidden
    add(datetime.date(2026, 9, 15), "views", "", 800)
    add(datetime.date(2025, 10, 15), "views", "", 250)
    add(OCT, "views", "", 99999, synthetic=True)  # never mixed with real counts
    for helpful in (True, True, True, False):
        feedback = PageFeedback.objects.create(page=page, language="ar", helpful=helpful)
        PageFeedback.objects.filter(pk=feedback.pk).update(created_on=OCT)
    return page


def test_the_numbers_add_up(month):
    report = build_report(2026, 10)
    assert report.synthetic is False
    assert report.totals["views"].current == 1000
    assert report.totals["views"].vs_previous == 25  # 800 -> 1000
    assert report.totals["views"].vs_last_year == 300  # 250 -> 1000
    assert report.totals["visits"].current == 400
    assert report.totals["uniques"].current == 300
    languages = {row.key: row.count for row in report.sections["language"]}
    assert languages == {"ar": 600, "en": 394, "ps": 6}
    assert report.sections["language"][0].label == "Arabic (العربية)"
    assert report.sections["page"][0].label == "Asylum support"
    # Topic views: the topic's own pages (20) and views of pages in it (240).
    assert {row.key: row.count for row in report.sections["topic"]} == {"housing": 260}
    assert report.feedback == {"answers": 4, "helpful": 3, "comments": 0, "helpful_share": 75}
    assert report.content["pages"] == 1


def test_small_numbers_are_hidden_everywhere(month):
    report = build_report(2026, 10)
    from insights.exports import report_csv, report_html

    rows = list(csv.reader(io.StringIO(report_csv(report).lstrip("\ufeff"))))
    assert ["Searches that found nothing", "wifi", "<5", "", ""] in rows
    assert ["Views by language", "Pashto (پښتو)", "6", "", ""] in rows
    html = report_html(report)
    assert "fewer than 5" in html
    assert ">4<" not in html


def test_csv_opens_in_a_spreadsheet(month):
    from insights.exports import report_csv

    text = report_csv(build_report(2026, 10))
    assert text.startswith("\ufeff")  # byte-order mark: Excel reads UTF-8 Arabic right
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["section", "item", "count"]
    assert all(len(row) == 5 for row in rows)
    assert ["totals", "Page views", "1000", "25", "300"] in rows


def test_synthetic_data_is_reported_only_as_such(locality):
    OrientationPageFactory()
    generate(start=OCT, days=31, daily_views=100)
    report = build_report(2026, 10)
    assert report.synthetic is True
    assert report.totals["views"].current > 2000
    add(OCT, "views", "", 7)
    assert build_report(2026, 10).synthetic is False
    assert build_report(2026, 10).totals["views"].current == 7


def test_the_command_line_report(month, capsys):
    call_command("monthly_report", "2026-10", "--format", "csv")
    assert "totals,Page views,1000,25,300" in capsys.readouterr().out
    call_command("monthly_report", "2026-10", "--format", "html")
    html = capsys.readouterr().out
    assert "<svg" in html and 'role="img"' in html
    assert "<style>" in html  # stands alone as a file


@pytest.mark.parametrize(
    ("output", "page_views"),
    [("", ">1,000<"), ("csv", "totals,Page views,1000,"), ("print", ">1,000<")],
)
def test_the_admin_report_for_managers(client, django_user_model, month, output, page_views):
    manager = django_user_model.objects.create_user("manager", password="pw", is_staff=True)
    client.force_login(manager)
    url = f"/admin/insights/dailycount/report/?month=2026-10&format={output}"
    assert client.get(url).status_code == 403
    manager.user_permissions.add(Permission.objects.get(codename="view_dailycount"))
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    assert page_views in body


def test_anonymous_visitors_cannot_see_the_report(client, month):
    response = client.get("/admin/insights/dailycount/report/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_report_reads_titles_not_whole_pages(month):
    """A year of a 5,000-page region must not load every language's text of every page."""
    with CaptureQueriesContext(connection) as context:
        report = build_report(2026, 10)
    assert report.sections["page"][0].label == "Asylum support"
    page_queries = [
        query["sql"] for query in context.captured_queries if "orientationpage" in query["sql"]
    ]
    assert page_queries
    # A body may be tested for having words (content health); it is never read.
    only_tested = re.compile(r'"orientation_orientationpage"\."body_\w+" > \'\'')
    for sql in page_queries:
        assert "body" not in only_tested.sub("", sql), sql


def test_content_health_counts_only_pages_with_words_in_the_language(locality):
    OrientationPageFactory(slug="only-english")  # no Arabic at all: NULL columns
    OrientationPageFactory(slug="empty-arabic", title_ar="", body_ar="")
    OrientationPageFactory(slug="title-only", title_ar="عنوان")  # a title alone is not a page
    OrientationPageFactory(slug="arabic", title_ar="عنوان", summary_ar="ملخص", body_ar="نص")
    assert OrientationPage.objects.filter(slug="only-english", title_ar__isnull=True).exists()
    translated = {row.key: row.count for row in content_health()["translated"]}
    assert translated["en"] == 4
    assert translated["ar"] == 1
    assert translated["fa"] == 0
