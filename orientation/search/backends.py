"""The database half of search: one interface, a PostgreSQL and an SQLite implementation.

A query reaches a backend as *groups*: every group must match, and a group matches when any of
its alternatives does; an alternative is a tuple of normalised words that must follow each other,
the last one possibly unfinished ("univers" finds "universal"). Backends answer with the ids of
matching documents, best first by the database's own ranking; ``query`` re-ranks the few it gets.
"""

from django.db import connection

from .text import similarity, sound_key

DOCUMENTS = "orientation_searchdocument"
COLUMNS = ("id", "kind", "object_id", "slug", "language", "title", "text", "search_title")
WORDS = "orientation_searchword"
# PostgreSQL's text search configurations for our languages (others use 'simple'); the same
# mapping is frozen into migration 0006's generated column.
POSTGRESQL_CONFIGS = {"en": "english", "ar": "arabic", "ru": "russian"}


class SearchBackend:
    """What ``query`` needs from a database."""

    def match(self, groups, language, *, limit, kinds=None):
        """Documents in ``language`` matching all ``groups``, best first, as dicts of
        ``COLUMNS`` and their ``score``."""
        raise NotImplementedError

    def lookup(self, words, languages, *, limit=3):
        """For each word, whether the vocabulary knows it (some word begins with it) and, when
        it does not, the known words closest in spelling or sound, closest first. One query."""
        parts, params = [], []
        language_marks = _marks(languages)
        known_sql = (
            f"SELECT %s AS term, word, 1 AS prefix FROM {WORDS} "  # noqa: S608 - table names and "%s" marks only
            f"WHERE language IN ({language_marks}) AND word >= %s AND word < %s LIMIT 1"
        )
        for word in words:
            known_params = [word, *languages, word, word + "\uffff"]
            parts.append(f"SELECT * FROM ({known_sql}) AS prefix_match")  # noqa: S608 - as above
            params += known_params
            # A word the vocabulary knows needs no close words: their look-ups, the costliest
            # part of the query, run only when it does not.
            unknown = f" WHERE NOT EXISTS ({known_sql})"
            key = sound_key(word)
            if key:
                parts.append(
                    f"SELECT * FROM (SELECT %s AS term, word, 0 AS prefix FROM {WORDS} "  # noqa: S608 - table names and "%s" marks only
                    f"WHERE language IN ({language_marks}) AND sound = %s LIMIT 20) AS sounds"
                    + unknown
                )
                params += [word, *languages, key, *known_params]
            close_sql, close_params = self._close_spellings(word, languages)
            if close_sql:
                parts.append(close_sql + unknown)
                params += [*close_params, *known_params]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
        known = {term for term, _word, prefix in rows if prefix}
        close = {}
        for word in words:
            if word in known:
                continue
            candidates = {found for term, found, prefix in rows if term == word and not prefix}
            sounds = {found for found in candidates if sound_key(found) == sound_key(word)}
            close[word] = _closest(word, candidates, sounds, limit)
        return known, close

    def _close_spellings(self, word, languages):
        """SQL (and its parameters) for vocabulary words sharing trigrams with ``word``."""
        raise NotImplementedError


def _as_dicts(cursor):
    return [dict(zip((*COLUMNS, "score"), row, strict=True)) for row in cursor.fetchall()]


def _marks(values):
    return ", ".join(["%s"] * len(values))


