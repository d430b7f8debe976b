"""Search that stays fast at thousands of pages on PostgreSQL (issue 13).

Ranking every matching document's whole-text vector cost 100 ms and more for a common word at
5,000 pages, and the full-text index held every language, so a word found in all eight was
fetched eight times over and filtered. Now:

- ``lead_vector``: the title (weight A) and the start of the text, where a page's summary is
  (weight C). A search ranks only its candidates, and on this small vector.
- The GIN indexes lead with the language (``btree_gin``), so a search reads its own language's
  entries only; the vocabulary's trigram index likewise.

SQLite is unchanged (its FTS5 ranking is cheap enough at this size).
"""

from django.db import migrations

CONFIG = (
    "CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'ar' THEN 'arabic'::regconfig "
    "WHEN 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END"
)
# The summary leads the text and is at most 400 characters; a little more takes its words whole.
LEAD_CHARACTERS = 500

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "ALTER TABLE orientation_searchdocument ADD COLUMN lead_vector tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector({CONFIG}, search_title), 'A') || "
    f"setweight(to_tsvector({CONFIG}, left(search_text, {LEAD_CHARACTERS})), 'C')) STORED",
    "DROP INDEX IF EXISTS searchdoc_vector",
    "CREATE INDEX searchdoc_language_vector ON orientation_searchdocument "
    "USING gin (language, vector)",
    "CREATE INDEX searchdoc_language_lead ON orientation_searchdocument "
    "USING gin (language, lead_vector)",
    "DROP INDEX IF EXISTS searchword_trigram",
    "CREATE INDEX searchword_language_trigram ON orientation_searchword "
    "USING gin (language, word gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS searchword_language_trigram",
    "CREATE INDEX searchword_trigram ON orientation_searchword USING gin (word gin_trgm_ops)",
    "DROP INDEX IF EXISTS searchdoc_language_lead",
    "DROP INDEX IF EXISTS searchdoc_language_vector",
    "CREATE INDEX searchdoc_vector ON orientation_searchdocument USING gin (vector)",
    "ALTER TABLE orientation_searchdocument DROP COLUMN IF EXISTS lead_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("orientation", "0012_remove_orientationpage_search_text")]

    operations = [migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_REVERSE))]
