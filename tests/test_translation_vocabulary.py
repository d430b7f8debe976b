"""One vocabulary for translation: one source language, one list of translated fields per
model, one rule for "has text in this language", one translation state."""

import ast
import re
from itertools import pairwise
from pathlib import Path

import pytest
from django.conf import settings

from directory.models import BankHoliday, Closure, Organisation
from orientation.glossary import GlossaryTerm
from orientation.models import MigrationStatus, OrientationPage, PageImage, SourceLink, Topic
from portal.translation import (
    SOURCE_LANGUAGE,
    STATUSES,
    TranslationState,
    has_text,
    source_field,
)
from tests.factories import OrientationPageFactory
from videos.models import WelcomeVideo


def test_the_source_language_has_one_name():
    assert settings.LANGUAGE_CODE == SOURCE_LANGUAGE
    assert settings.MODELTRANSLATION_DEFAULT_LANGUAGE == SOURCE_LANGUAGE
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES == (SOURCE_LANGUAGE,)


@pytest.mark.parametrize("value", [None, ""])
def test_null_and_empty_are_both_no_text(value):
    assert not has_text(value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "body", "translated"),
    [(None, None, False), ("", "", False), ("عنوان", None, False), ("عنوان", "نص", True)],
)
def test_python_and_the_database_agree_on_what_is_translated(locality, title, body, translated):
    page = OrientationPageFactory(title_ar=title, body_ar=body)
    page.refresh_from_db()
    assert page.has_translation("ar") is translated
    in_database = OrientationPage.objects.filter(OrientationPage.translated_into("ar"))
    assert in_database.filter(pk=page.pk).exists() is translated


def test_pages_terms_organisations_and_videos_share_one_translation_state():
    stored = {value for value, _label in WelcomeVideo._meta.get_field("transcript_state").choices}
    assert stored <= set(TranslationState.values)
    assert {state.value for state in STATUSES} == {"missing", "draft", "outdated", "current"}
    for model in (OrientationPage, GlossaryTerm, Organisation):
        assert model._meta.get_field("translation_states")
        assert set(model.required_text_fields) <= set(model.text_fields)


@pytest.mark.parametrize(
    ("model", "name"),
    [
        *((OrientationPage, name) for name in OrientationPage.text_fields),
        *((GlossaryTerm, name) for name in GlossaryTerm.text_fields),
        *((Organisation, name) for name in Organisation.text_fields),
        # The columns app code names one at a time: slug prefill, report labels, the revision
        # diff's sources and pictures, the loaders' closures and bank holidays.
        (Topic, "name"),
        (MigrationStatus, "name"),
        (SourceLink, "title"),
        (PageImage, "alt"),
        (Closure, "note"),
        (BankHoliday, "name"),
    ],
)
def test_source_field_names_the_column_of_the_source_text(model, name):
    column = model._meta.get_field(source_field(name))
    assert column.name == f"{name}_{SOURCE_LANGUAGE}"


# The source language spelled out in app code: a column of its text ("title_en", an f-string's
# "_en", a keyword such as note_en=, an attribute such as page.title_en) or the code itself ("en",
# "en.md", "en-GB"). App code says SOURCE_LANGUAGE and source_field instead, and builds no source
# column of its own (f"{field}_{SOURCE_LANGUAGE}"): source_field is the one place that does.
SOURCE_COLUMN = re.compile(rf"_{SOURCE_LANGUAGE}(?![A-Za-z0-9])")
SOURCE_CODE = re.compile(rf"^{SOURCE_LANGUAGE}(?:[-_.]|$)", re.IGNORECASE)

ROOT = Path(__file__).resolve().parent.parent
# Not app code: the tests, and the tools in scripts/ run by hand. The settings take
# LANGUAGE_CODE and MODELTRANSLATION_DEFAULT_LANGUAGE from SOURCE_LANGUAGE, and
# portal/languages.py is where the code is written, once.
NOT_SCANNED_PACKAGES = {"tests", "scripts"}
NOT_SCANNED_PATHS = {"portal/languages.py"}