class PostgreSQLBackend(SearchBackend):
    # How many documents a search ranks at most from each of its two candidate sets. Ranking
    # reads each candidate's vector, so it is what grows with the content; a common word
    # matches thousands of documents, and a reader looks at the first thirty.
    RANKED_CANDIDATES = 200

    def match(self, groups, language, *, limit, kinds=None):
        config = POSTGRESQL_CONFIGS.get(language, "simple")
        tsquery = _tsquery(groups)
        kind_filter = f"AND kind IN ({_marks(kinds)})" if kinds else ""
        query = "to_tsquery(%s::regconfig, %s)"
        # The candidates: those matching in their title or lead (the summary), which the
        # ranking puts first, then any others. Both sets come from the GIN indexes unsorted:
        # MATERIALIZED keeps the planner from scanning the table instead, for the LIMIT, and
        # reading every whole-text vector it passes. Only their union is ranked, on the small
        # lead vector, with weights {D, C, B, A}: a title word counts five times a summary word.
        # When the title or lead matches fill the page of candidates, the others would rank
        # below them all (a lead that does not match scores nothing), so the body's index,
        # the costliest read of a search, is not read at all.
        matching = (
            f"SELECT id FROM {DOCUMENTS} WHERE language = %s AND {{column}} @@ {query} "  # noqa: S608 - names and "%s" marks only
            f"{kind_filter}"
        )
        sql = (
            f"WITH lead AS MATERIALIZED ({matching.format(column='lead_vector')}), "  # noqa: S608 - names and "%s" marks only
            f"body AS MATERIALIZED ({matching.format(column='vector')}) "
            f"SELECT {', '.join(COLUMNS)}, "
            f"ts_rank_cd('{{0.1, 0.2, 0.2, 1.0}}', lead_vector, {query}, 1) AS score "
            f"FROM {DOCUMENTS} WHERE id IN ((SELECT id FROM lead LIMIT %s) "
            "UNION (SELECT id FROM body "
            "WHERE (SELECT count(*) FROM (SELECT FROM lead LIMIT %s) AS enough) < %s LIMIT %s)) "
            "ORDER BY score DESC, id LIMIT %s"
        )
        one_set = [language, config, tsquery, *(kinds or [])]
        cap = self.RANKED_CANDIDATES
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [*one_set, *one_set, config, tsquery, cap, limit, limit, cap, limit]
            )
            return _as_dicts(cursor)

    def _close_spellings(self, word, languages):
        return (
            f"SELECT * FROM (SELECT %s AS term, word, 0 AS prefix FROM {WORDS} "  # noqa: S608 - table names and "%s" marks only
            f"WHERE language IN ({_marks(languages)}) AND word %% %s "
            "ORDER BY similarity(word, %s) DESC LIMIT 20) AS spellings",
            [word, *languages, word, word],
        )


def _tsquery(groups):
    """Groups as a to_tsquery expression. Words hold only letters, digits and underscores
    (see text.words), so nothing in them is tsquery syntax."""

    def alternative(words):
        return "(" + " <-> ".join([*words[:-1], words[-1] + ":*"]) + ")"

    return " & ".join(
        "(" + " | ".join(alternative(words) for words in group) + ")" for group in groups
    )


class SQLiteBackend(SearchBackend):
    def match(self, groups, language, *, limit, kinds=None):
        kind_filter = f"AND document.kind IN ({_marks(kinds)})" if kinds else ""
        # bm25 is lower for better matches; a title match weighs ten times a body match.
        sql = (
            f"SELECT {', '.join('document.' + column for column in COLUMNS)}, "  # noqa: S608
            f"-bm25({DOCUMENTS}_fts, 10.0, 1.0) AS score "
            f"FROM {DOCUMENTS}_fts JOIN {DOCUMENTS} AS document "
            f"ON document.id = {DOCUMENTS}_fts.rowid "
            f"WHERE {DOCUMENTS}_fts MATCH %s AND document.language = %s {kind_filter} "
            "ORDER BY score DESC, document.id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_fts5_query(groups), language, *(kinds or []), limit])
            return _as_dicts(cursor)

    def _close_spellings(self, word, languages):
        grams = sorted({word[index : index + 3] for index in range(len(word) - 2)})
        if not grams:
            return "", []
        # Candidates share a trigram with the word; their closeness is then computed in Python
        # as pg_trgm computes it, so both databases suggest the same words.
        return (
            f"SELECT * FROM (SELECT %s AS term, word, 0 AS prefix FROM {WORDS} "  # noqa: S608 - table names and "%s" marks only
            f"WHERE language IN ({_marks(languages)}) AND id IN (SELECT rowid FROM {WORDS}_fts "
            f"WHERE {WORDS}_fts MATCH %s ORDER BY rank LIMIT 300)) AS spellings",
            [word, *languages, " OR ".join(f'"{gram}"' for gram in grams)],
        )


def _fts5_query(groups):
    """Groups as an FTS5 MATCH expression over trigram-indexed text. The index holds words
    between single spaces, so the phrase ``" gp"`` matches words that begin with "gp"."""
    return " AND ".join(
        "(" + " OR ".join(f'" {" ".join(words)}"' for words in group) + ")" for group in groups
    )


def _closest(word, candidates, sounds, limit, threshold=0.3):
    scores = {}
    for found in candidates:
        closeness = similarity(word, found)
        if found in sounds:
            # A word that sounds the same is as good as a close spelling.
            closeness = max(closeness, 0.5 + closeness / 2)
        if closeness >= threshold and found != word:
            scores[found] = closeness
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [found for found, _score in ordered][:limit]


def backend():
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {connection.vendor}")
