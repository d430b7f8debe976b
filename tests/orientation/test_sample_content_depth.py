"""The sample locality is deep enough to serve every reader (issue 14).

Every status has pages of its own and first steps, every topic has pages, every language has
at least 40 pages a reader can read in it, and the glossary explains every term in every language.
"""

from collections import Counter

import pytest
from django.conf import settings

from orientation.glossary_loader import read_glossary
from tests.helpers import SAMPLE
from welcome.locality import read_locality

MIN_PAGES_PER_STATUS = 8  # written for that status, not counting the pages for everyone
MIN_PAGES_PER_TOPIC = 6
MIN_PAGES_IN_EVERY_LANGUAGE = 40


@pytest.fixture(scope="module")
def sample():
    return read_locality(SAMPLE)


def short_of(counts, slugs, minimum):
    """The slugs with fewer than `minimum`, with their count: empty when all are deep enough."""
    return {slug: counts[slug] for slug in slugs if counts[slug] < minimum}


def test_short_of_names_only_what_is_below_the_minimum():
    assert short_of(Counter(a=8, b=7), ["a", "b", "c"], 8) == {"b": 7, "c": 0}


def test_every_status_has_pages_of_its_own(sample):
    counts = Counter(status for page in sample.pages for status in page.meta.get("statuses") or [])
    statuses = [item["slug"] for item in sample.structure["statuses"]]
    assert short_of(counts, statuses, MIN_PAGES_PER_STATUS) == {}


def test_every_topic_has_enough_pages(sample):
    counts = Counter(topic for page in sample.pages for topic in page.meta["topics"])
    topics = [item["slug"] for item in sample.structure["topics"]]
    assert short_of(counts, topics, MIN_PAGES_PER_TOPIC) == {}


def test_every_language_has_enough_pages(sample):
    counts = Counter(language for page in sample.pages for language in page.texts)
    languages = [code for code, _name in settings.LANGUAGES]
    assert short_of(counts, languages, MIN_PAGES_IN_EVERY_LANGUAGE) == {}


def test_every_status_starts_with_first_steps_meant_for_it(sample):
    statuses = [item["slug"] for item in sample.structure["statuses"]]
    # A page that names no status is for everyone.
    meant_for = {page.slug: page.meta.get("statuses") or statuses for page in sample.pages}
    for status in sample.structure["statuses"]:
        steps = status.get("first_steps") or []
        assert len(steps) >= 3, status["slug"]
        assert [slug for slug in steps if status["slug"] not in meant_for[slug]] == []


def test_the_glossary_explains_every_term_in_every_language(sample):
    glossary = read_glossary(SAMPLE, {page.slug for page in sample.pages})
    languages = {code for code, _name in settings.LANGUAGES}
    assert len(glossary.terms) >= 40
    missing = {
        slug: sorted(languages - set(term["texts"]))
        for slug, term in glossary.terms.items()
        if languages - set(term["texts"])
    }
    assert missing == {}
