"""Synthetic usage, so that a new installation's report has something to show.

Every row made here is marked ``synthetic``: reports say so, and never add it to real counts.
The shape is plausible (more views on weekdays, more on phones, a long tail of pages) and is
generated from a seeded random source, so the same call gives the same numbers.
"""

import datetime
import random

from django.db import transaction

from orientation.models import MigrationStatus, OrientationPage, Topic

from .counting import write_counts
from .models import DailyCount, Metric

LANGUAGE_WEIGHTS = {"en": 30, "ar": 16, "fa": 12, "ckb": 6, "pl": 10, "ps": 6, "ru": 8, "so": 9}
UNMET = {"ti": 6, "uk": 5, "ur": 4, "am": 2, "kmr": 2}
SEARCHES = [
    "gp",
    "doctor",
    "english class",
    "esol",
    "bus pass",
    "school",
    "housing",
    "evisa",
    "universal credit",
    "dentist",
    "food bank",
    "solicitor",
    "council tax",
    "bank",
]
EMPTY_SEARCHES = ["driving test", "wifi", "mosque times", "visa fee"]
REFERRERS = {
    "direct": 40,
    "whatsapp.com": 18,
    "facebook.com": 12,
    "google.com": 20,
    "birmingham.gov.uk": 6,
    "refugeecouncil.org.uk": 4,
}
CAMPAIGNS = {"leaflet-gp": 8, "qr-library": 5, "qr-jobcentre": 4}


def _weighted(rng, weights, total):
    """Split ``total`` between keys in proportion to weights, with a little noise."""
    scale = sum(weights.values())
    return {
        key: max(0, round(total * weight / scale * rng.uniform(0.8, 1.2)))
        for key, weight in weights.items()
    }


def synthetic_day(rng, day, *, pages, topics, statuses, views):
    counts = {}

    def add(metric, key, amount):
        if amount > 0:
            counts[(day, metric, key)] = counts.get((day, metric, key), 0) + amount

    add(Metric.VIEWS, "", views)
    add(Metric.VISITS, "", round(views * 0.38))
    add(Metric.UNIQUES, "", round(views * 0.3))
    for language, amount in _weighted(rng, LANGUAGE_WEIGHTS, views).items():
        add(Metric.LANGUAGE, language, amount)
    page_weights = {f"page:{slug}": 1 / (rank + 1) for rank, slug in enumerate(pages)}
    page_weights.update({"home": 3.0, "agencies": 0.6, "topics": 0.5, "statuses": 0.5})
    for key, amount in _weighted(rng, page_weights, round(views * 0.8)).items():
        add(Metric.PAGE, key, amount)
    for metric, slugs in ((Metric.TOPIC, topics), (Metric.STATUS, statuses)):
        weights = {slug: rng.uniform(0.5, 2) for slug in slugs}
        for key, amount in _weighted(rng, weights, round(views * 0.1)).items():
            add(metric, key, amount)
    for key, amount in _weighted(rng, {"mobile": 78, "desktop": 15, "tablet": 7}, views).items():
        add(Metric.DEVICE, key, amount)
    for key, amount in _weighted(rng, REFERRERS, round(views * 0.38)).items():
        add(Metric.REFERRER, key, amount)
    for key, amount in _weighted(rng, CAMPAIGNS, round(views * 0.03)).items():
        add(Metric.CAMPAIGN, key, amount)
    for key, amount in _weighted(rng, UNMET, round(views * 0.02)).items():
        add(Metric.UNMET_LANGUAGE, key, amount)
    search_weights = {term: 1 / (rank + 1) for rank, term in enumerate(SEARCHES)}
    for key, amount in _weighted(rng, search_weights, round(views * 0.05)).items():
        add(Metric.SEARCH, key, amount)
    for key, amount in _weighted(
        rng, dict.fromkeys(EMPTY_SEARCHES, 1), round(views * 0.006)
    ).items():
        add(Metric.SEARCH, key, amount)
        add(Metric.SEARCH_EMPTY, key, amount)
    for language, amount in _weighted(rng, LANGUAGE_WEIGHTS, round(views * 0.02)).items():
        add(Metric.VIDEO, language, amount)
    add(Metric.OUTBOUND, "www.gov.uk", round(views * 0.04))
    add(Metric.OUTBOUND, "www.nhs.uk", round(views * 0.02))
    return counts


@transaction.atomic
def generate(*, start, days, daily_views=400, seed=2026):
    """Replace synthetic rows between ``start`` and ``start + days`` with fresh ones."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    end = start + datetime.timedelta(days=days - 1)
    DailyCount.objects.filter(synthetic=True, date__range=(start, end)).delete()
    pages = list(OrientationPage.objects.published().values_list("slug", flat=True))
    rng.shuffle(pages)  # some pages are read far more than others, whatever their names
    topics = list(Topic.objects.values_list("slug", flat=True))
    statuses = list(MigrationStatus.objects.values_list("slug", flat=True))
    total = 0
    batch = {}
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        weekday_factor = 0.7 if day.weekday() >= 5 else 1.1
        growth = 1 + offset / max(days, 1) * 0.3
        views = round(daily_views * weekday_factor * growth * rng.uniform(0.85, 1.15))
        batch.update(
            synthetic_day(rng, day, pages=pages, topics=topics, statuses=statuses, views=views)
        )
        total += views
        if len(batch) > 5000:
            write_counts(batch, synthetic=True)
            batch = {}
    if batch:
        write_counts(batch, synthetic=True)
    return total
