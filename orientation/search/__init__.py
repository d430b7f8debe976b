"""Search over pages, organisations and glossary terms, in every language and script.

``text`` folds letters and spellings, ``index`` keeps the search index up to date, ``backends``
hold the PostgreSQL and SQLite full-text queries behind one interface, and ``query`` turns what
a reader typed into ranked results. Import the functions from the modules; this package's own
namespace stays light because ``orientation.models`` imports it.
"""

from .text import normalise_for_search, search_terms

__all__ = ["normalise_for_search", "search_terms"]
