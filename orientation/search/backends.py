"""The database half of search: one interface, a PostgreSQL and an SQLite implementation.

A query reaches a backend as *groups*: every group must match, and a group matches when any of
its alternatives does; an alternative is a tuple of normalised words that must follow each other,
the last one possibly unfinished ("univers" finds "universal"). Backends answer with the ids of
matching documents, best first by the database's own ranking; ``query`` re-ranks the few it gets.
"""

from django.db import connection

from .text import similarity, sound_key

DOCUMENTS = "orientation_searchdocument"
COLUMNS = ("id", "kind", "object_id", "language", "title", "text", "search_title")
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

    def similar_words(self, word, languages, *, limit=5):
        """Vocabulary words close to ``word`` (spelling or sound), closest first."""
        raise NotImplementedError

    def known_words(self, words, languages):
        """Of ``words``, those that begin some word of the vocabulary (one query)."""
        words = sorted(words)
        ranges = " OR ".join(["(word >= %s AND word < %s)"] * len(words))
        params = [bound for word in words for bound in (word, word + "\uffff")]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM {WORDS} WHERE language IN ({_marks(languages)}) "  # noqa: S608
                f"AND ({ranges})",
                [*languages, *params],
            )
            found = [row[0] for row in cursor.fetchall()]
        return {word for word in words if any(known.startswith(word) for known in found)}

    def _sound_alikes(self, cursor, word, languages):
        key = sound_key(word)
        if not key:
            return []
        cursor.execute(
            f"SELECT word FROM {WORDS} WHERE sound = %s "  # noqa: S608
            f"AND language IN ({_marks(languages)}) LIMIT 20",
            [key, *languages],
        )
        return [row[0] for row in cursor.fetchall()]


def _as_dicts(cursor):
    return [dict(zip((*COLUMNS, "score"), row, strict=True)) for row in cursor.fetchall()]


def _marks(values):
    return ", ".join(["%s"] * len(values))


class PostgreSQLBackend(SearchBackend):
    def match(self, groups, language, *, limit, kinds=None):
        config = POSTGRESQL_CONFIGS.get(language, "simple")
        kind_filter = f"AND kind IN ({_marks(kinds)})" if kinds else ""
        # ts_rank_cd with weights {D, C, B, A}: a title word counts ten times a body word.
        sql = (
            f"SELECT {', '.join(COLUMNS)}, "  # noqa: S608
            "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', vector, query, 1) AS score "
            f"FROM {DOCUMENTS}, to_tsquery(%s::regconfig, %s) AS query "
            f"WHERE language = %s AND vector @@ query {kind_filter} "
            "ORDER BY score DESC, id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [config, _tsquery(groups), language, *(kinds or []), limit])
            return _as_dicts(cursor)

    def similar_words(self, word, languages, *, limit=5):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, similarity(word, %s) AS closeness "  # noqa: S608
                f"FROM {WORDS} WHERE word %% %s AND language IN ({_marks(languages)}) "
                "ORDER BY closeness DESC, word LIMIT %s",
                [word, word, *languages, limit * 4],
            )
            close = [(found, closeness) for found, closeness in cursor.fetchall()]
            sounds = self._sound_alikes(cursor, word, languages)
        return _closest(word, close, sounds, limit)


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

    def similar_words(self, word, languages, *, limit=5):
        grams = {word[index : index + 3] for index in range(len(word) - 2)}
        close = []
        with connection.cursor() as cursor:
            if grams:
                # Candidates share a trigram with the word; closeness is then computed here as
                # pg_trgm computes it, so both databases suggest the same words.
                cursor.execute(
                    f"SELECT word.word FROM {WORDS}_fts JOIN {WORDS} AS word "  # noqa: S608
                    f"ON word.id = {WORDS}_fts.rowid WHERE {WORDS}_fts MATCH %s "
                    f"AND word.language IN ({_marks(languages)}) "
                    f"ORDER BY bm25({WORDS}_fts) LIMIT 300",
                    [" OR ".join(f'"{gram}"' for gram in sorted(grams)), *languages],
                )
                close = [(found, similarity(word, found)) for (found,) in cursor.fetchall()]
            sounds = self._sound_alikes(cursor, word, languages)
        return _closest(word, close, sounds, limit)


def _fts5_query(groups):
    """Groups as an FTS5 MATCH expression over trigram-indexed text. The index holds words
    between single spaces, so the phrase ``" gp"`` matches words that begin with "gp"."""
    return " AND ".join(
        "(" + " OR ".join(f'" {" ".join(words)}"' for words in group) + ")" for group in groups
    )


def _closest(word, close, sounds, limit, threshold=0.3):
    scores = {found: closeness for found, closeness in close if closeness >= threshold}
    for found in sounds:
        # A word that sounds the same is as good as a close spelling.
        scores[found] = max(scores.get(found, 0), 0.5 + similarity(word, found) / 2)
    scores.pop(word, None)
    return [
        found for found, _score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    ][:limit]


def backend():
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {connection.vendor}")
