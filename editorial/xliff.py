"""Translation files: everything one language needs, as XLIFF 1.2, out and back in.

Translators work offline in any CAT tool. Each unit records which English it was made from;
a file is checked whole (language, ids, the English version, the Markdown and its links) and
``parse`` returns its words only when every unit is good. This module only reads and writes
the file format; saving the words, with the user's rights and review, is the workflow's
``import_translations``, which calls ``parse``.
"""

import re
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree as SafeElementTree
from django.utils.translation import gettext as _

from orientation.models import OrientationPage
from portal.translation import SOURCE_LANGUAGE, TranslationState, source_field

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
PORTAL_NS = "https://welcome-portal.example/xliff"
LINK = re.compile(r"\]\(([^)\s]+)\)")
RAW_HTML = re.compile(r"<\s*[a-zA-Z!/]")
NEEDS_WORK = {TranslationState.MISSING, TranslationState.OUTDATED}


class TranslationFileError(Exception):
    """The file cannot be imported. ``problems`` lists every reason, one per unit."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(problems))


def pages_needing(language, *, everything=False, pages=None):
    pages = OrientationPage.objects.all() if pages is None else pages
    pages = pages.exclude(state=OrientationPage.State.ARCHIVED).order_by("slug")
    return [page for page in pages if everything or page.translation_status(language) in NEEDS_WORK]


def export(language, *, everything=False, pages=None):
    """The XLIFF document (bytes) for one language, of ``pages`` (default: all) that need it."""
    root = Element("xliff", {"version": "1.2", "xmlns": XLIFF_NS, "xmlns:portal": PORTAL_NS})
    file = SubElement(
        root,
        "file",
        {
            "original": "welcome-portal",
            "source-language": SOURCE_LANGUAGE,
            "target-language": language,
            "datatype": "x-markdown",
        },
    )
    body = SubElement(file, "body")
    for page in pages_needing(language, everything=everything, pages=pages):
        group = SubElement(
            body, "group", {"id": page.slug, "portal:source-version": page.english_version}
        )
        status = page.translation_status(language)
        for field in OrientationPage.text_fields:
            unit = SubElement(group, "trans-unit", {"id": f"{page.slug}/{field}"})
            SubElement(unit, "source", {"xml:lang": SOURCE_LANGUAGE}).text = getattr(
                page, source_field(field)
            )
            existing = getattr(page, f"{field}_{language}") or ""
            target = SubElement(
                unit,
                "target",
                {
                    "xml:lang": language,
                    "state": "needs-review-translation"
                    if status == TranslationState.OUTDATED
                    else "needs-translation",
                },
            )
            target.text = existing
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8")


def _check_markdown(source, target, unit_id):
    problems = []
    if RAW_HTML.search(target):
        problems.append(_("%(unit)s: remove the HTML; use Markdown only.") % {"unit": unit_id})
    if target.count("[") != target.count("]") or target.count("](") != len(LINK.findall(target)):
        problems.append(_("%(unit)s: a link is broken ([text](address)).") % {"unit": unit_id})
    source_links, target_links = set(LINK.findall(source)), set(LINK.findall(target))
    if target_links - source_links:
        problems.append(
            _("%(unit)s: links that are not in the English: %(links)s")
            % {"unit": unit_id, "links": ", ".join(sorted(target_links - source_links))}
        )
    if source_links - target_links:
        problems.append(
            _("%(unit)s: links missing from the translation: %(links)s")
            % {"unit": unit_id, "links": ", ".join(sorted(source_links - target_links))}
        )
    return problems


def not_your_language(language):
    return _("You do not translate into “%(language)s”.") % {"language": language}


def parse(data, language, *, pages=None):
    """Check a file; return {slug: {field: text}} or raise TranslationFileError.

    ``pages`` are the pages the importing user may change; a unit for any other is a problem."""
    try:
        root = SafeElementTree.fromstring(data)
    except Exception as error:
        message = _("This is not an XLIFF file (%(error)s).") % {"error": error}
        raise TranslationFileError([message]) from error
    ns = {"x": XLIFF_NS}
    file = root.find("x:file", ns)
    if root.tag != f"{{{XLIFF_NS}}}xliff" or file is None:
        raise TranslationFileError([_("This is not an XLIFF 1.2 file.")])
    if file.get("target-language") != language:
        raise TranslationFileError(
            [
                _("This file is for “%(found)s”, not “%(expected)s”.")
                % {"found": file.get("target-language"), "expected": language}
            ]
        )
    allowed = None if pages is None else set(pages.values_list("pk", flat=True))
    pages = {page.slug: page for page in OrientationPage.objects.all()}
    problems, texts = [], {}
    for group in file.iterfind("x:body/x:group", ns):
        slug = group.get("id", "")
        page = pages.get(slug)
        if page is None:
            problems.append(_("%(unit)s: no page has this id.") % {"unit": slug})
            continue
        if allowed is not None and page.pk not in allowed:
            problems.append(_("%(unit)s: you may not change this page.") % {"unit": slug})
            continue
        if group.get(f"{{{PORTAL_NS}}}source-version") != page.english_version:
            problems.append(
                _("%(unit)s: the English has changed since this file was made. Export a new file.")
                % {"unit": slug}
            )
            continue
        for unit in group.iterfind("x:trans-unit", ns):
            unit_id = unit.get("id", "")
            field = unit_id.removeprefix(f"{slug}/")
            if field not in OrientationPage.text_fields:
                problems.append(_("%(unit)s: unknown id.") % {"unit": unit_id})
                continue
            target = unit.find("x:target", ns)
            text = (target.text or "").strip() if target is not None else ""
            if not text:
                continue  # left untranslated: nothing to import for this unit
            limit = OrientationPage._meta.get_field(f"{field}_{language}").max_length
            if limit and len(text) > limit:
                problems.append(
                    _("%(unit)s: too long (%(count)s characters; at most %(limit)s).")
                    % {"unit": unit_id, "count": len(text), "limit": limit}
                )
                continue
            problems += _check_markdown(getattr(page, source_field(field)), text, unit_id)
            texts.setdefault(slug, {})[field] = text
    if problems:
        raise TranslationFileError(problems)
    return texts
