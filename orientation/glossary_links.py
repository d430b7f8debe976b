"""The glossary step of rendering a page body: the first use of each glossary term links to it.

It runs on the sanitised HTML as the page is shown, in the reader's language, so that a term
added or changed in the admin is linked on every page at once without saving the pages again.
The link carries the plain explanation as its title, and goes to the term on the glossary page.
Text inside links, headings and code is left alone, and so is a term inside a longer proper
name: "council" in "Birmingham City Council" is that council's name, not the glossary's word, and
"refugee" in "Refugee and Migrant Centre" is part of an organisation's name in the directory.
Only text between tags is touched, and the only markup added is our own link with escaped
attributes.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape

from portal.translation import SOURCE_LANGUAGE

CACHE_KEY = "glossary:link-forms"
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_LEFT_ALONE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr"}
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\S+)")
# What may come just before the first word of a sentence or a list item.
_SENTENCE_OPENERS = ".!?:;…([\"“‘'«—–-•"
_TRAILING_PUNCTUATION = ".,;:!?)]\"”’'»…"


def _link_data():
    """What linking needs, read from the cache in one round trip, and kept there until a term or
    an organisation changes: the forms of every published term per language, and the names of
    the organisations (written the same in every language)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = {"forms": _forms_by_language(), "names": _organisation_names()}
        cache.set(CACHE_KEY, found, timeout=None)
    return found


def _forms_by_language():
    """{language: [(form, slug, explanation)]} for every published term. A term not yet
    translated is linked by its English forms, with its English words."""
    from .glossary import GlossaryTerm

    terms = list(GlossaryTerm.objects.published())
    found = {}
    for code in settings.MODELTRANSLATION_LANGUAGES:
        entries = []
        for term in terms:
            language = code if term.has_translation(code) else SOURCE_LANGUAGE
            explanation = getattr(term, f"explanation_{language}", "") or ""
            entries.extend((form, term.slug, explanation) for form in term.forms_in(language))
            if language != SOURCE_LANGUAGE:
                # Translations keep UK words in English ("پزشک عمومی (GP)"): link those too.
                english = term.forms_in(SOURCE_LANGUAGE)
                entries.extend((form, term.slug, explanation) for form in english)
        found[code] = entries
    return found


def _organisation_names():
    """A regular expression (as text) matching any organisation's name, or ""."""
    from django.apps import apps

    # A string reference: orientation never imports the directory.
    organisations = apps.get_model("directory", "Organisation").objects
    names = sorted(
        {escape(name) for name in organisations.values_list("name", flat=True) if name},
        key=len,
        reverse=True,
    )
    return "|".join(re.escape(name) for name in names)


def forget_forms():
    cache.delete(CACHE_KEY)


def _pattern(entries):
    forms = sorted({escape(form) for form, _slug, _explanation in entries}, key=len, reverse=True)
    if not forms:
        return None
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w&])({alternatives})(?![\w])", re.IGNORECASE)


def _is_name_word(word):
    """A word in title case, as the words of a name are ("City", "Birmingham"); an acronym
    ("NHS" in "an NHS GP") qualifies a term rather than naming something else."""
    return word[:1].isupper() and any(letter.islower() for letter in word[1:])


def _inside_a_proper_name(match):
    """Whether a capitalised term joins a title-case word on either side, with nothing but a
    space between: "Birmingham City Council", "Legal Aid Agency". A word that begins a
    sentence does not count ("Your GP can help" links), and neither does one across
    punctuation ("your ARC (Application Registration Card)")."""
    if not match.group(1)[:1].isupper():
        return False  # "Jobcentre work coach": a name is capitalised throughout
    text = match.string
    after = _WORD_AFTER.match(text, match.end())
    after_word = after.group(1) if after else ""
    if after_word[:1].isalpha() and _is_name_word(after_word.rstrip(_TRAILING_PUNCTUATION)):
        return True
    before = _WORD_BEFORE.search(text, max(match.start() - 100, 0), match.start())
    if not before or not before.group(1)[-1:].isalpha():
        return False
    if not _is_name_word(before.group(1).lstrip(_SENTENCE_OPENERS)):
        return False
    opening = text[: before.start()].rstrip()
    return bool(opening) and not opening.endswith(tuple(_SENTENCE_OPENERS))


def link_glossary_terms(html, language):
    """``html`` with the first use of each glossary term linked to its explanation."""
    data = _link_data()
    entries = data["forms"].get(language, [])
    pattern = _pattern(entries)
    if not html or pattern is None:
        return html
    by_form = {}
    for form, slug, explanation in entries:
        by_form.setdefault(escape(form).casefold(), (form, slug, explanation))
    glossary_url = reverse("orientation:glossary")
    names = re.compile(rf"(?<!\w)(?:{data['names']})(?!\w)") if data["names"] else None
    linked = set()
    open_tags = []
    in_names = []  # the spans of organisation names in the text being linked

    def replace(match):
        text = match.group(1)
        form, slug, explanation = by_form[text.casefold()]
        # "GP" or "ARC" are names only in capitals: "arc" in a sentence is another word.
        if form.isupper() and text != escape(form):
            return text
        if slug in linked or _inside_a_proper_name(match):
            return text
        if any(start < match.end() and match.start() < end for start, end in in_names):
            return text
        linked.add(slug)
        return (
            f'<a class="glossary-link" href="{glossary_url}#term-{escape(slug)}" '
            f'title="{escape(explanation)}">{text}</a>'
        )

    parts = _TAG_OR_TEXT.split(html)
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            if name and name.group(1).lower() in _LEFT_ALONE:
                if part.startswith("</"):
                    if open_tags:
                        open_tags.pop()
                elif not part.endswith("/>"):
                    open_tags.append(name.group(1).lower())
        elif part and not open_tags:
            in_names[:] = [name.span() for name in names.finditer(part)] if names else []
            parts[index] = pattern.sub(replace, part)
    return "".join(parts)
