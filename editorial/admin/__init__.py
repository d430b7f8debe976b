"""The admin of all content, one job per module: the page admin, its views, its list filters,
the directory entries (with review), and the editorial records."""

from importlib.util import find_spec

from . import organisations, pages, records  # noqa: F401 - each registers its admins

# The glossary's admin lives beside the workflow's; load it when that module is present.
if find_spec("editorial.glossary_admin") is not None:
    from .. import glossary_admin  # noqa: F401