# Where the literal stays, by (file, literal): each means English the language, whatever the
# portal translates from, never "the source text".
ALLOWED = {
    # The languages an agency's staff speak; English is one of them.
    ("directory/spoken_languages.py", SOURCE_LANGUAGE),
    # The made-up demo counts: the share of readers who choose to read in English.
    ("insights/synthetic.py", SOURCE_LANGUAGE),
    # PostgreSQL's stemmer for text in English (the same mapping is frozen into a migration).
    ("orientation/search/backends.py", SOURCE_LANGUAGE),
    # source_field itself, the one place that builds a source column.
    ("portal/translation.py", "{name}_{SOURCE_LANGUAGE}"),
    # PENDING, not English-as-a-choice: the English stand-in titles of the search index are the
    # source column spelled out. orientation/search is another session's at the time of writing;
    # it should say getattr(page, source_field("title")) and drop these two entries.
    ("orientation/search/index.py", f"title_{SOURCE_LANGUAGE}"),
    ("orientation/search/index.py", f"term_{SOURCE_LANGUAGE}"),
}


def docstring_nodes(tree):
    """Docstrings are prose about the code, and may name a column to explain it."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(first.value)
    return found


def built_source_column(node):
    """``f"{field}_{SOURCE_LANGUAGE}"`` as written ("{field}_{SOURCE_LANGUAGE}"), or None."""
    parts = node.values
    for before, after in pairwise(parts):
        if (
            isinstance(before, ast.Constant)
            and str(before.value).endswith("_")
            and isinstance(after, ast.FormattedValue)
            and isinstance(after.value, ast.Name)
            and after.value.id == "SOURCE_LANGUAGE"
        ):
            return "".join(
                part.value if isinstance(part, ast.Constant) else f"{{{ast.unparse(part.value)}}}"
                for part in parts
            )
    return None


def source_language_literals(source):
    """(line, literal) for each string constant, keyword argument and attribute name in
    ``source`` that spells out the source language or one of its columns, and each f-string
    that builds a source column by hand."""
    tree = ast.parse(source)
    prose = docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and built_source_column(node):
            yield node.lineno, built_source_column(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node not in prose:
            if SOURCE_COLUMN.search(node.value) or SOURCE_CODE.match(node.value):
                yield node.lineno, node.value
        elif isinstance(node, ast.Attribute) and SOURCE_COLUMN.search(node.attr):
            yield node.lineno, node.attr
        elif isinstance(node, ast.keyword) and node.arg and SOURCE_COLUMN.search(node.arg):
            yield node.value.lineno, node.arg


def app_modules():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - NOT_SCANNED_PACKAGES
    for package in sorted(packages):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if {"migrations", "settings"} & set(relative.parts):
                continue
            if relative.as_posix() not in NOT_SCANNED_PATHS:
                yield relative.as_posix(), path


def test_the_walk_finds_the_source_language_spelled_out():
    source = f"""
def view(page, field, language):
    \"\"\"Sorts by title_{SOURCE_LANGUAGE}, which a docstring may name.\"\"\"
    page.title_{SOURCE_LANGUAGE}
    Closure(note_{SOURCE_LANGUAGE}="shut")
    search_fields = ("page__title_{SOURCE_LANGUAGE}__icontains", "token_enabled", "open")
    column = f"{{field}}_{SOURCE_LANGUAGE}"
    english = language == "{SOURCE_LANGUAGE}"
    path = "{SOURCE_LANGUAGE}.md"
    entry, screen_entry = "entry", page.screen_entry
    built = f"{{field}}_{{SOURCE_LANGUAGE}}"
    label = f"{{field}} in {{SOURCE_LANGUAGE}}"
"""
    assert [text for _line, text in sorted(source_language_literals(source))] == [
        f"title_{SOURCE_LANGUAGE}",
        f"note_{SOURCE_LANGUAGE}",
        f"page__title_{SOURCE_LANGUAGE}__icontains",
        f"_{SOURCE_LANGUAGE}",
        SOURCE_LANGUAGE,
        f"{SOURCE_LANGUAGE}.md",
        "{field}_{SOURCE_LANGUAGE}",
    ]


def test_app_code_names_the_source_language_only_through_the_vocabulary():
    found = {}
    for name, path in app_modules():
        for line, text in source_language_literals(path.read_text()):
            found.setdefault((name, text), []).append(line)
    spelled_out = [
        f"{name}:{line}: {text!r}"
        for (name, text), lines in sorted(found.items())
        if (name, text) not in ALLOWED
        for line in lines
    ]
    assert not spelled_out, (
        "Say SOURCE_LANGUAGE or source_field(...) (portal.translation), or, where the code "
        "means English as a reader's or a speaker's language, add it to ALLOWED with why:\n"
        + "\n".join(spelled_out)
    )
    stale = sorted(ALLOWED - set(found))
    assert not stale, f"Allowed literals no longer in the code; remove them from ALLOWED: {stale}"
