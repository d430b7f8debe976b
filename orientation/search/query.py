"""From what a reader typed to ranked results.

1. The query's words are folded (``text``) and grouped: a phrase that is one of the reader's
   language's or English synonyms becomes one group with all its synonyms as alternatives.
2. A word the index does not know gets the known words closest to it in spelling or sound as
   alternatives ("univeral" -> "universal", "dokter" -> "doctor"), which also make the
   "did you mean" suggestion.
3. The reader's language is searched first, then English; an English result is left out when
   the same thing was already found in the reader's language.
4. Results are re-ranked so that a match in the title beats a passing mention, whatever the
   database's own score says, and each gets a snippet with the words found marked.
"""

import functools
from dataclasses import dataclass, field

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from portal.translation import SOURCE_LANGUAGE

from .backends import backend
from .models import SearchDocument, SearchSynonym
from .text import highlight, search_terms, words

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 30
CANDIDATES = 60
SYNONYMS_CACHE_KEY = "search:synonyms"

Kind = SearchDocument.Kind


@dataclass
class Result:
    kind: str
    object_id: int
    language: str
    title: str
    title_html: str
    snippet: str
    title_hits: int
    score: float
    url: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class SearchOutcome:
    query: str
    terms: list
    results: list
    suggestion: str = ""  # "did you mean", in the reader's words with the corrections made
    corrected: bool = False  # results came only through corrected spellings


def synonym_groups(languages):
    """The synonym sets of ``languages`` as tuples of word tuples. All languages' sets are read
    in one query and cached until one changes."""
    every = cache.get(SYNONYMS_CACHE_KEY)
    if every is None:
        every = {}
        for language, text in SearchSynonym.objects.values_list("language", "words"):
            every.setdefault(language, []).append(_synonym_set(text))
        cache.set(SYNONYMS_CACHE_KEY, every, timeout=None)
    return [group for language in languages for group in every.get(language, [])]


@functools.lru_cache(maxsize=2048)
def _synonym_set(text):
    """One synonym set's phrases as word tuples; the same text always gives the same set, so
    a process splits and normalises it once, however often the cache is emptied."""
    phrases = (tuple(words(phrase)) for phrase in SearchSynonym.phrases(text))
    return tuple(phrase for phrase in phrases if phrase)


def forget_synonyms():
    cache.delete(SYNONYMS_CACHE_KEY)


def _group_terms(terms, synonyms):
    """Split the terms into groups, a synonym phrase (longest first) becoming one group."""
    groups, position = [], 0
    while position < len(terms):
        best = None
        for group in synonyms:
            for phrase in group:
                size = len(phrase)
                if tuple(terms[position : position + size]) == phrase and (
                    best is None or size > best[0]
                ):
                    best = (size, group)
        if best:
            size, group = best
            phrase = tuple(terms[position : position + size])
            groups.append([phrase, *(other for other in group if other != phrase)])
            position += size
        else:
            groups.append([(terms[position],)])
            position += 1
    return groups


def _correct(groups, languages, synonyms, search_backend):
    """Add close known words to groups whose single word the index does not know.

    Returns the groups and, per corrected word, its best replacement."""
    single = sorted({group[0][0] for group in groups if len(group) == 1 and len(group[0]) == 1})
    known, close_words = search_backend.lookup(single, languages) if single else (set(), {})
    corrections = {}
    corrected_groups = []
    for group in groups:
        word = group[0][0] if len(group) == 1 and len(group[0]) == 1 else None
        close = close_words.get(word) if word and word not in known and len(word) > 2 else None
        if close:
            corrections[word] = close[0]
            group = group + [(alternative,) for alternative in close]
            # "docter" -> "doctor" brings doctor's synonyms ("GP") too.
            for synonym_set in synonyms:
                if (close[0],) in synonym_set:
                    group += [phrase for phrase in synonym_set if phrase not in group]
        corrected_groups.append(group)
    return corrected_groups, corrections


def search(query, language, *, kinds=None, limit=MAX_RESULTS):
    """Search pages, organisations and glossary terms for a reader of ``language``."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    outcome = SearchOutcome(query=query, terms=terms, results=[])
    if not terms:
        return outcome
    english = SOURCE_LANGUAGE
    languages = [language] if language == english else [language, english]
    search_backend = backend()
    synonyms = synonym_groups(languages)
    groups, corrections = _correct(
        _group_terms(terms, synonyms), languages, synonyms, search_backend
    )

    hits = _run(search_backend, groups, languages, kinds)
    if not hits and len(groups) > 1:
        # Every word at once found nothing: take pages that have most of them.
        hits = _run_any(search_backend, groups, languages, kinds)
    if corrections:
        outcome.suggestion = " ".join(corrections.get(term, term) for term in terms)
        outcome.corrected = bool(hits) and not _run(
            search_backend, _without(groups, corrections), languages, kinds
        )
    # Links stay on the reader's site, whatever language the caller has active.
    with translation.override(language):
        outcome.results = _rank(hits, groups, limit)
    return outcome


URL_NAMES = {
    Kind.PAGE: "orientation:page",
    Kind.ORGANISATION: "directory:agency",
}


def _url(kind, slug):
    if kind == Kind.TERM:
        return reverse("orientation:glossary") + f"#term-{slug}"
    return reverse(URL_NAMES[kind], kwargs={"slug": slug})


def _without(groups, corrections):
    return [[group[0]] if group[0][0] in corrections else group for group in groups]


def _run(search_backend, groups, languages, kinds):
    """[(language priority, document dict)] matching every group."""
    hits = []
    for priority, language in enumerate(languages):
        for document in search_backend.match(groups, language, limit=CANDIDATES, kinds=kinds):
            hits.append((priority, document))
    return hits


def _run_any(search_backend, groups, languages, kinds):
    """Documents matching any group, those matching most groups first."""
    best = {}
    for group in groups:
        for priority, document in _run(search_backend, [group], languages, kinds):
            found = best.setdefault(document["id"], [priority, 0, document])
            found[1] += 1
    ordered = sorted(best.values(), key=lambda item: (item[0], -item[1], -item[2]["score"]))
    return [(priority, document) for priority, _matched, document in ordered]


def _rank(hits, groups, limit):
    """The first ``limit`` documents of ``hits``, best first, as results. Only those shown get
    their title and snippet marked: marking reads the whole text."""
    matched_words = [words_[-1] for group in groups for words_ in group] + [
        word for group in groups for words_ in group for word in words_[:-1]
    ]
    ranked = []
    for priority, document in hits:
        title_hits = sum(
            1
            for group in groups
            if any(f" {' '.join(words_)}" in document["search_title"] for words_ in group)
        )
        key = (priority, -title_hits, -document["score"], document["title"])
        ranked.append((key, document, title_hits))
    ranked.sort(key=lambda item: item[0])
    shown, seen = [], set()
    for _key, document, title_hits in ranked:
        identity = (document["kind"], document["object_id"])
        if identity in seen:
            continue  # already found in the reader's language
        seen.add(identity)
        shown.append((document, title_hits))
        if len(shown) == limit:
            break
    return [
        Result(
            kind=document["kind"],
            object_id=document["object_id"],
            language=document["language"],
            title=document["title"],
            title_html=highlight(document["title"], matched_words, limit=0),
            snippet=highlight(document["text"], matched_words) or format_html(""),
            title_hits=title_hits,
            score=document["score"],
            url=_url(document["kind"], document["slug"]),
        )
        for document, title_hits in shown
    ]
