"""`last_checked` is honest: the day a person checked the page against its sources.

A page cannot have been checked before the events it reports, so a page that says "since
1 May 2026" and claims a check in April 2026 is not telling the truth about its date. Unconfirmed
facts go in `to_confirm`, which editors see and readers never do (tests/editorial).
"""

import datetime
import re

import pytest

from tests.helpers import SAMPLE
from welcome.locality import read_locality

MONTHS = [datetime.date(2026, month, 1).strftime("%B") for month in range(1, 13)]
DATED = re.compile(rf"\b(?:(\d{{1,2}}) )?({'|'.join(MONTHS)}) (20\d\d)\b")


@pytest.fixture(scope="module")
def sample():
    return read_locality(SAMPLE)


def stated_dates(text):
    """Each day a text names ("1 May 2026"), or the first of a month it names ("April 2026")."""
    return [
        datetime.date(int(year), MONTHS.index(month) + 1, int(day or 1))
        for day, month, year in DATED.findall(text)
    ]


def test_stated_dates_reads_days_and_months():
    assert stated_dates("Since 1 May 2026, and from April 2026, until 31 March 2026.") == [
        datetime.date(2026, 5, 1),
        datetime.date(2026, 4, 1),
        datetime.date(2026, 3, 31),
    ]


def test_no_page_was_checked_before_the_events_it_reports(sample):
    # Dates after the newest check anywhere are plans ("until March 2027"), not reported events;
    # the content's own newest date keeps the test free of the clock.
    newest_check = max(page.meta["last_checked"] for page in sample.pages)
    too_early = []
    for page in sample.pages:
        english = page.texts["en"]
        stated = stated_dates(english["summary"] + "\n" + english["body"])
        latest = max((day for day in stated if day <= newest_check), default=None)
        if latest and page.meta["last_checked"] < latest:
            too_early.append((page.slug, str(page.meta["last_checked"]), str(latest)))
    assert too_early == []


def test_facts_to_confirm_are_sentences_for_an_adviser(sample):
    for page in sample.pages:
        for fact in page.meta["to_confirm"].splitlines():
            assert len(fact.split()) >= 4, (page.slug, fact)
