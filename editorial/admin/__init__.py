"""The admin of all content, one job per module: the page admin, its views, its list filters,
the directory entries (with review), and the editorial records."""

from .. import glossary_admin  # noqa: F401 - the glossary and search synonyms
from . import organisations, pages, records  # noqa: F401 - each registers its admins
