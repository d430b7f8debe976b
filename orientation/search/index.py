"""Keeping the search index in step with the content.

Each page, listed organisation and glossary term the public may see has one document per
language it exists in (English always). Saving one rewrites its documents; the vocabulary only
grows (a word that no longer occurs is harmless: a suggestion is only offered when it finds
something) and is rebuilt whole by ``manage.py rebuild_search_index``.
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction

from portal.translation import SOURCE_LANGUAGE

from .models import SearchDocument, SearchWord
from .text import indexed_text, plain_text, sound_key

Kind = SearchDocument.Kind
MAX_WORD_LENGTH = 100
_bulk = threading.local()


@contextmanager
def deferred():
    """Index once, at the end, instead of at every save: for loading a whole locality.

    Saving 110 pages one by one offers each page's thousand words to the vocabulary again; one
    rebuild at the end offers each word once.
    """
    if is_deferred():
        yield
        return
    _bulk.active = True
    try:
        yield
    finally:
        _bulk.active = False
    rebuild()


def is_deferred():
    return getattr(_bulk, "active", False)


def page_documents(page):
    if page.state != page.State.PUBLISHED:
        return []
    documents = []
    for code in settings.MODELTRANSLATION_LANGUAGES:
        if code != SOURCE_LANGUAGE and not page.has_translation(code):
            continue
        title = getattr(page, f"title_{code}", "") or page.title_en
        summary = getattr(page, f"summary_{code}", "") or ""
        body = plain_text(getattr(page, f"body_html_{code}", "") or "")
        documents.append(_document(Kind.PAGE, page.pk, page.slug, code, title, f"{summary} {body}"))
    return documents


def organisation_documents(organisation):
    if not organisation.listed:
        return []
    documents = []
    for code in settings.MODELTRANSLATION_LANGUAGES:
        description = getattr(organisation, f"description_{code}", "") or ""
        if code != SOURCE_LANGUAGE and not description:
            continue
        services = (getattr(organisation, f"services_{code}", "") or "").replace("\n", ". ")
        text = f"{description} {services}"
        documents.append(
            _document(
                Kind.ORGANISATION, organisation.pk, organisation.slug, code, organisation.name, text
            )
        )
    return documents


def term_documents(term):
    if term.state != term.State.PUBLISHED:
        return []
    documents = []
    for code in settings.MODELTRANSLATION_LANGUAGES:
        if code != SOURCE_LANGUAGE and not term.has_translation(code):
            continue
        name = getattr(term, f"term_{code}", "") or term.term_en
        others = getattr(term, f"also_known_as_{code}", "") or ""
        explanation = getattr(term, f"explanation_{code}", "") or ""
        document = _document(Kind.TERM, term.pk, term.slug, code, name, explanation)
        # Other forms ("family doctor", "GPs") count as title words.
        document.search_title = indexed_text(f"{name} {others}")
        documents.append(document)
    return documents


def _document(kind, object_id, slug, language, title, text):
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        slug=slug,
        language=language,
        title=title[:300],
        text=text.strip(),
        search_title=indexed_text(title),
        search_text=indexed_text(text),
    )


def replace_documents(kind, object_id, documents):
    """Put one object's documents in the index in place of its old ones."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()
        SearchDocument.objects.bulk_create(documents)
        add_words(documents)


def add_words(documents):
    found = set()
    for document in documents:
        language = document.language
        found.update(
            (language, word)
            for word in set(f"{document.search_title} {document.search_text}".split())
            if 1 < len(word) <= MAX_WORD_LENGTH
        )
    SearchWord.objects.bulk_create(
        (
            SearchWord(language=language, word=word, sound=sound_key(word))
            for language, word in found
        ),
        ignore_conflicts=True,
        batch_size=1000,
    )


def index_page(page):
    replace_documents(Kind.PAGE, page.pk, page_documents(page))


def index_organisation(organisation):
    replace_documents(Kind.ORGANISATION, organisation.pk, organisation_documents(organisation))


def index_term(term):
    replace_documents(Kind.TERM, term.pk, term_documents(term))


def remove(kind, object_id):
    SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()


def rebuild():
    """The whole index from the content, in bulk. Returns the number of documents."""
    from django.apps import apps

    from ..glossary import GlossaryTerm
    from ..models import OrientationPage

    # A string reference: orientation never imports the directory.
    Organisation = apps.get_model("directory", "Organisation")

    documents = []
    for page in OrientationPage.objects.published().iterator(chunk_size=500):
        documents.extend(page_documents(page))
    for organisation in Organisation.objects.listed().iterator(chunk_size=500):
        documents.extend(organisation_documents(organisation))
    for term in GlossaryTerm.objects.published():
        documents.extend(term_documents(term))
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        SearchDocument.objects.bulk_create(documents, batch_size=500)
        add_words(documents)
        if connection.vendor == "postgresql":
            _settle_postgresql_indexes()
    return len(documents)


def _settle_postgresql_indexes():
    """After a rebuild: fresh statistics, and full-text indexes with nothing left pending.

    Without statistics the planner takes a language for rare, and reads a search's whole
    vocabulary instead of its trigram index, or ranks thousands of documents to show thirty.
    A GIN index takes new rows into a pending list that every search reads through until
    autovacuum merges it; after a rebuild that is hundreds of pages for each search.
    """
    tables = [SearchDocument._meta.db_table, SearchWord._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gin_clean_pending_list(index.indexrelid) FROM pg_index AS index "
            "JOIN pg_class AS relation ON relation.oid = index.indexrelid "
            "JOIN pg_am AS method ON method.oid = relation.relam "
            "WHERE method.amname = 'gin' AND index.indrelid::regclass::text IN (%s, %s)",
            tables,
        )
        cursor.execute(f"ANALYZE {', '.join(tables)}")
