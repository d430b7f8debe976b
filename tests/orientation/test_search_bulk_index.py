"""Loading a whole locality indexes once, at the end, and leaves the same index as saving one by
one would."""

import pytest
from django.db import connection

from orientation.models import OrientationPage
from orientation.search import index
from orientation.search.models import SearchDocument, SearchWord
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db


def test_saves_inside_a_bulk_load_are_indexed_when_it_ends(locality):
    with index.deferred():
        page = OrientationPageFactory(slug="bulk", title_en="Pharmacy opening hours")
        assert not SearchDocument.objects.filter(object_id=page.pk).exists()
    assert SearchDocument.objects.filter(object_id=page.pk, language="en").exists()
    assert SearchWord.objects.filter(language="en", word="pharmacy").exists()


def test_a_failed_bulk_load_indexes_nothing(locality):
    with pytest.raises(RuntimeError), index.deferred():
        OrientationPageFactory(slug="bulk", title_en="Pharmacy opening hours")
        raise RuntimeError
    assert not SearchDocument.objects.exists()
    assert not index.is_deferred()


def test_one_bulk_index_equals_indexing_each_save(locality):
    for number in range(3):
        OrientationPageFactory(slug=f"page-{number}", title_en=f"Dentist number {number}")
    documents = SearchDocument.objects.values_list("kind", "object_id", "language", "search_title")
    one_by_one = set(documents)
    words = set(SearchWord.objects.values_list("language", "word"))
    assert len(one_by_one) == 6  # three pages and the three organisations behind them
    SearchDocument.objects.all().delete()
    SearchWord.objects.all().delete()
    with index.deferred():
        for page in OrientationPage.objects.all():
            page.save()
    assert set(documents.all()) == one_by_one
    assert set(SearchWord.objects.values_list("language", "word")) == words


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_a_rebuild_leaves_the_planner_statistics_of_the_new_index(locality):
    OrientationPageFactory(slug="counted", title_en="Pharmacy opening hours")
    documents = index.rebuild()
    with connection.cursor() as cursor:
        # ANALYZE writes the row count it saw into pg_class, within this very transaction, where
        # autovacuum cannot see the rows yet.
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN (%s, %s)",
            [SearchDocument._meta.db_table, SearchWord._meta.db_table],
        )
        rows = dict(cursor.fetchall())
    assert rows[SearchDocument._meta.db_table] == documents
    assert rows[SearchWord._meta.db_table] == SearchWord.objects.count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN indexes")
def test_a_rebuild_leaves_nothing_pending_in_the_full_text_indexes(locality):
    OrientationPageFactory(slug="merged", title_en="Pharmacy opening hours")
    index.rebuild()
    with connection.cursor() as cursor:
        # Cleaning a GIN index's pending list answers how many pages it merged: none are left.
        cursor.execute(
            "SELECT indexname, gin_clean_pending_list(indexname::regclass) FROM pg_indexes "
            "WHERE indexname IN ('searchdoc_language_vector', 'searchdoc_language_lead')"
        )
        assert dict(cursor.fetchall()) == {
            "searchdoc_language_vector": 0,
            "searchdoc_language_lead": 0,
        }
