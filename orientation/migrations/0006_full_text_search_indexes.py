"""The database's own full-text index over orientation_searchdocument, and a trigram index over
the vocabulary, one way per database engine.

PostgreSQL: a generated tsvector column, title weighted A and text D, parsed with a text search
configuration per language where PostgreSQL has one (English, Arabic, Russian) and `simple`
otherwise; a GIN index on it; pg_trgm for the vocabulary's misspelling look-ups.

SQLite: FTS5 tables with the trigram tokenizer, kept in step with their tables by triggers.
Note for later migrations: SQLite remakes a table to alter it, which drops its triggers; a
migration that alters orientation_searchdocument or orientation_searchword must create these
triggers again (or run `manage.py rebuild_search_index`).
"""

from django.db import migrations

CONFIG = (
    "CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'ar' THEN 'arabic'::regconfig "
    "WHEN 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END"
)

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE orientation_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector({CONFIG}, search_title), 'A') || "
    f"setweight(to_tsvector({CONFIG}, search_text), 'D')) STORED",
    "CREATE INDEX searchdoc_vector ON orientation_searchdocument USING gin (vector)",
    "CREATE INDEX searchword_trigram ON orientation_searchword USING gin (word gin_trgm_ops)",
    "CREATE INDEX searchword_prefix ON orientation_searchword (language, word text_pattern_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS searchword_prefix",
    "DROP INDEX IF EXISTS searchword_trigram",
    "DROP INDEX IF EXISTS searchdoc_vector",
    "ALTER TABLE orientation_searchdocument DROP COLUMN IF EXISTS vector",
]


def _fts5(table, columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


SQLITE = _fts5("orientation_searchdocument", ["search_title", "search_text"]) + _fts5(
    "orientation_searchword", ["word"]
)
SQLITE_REVERSE = [
    f"DROP {kind} IF EXISTS {table}{suffix}"
    for table in ("orientation_searchdocument", "orientation_searchword")
    for kind, suffix in (
        ("TRIGGER", "_ai"),
        ("TRIGGER", "_ad"),
        ("TRIGGER", "_au"),
        ("TABLE", "_fts"),
    )
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("orientation", "0005_glossary_and_search_index")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
