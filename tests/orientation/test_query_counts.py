"""Every public view asks the database a fixed number of queries, however much content there is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    MigrationStatusFactory,
    OrganisationFactory,
    OrientationPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Each public view's queries, with the shared parts (locality, emergency numbers, topics,
# statuses) already kept by the worker. Exact, so that one more query fails here.
QUERIES = {
    "/{lang}/": 2,  # key agencies, welcome videos
    "/{lang}/topics/": 0,
    "/{lang}/topics/health/": 2,  # count, one page of pages
    "/{lang}/status/": 0,
    "/{lang}/status/asylum-seeker/": 2,  # first steps, topics with pages
    "/{lang}/status/asylum-seeker/housing/": 2,  # count, one page of pages
    # The page with its organisation; what it is filed under (topics, statuses, tags: one
    # UNION); sources; pictures; places to get help.
    "/{lang}/pages/register-with-a-gp/": 5,
    "/{lang}/agencies/": 7,
    "/{lang}/agencies/own-agency/": 8,
    # A word found before and after content is added: a search that finds nothing asks a few
    # more queries for its "no dead end" lists (tests/orientation/test_search.py counts those).
    # English readers' results need no English stand-ins.
    "/{lang}/search/?q=register": {"en": 2, "ar": 3},
}


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
        organisation = OrganisationFactory()
        organisation.topics.add(site["topics"]["health"], topics[index % amount])
        organisation.statuses.add(site["statuses"]["asylum-seeker"])
        OrientationPageFactory(
            topics=[site["topics"]["health"], site["topics"]["housing"], topics[index % amount]],
            statuses=[site["statuses"]["asylum-seeker"], statuses[index % amount]],
            title_ar=f"صفحة {index}",
            body_ar="نص",
        )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_query_count_is_fixed_and_does_not_grow_with_content(client, site, orgs, language):
    expected = {
        path.format(lang=language): count[language] if isinstance(count, dict) else count
        for path, count in QUERIES.items()
    }
    before = {path: count_queries(client, path) for path in expected}
    assert before == expected
    add_content(site, 5)
    after = {path: count_queries(client, path) for path in expected}
    assert after == expected


def test_a_content_change_costs_the_shared_parts_once(client, site):
    path = "/en/pages/register-with-a-gp/"
    warm = count_queries(client, path)
    site["topics"]["health"].save()  # any content change: the shared parts are built again
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    # The locality, the emergency numbers, the topics, the statuses and the card's tags.
    assert len(context.captured_queries) == warm + 5
    assert count_queries(client, path) == warm


def test_cached_pages_ask_at_most_one_cheap_query(client, site, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    client.get("/en/pages/register-with-a-gp/")
    with CaptureQueriesContext(connection) as context:
        assert client.get("/en/pages/register-with-a-gp/").status_code == 200
    assert len(context.captured_queries) == 0
