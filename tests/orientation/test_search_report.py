"""The funders' report lists the searches that found nothing, per language."""

import datetime

import pytest

from insights.models import DailyCount, Metric
from insights.report import build_report
from portal.languages import PORTAL_LANGUAGES

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 10, 5)
FARSI = next(language for language in PORTAL_LANGUAGES if language.code == "fa")


def test_empty_searches_are_listed_per_language(client, locality):
    for key, count in [
        ("fa:wifi", 7),
        ("en:driving test", 9),
        ("en:mosque times", 12),
        ("so:wifi", 6),
        ("visa fee", 8),  # counted before searches knew their language
    ]:
        DailyCount.objects.create(date=DAY, metric=Metric.SEARCH_EMPTY, key=key, count=count)
    rows = build_report(2026, 10).sections[Metric.SEARCH_EMPTY]
    assert [(row.label, row.count) for row in rows] == [
        ("English: mosque times", 12),
        ("English: driving test", 9),
        (f"{FARSI.english_name} ({FARSI.native_name}): wifi", 7),
        ("Somali (Soomaali): wifi", 6),
        ("visa fee", 8),
    ]
    assert rows[0].share == 1
