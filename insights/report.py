"""The monthly report for funders, from the daily counts: the same numbers on screen, in CSV,
on paper and from the command line."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone

from orientation.models import MigrationStatus, OrientationPage, Topic
from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE
from portal.translation import source_field

from .models import DailyCount, Metric, PageFeedback

TOP = 15


@dataclass
class Row:
    label: str
    count: int
    key: str = ""
    share: float = 0.0  # of the largest row, for bar charts


@dataclass
class Change:
    current: int
    previous: int | None
    last_year: int | None

    @staticmethod
    def percent(now, before):
        if not before:
            return None
        return round((now - before) * 100 / before)

    @property
    def vs_previous(self):
        return self.percent(self.current, self.previous)

    @property
    def vs_last_year(self):
        return self.percent(self.current, self.last_year)


@dataclass
class MonthlyReport:
    year: int
    month: int
    synthetic: bool
    totals: dict = field(default_factory=dict)  # metric -> Change
    sections: dict = field(default_factory=dict)  # metric -> [Row]
    feedback: dict = field(default_factory=dict)
    content: dict = field(default_factory=dict)

    @property
    def label(self):
        return f"{self.year}-{self.month:02d}"

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, 1)


def month_range(year, month):
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def previous_month(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def parse_month(text):
    """'2026-10' -> (2026, 10); ValueError for anything else."""
    year, month = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValueError(text)
    return year, month


def _totals(year, month, synthetic):
    start, end = month_range(year, month)
    rows = (
        DailyCount.objects.filter(
            date__range=(start, end),
            synthetic=synthetic,
            metric__in=[Metric.VIEWS, Metric.VISITS, Metric.UNIQUES],
        )
        .values("metric")
        .annotate(total=Sum("count"))
    )
    return {row["metric"]: row["total"] for row in rows}


def _rows(counts, labels=None, limit=None):
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if limit:
        ordered = ordered[:limit]
    largest = ordered[0][1] if ordered else 0
    return [
        Row(
            label=(labels or {}).get(key, key or "—"),
            count=value,
            key=key,
            share=value / largest if largest else 0,
        )
        for key, value in ordered
    ]


def _empty_searches(counts, language_names):
    """Searches that found nothing, the top ones of each language in turn: what editors should
    write next, and in which language. Keys are "<language>:<search>" (older keys have no
    language and come last)."""
    by_language = {}
    for key, value in counts.items():
        language, _colon, search = key.partition(":")
        if language not in language_names or not search:
            language, search = "", key
        by_language.setdefault(language, {})[search] = value
    order = [*language_names, ""]
    rows = []
    for language in sorted(by_language, key=order.index):
        for row in _rows(by_language[language], limit=TOP):
            if language:
                row.label = f"{language_names[language]}: {row.label}"
            row.key = f"{language}:{row.key}" if language else row.key
            rows.append(row)
    largest = max((row.count for row in rows), default=0)
    for row in rows:
        row.share = row.count / largest if largest else 0
    return rows


def build_report(year, month, *, synthetic=None):
    """Every number of the month's report, in a fixed handful of queries."""
    if synthetic is None:
        synthetic = not DailyCount.objects.filter(synthetic=False).exists()
    report = MonthlyReport(year=year, month=month, synthetic=synthetic)
    start, end = month_range(year, month)

    current = _totals(year, month, synthetic)
    before = _totals(*previous_month(year, month), synthetic)
    last_year = _totals(year - 1, month, synthetic)
    for metric in (Metric.VISITS, Metric.UNIQUES, Metric.VIEWS):
        report.totals[metric] = Change(
            current.get(metric, 0), before.get(metric), last_year.get(metric)
        )

    by_metric = {}
    for row in (
        DailyCount.objects.filter(date__range=(start, end), synthetic=synthetic)
        .exclude(metric__in=[Metric.VIEWS, Metric.VISITS, Metric.UNIQUES])
        .values("metric", "key")
        .annotate(total=Sum("count"))
    ):
        by_metric.setdefault(row["metric"], {})[row["key"]] = row["total"]

    language_names = {
        language.code: language.english_name
        if language.code == SOURCE_LANGUAGE
        else f"{language.english_name} ({language.native_name})"
        for language in PORTAL_LANGUAGES
    }
    page_counts = by_metric.get(Metric.PAGE, {})
    # Titles and topic slugs only: a year of a 5,000-page region's full rows (every language's
    # text) took a gigabyte for a table that shows one English title a row.
    slugs = [key.removeprefix("page:") for key in page_counts if key.startswith("page:")]
    page_labels = {
        f"page:{slug}": title
        for slug, title in OrientationPage.objects.filter(slug__in=slugs).values_list(
            "slug", source_field("title")
        )
    }
    page_topics = OrientationPage.topics.through.objects.filter(
        orientationpage__slug__in=slugs
    ).values_list("orientationpage__slug", "topic__slug")
    topic_counts = dict(by_metric.get(Metric.TOPIC, {}))
    for page_slug, topic_slug in page_topics:
        value = page_counts[f"page:{page_slug}"]
        topic_counts[topic_slug] = topic_counts.get(topic_slug, 0) + value
    topic_labels = dict(Topic.objects.values_list("slug", source_field("name")))
    status_labels = dict(MigrationStatus.objects.values_list("slug", source_field("name")))

    report.sections = {
        Metric.LANGUAGE: _rows(by_metric.get(Metric.LANGUAGE, {}), language_names),
        Metric.PAGE: _rows(page_counts, page_labels, TOP),
        Metric.TOPIC: _rows(topic_counts, topic_labels),
        Metric.STATUS: _rows(by_metric.get(Metric.STATUS, {}), status_labels),
        Metric.SEARCH: _rows(by_metric.get(Metric.SEARCH, {}), limit=TOP),
        Metric.SEARCH_EMPTY: _empty_searches(
            by_metric.get(Metric.SEARCH_EMPTY, {}), language_names
        ),
        Metric.VIDEO: _rows(by_metric.get(Metric.VIDEO, {}), language_names),
        Metric.REFERRER: _rows(by_metric.get(Metric.REFERRER, {}), limit=TOP),
        Metric.DEVICE: _rows(by_metric.get(Metric.DEVICE, {})),
        Metric.CAMPAIGN: _rows(by_metric.get(Metric.CAMPAIGN, {}), limit=TOP),
        Metric.OUTBOUND: _rows(by_metric.get(Metric.OUTBOUND, {}), limit=TOP),
        Metric.UNMET_LANGUAGE: _rows(by_metric.get(Metric.UNMET_LANGUAGE, {}), limit=TOP),
    }

    feedback = PageFeedback.objects.filter(created_on__range=(start, end)).aggregate(
        answers=Count("pk"),
        helpful=Count("pk", filter=Q(helpful=True)),
        comments=Count("pk", filter=~Q(comment="")),
    )
    feedback["helpful_share"] = (
        round(feedback["helpful"] * 100 / feedback["answers"]) if feedback["answers"] else None
    )
    report.feedback = feedback
    report.content = content_health()
    return report


def content_health(today=None):
    """How much is published, translated and reviewed on time, as of today."""
    today = today or timezone.localdate()
    published = OrientationPage.objects.published()
    counts = published.aggregate(
        pages=Count("pk"),
        reviewed_on_time=Count("pk", filter=Q(review_by__gte=today)),
        **{
            f"translated_{code}": Count("pk", filter=OrientationPage.translated_into(code))
            for code in settings.MODELTRANSLATION_LANGUAGES
        },
    )
    languages = dict(settings.LANGUAGES)
    return {
        "pages": counts["pages"],
        "reviewed_on_time": counts["reviewed_on_time"],
        "translated": [
            Row(label=languages[code], count=counts[f"translated_{code}"], key=code)
            for code in settings.MODELTRANSLATION_LANGUAGES
        ],
    }


def shown(value, small=None):
    """A count as it may be published: small numbers are hidden so nobody can be singled out."""
    small = small or settings.INSIGHTS_SMALL_NUMBER
    if value is None:
        return ""
    if 0 < value < small:
        return f"<{small}"
    return str(value)
