"""Every public view asks the database a fixed number of queries, however much content there is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import MigrationStatusFactory, OrientationPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/{lang}/",
    "/{lang}/topics/",
    "/{lang}/topics/health/",
    "/{lang}/status/",
    "/{lang}/status/asylum-seeker/",
    "/{lang}/status/asylum-seeker/housing/",
    "/{lang}/pages/register-with-a-gp/",
    # A word found before and after content is added: a search that finds nothing asks a few
    # more queries for its "no dead end" lists (tests/orientation/test_search.py counts those).
    "/{lang}/search/?q=register",
]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Measure rendering: the page cache off, what every page shares (locality, emergency
    # numbers) already built by an earlier request, as in a running worker.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def count_queries(client, path):
    cache.clear()
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(context.captured_queries)


def add_content(site, amount):
    topics = [TopicFactory() for _ in range(amount)]
    statuses = [MigrationStatusFactory() for _ in range(amount)]
    for index in range(amount * 3):
        OrientationPageFactory(
            topics=[site["topics"]["health"], site["topics"]["housing"], topics[index % amount]],
            statuses=[site["statuses"]["asylum-seeker"], statuses[index % amount]],
            title_ar=f"صفحة {index}",
            body_ar="نص",
        )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_query_count_does_not_grow_with_content(client, site, language):
    before = {path: count_queries(client, path.format(lang=language)) for path in PATHS}
    add_content(site, 5)
    after = {path: count_queries(client, path.format(lang=language)) for path in PATHS}
    assert after == before
    # A page: itself, topics, statuses, sources, pictures, tags, places to get help.
    assert max(before.values()) <= 7, before


def test_a_content_change_costs_the_shared_parts_once(client, site):
    path = "/en/pages/register-with-a-gp/"
    warm = count_queries(client, path)
    site["topics"]["health"].save()  # any content change: the shared parts are built again
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    assert len(context.captured_queries) == warm + 2  # the locality and the emergency numbers
    assert count_queries(client, path) == warm


def test_cached_pages_ask_at_most_one_cheap_query(client, site, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    client.get("/en/pages/register-with-a-gp/")
    with CaptureQueriesContext(connection) as context:
        assert client.get("/en/pages/register-with-a-gp/").status_code == 200
    assert len(context.captured_queries) == 0
