"""Reading and saving a locality's glossary/<lang>.yml and synonyms/<lang>.yml (content/README.md).

Like the rest of the loader, everything is read and checked before anything is written.
"""

from dataclasses import dataclass, field

from portal.content_files import TRANSLATION_STATES, ContentError, check_slug, languages, read_yaml
from portal.translation import SOURCE_LANGUAGE, TranslationState

from .glossary import GlossaryTerm
from .models import OrientationPage
from .search.models import SearchSynonym

TERM_KEYS = {"term", "also", "explanation", "page"}


@dataclass
class GlossaryData:
    terms: dict = field(default_factory=dict)  # slug -> {"page", "order", "texts": {lang: {...}}}
    states: dict = field(default_factory=dict)  # language -> translation state
    synonyms: dict = field(default_factory=dict)  # language -> [[phrase, ...], ...]
    # A folder without glossary/en.yml leaves the glossary as it is, as first steps do.
    has_terms_file: bool = False


def read_glossary(folder, page_slugs):
    data = GlossaryData()
    glossary_folder = folder / "glossary"
    english_path = glossary_folder / f"{SOURCE_LANGUAGE}.yml"
    if english_path.is_file():
        data.has_terms_file = True
        _read_terms(english_path, SOURCE_LANGUAGE, data, page_slugs)
        for language in languages():
            path = glossary_folder / f"{language}.yml"
            if language != SOURCE_LANGUAGE and path.is_file():
                _read_terms(path, language, data, page_slugs)
    for language in languages():
        path = folder / "synonyms" / f"{language}.yml"
        if path.is_file():
            data.synonyms[language] = _read_synonyms(path)
    return data


def _read_terms(path, language, data, page_slugs):
    content = read_yaml(path)
    if not isinstance(content, dict) or not isinstance(content.get("terms"), dict):
        raise ContentError(path, "must have a 'terms' mapping of slug to term")
    state = content.get("translation", TranslationState.REVIEWED)
    if state not in TRANSLATION_STATES:
        raise ContentError(path, f"translation must be one of {sorted(TRANSLATION_STATES)}")
    data.states[language] = state
    english = language == SOURCE_LANGUAGE
    for order, (slug, item) in enumerate(content["terms"].items()):
        check_slug(path, slug, "glossary term")
        if not isinstance(item, dict):
            raise ContentError(path, f"term '{slug}' must be a mapping")
        unknown = set(item) - TERM_KEYS
        if unknown:
            raise ContentError(path, f"term '{slug}' has unknown keys: {sorted(unknown)}")
        for key in ("term", "explanation"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ContentError(path, f"term '{slug}' is missing '{key}'")
        also = item.get("also") or []
        if not isinstance(also, list) or not all(isinstance(form, str) for form in also):
            raise ContentError(path, f"'also' of term '{slug}' must be a list of words")
        if english:
            page = item.get("page") or ""
            if page and page not in page_slugs:
                raise ContentError(path, f"term '{slug}' links to page '{page}', not in pages/")
            data.terms[slug] = {"page": page, "order": order, "texts": {}}
        elif slug not in data.terms:
            raise ContentError(path, f"term '{slug}' is not in the English glossary")
        data.terms[slug]["texts"][language] = {
            "term": item["term"].strip(),
            "also_known_as": ", ".join(form.strip() for form in also if form.strip()),
            "explanation": item["explanation"].strip(),
        }


def _read_synonyms(path):
    content = read_yaml(path)
    groups = content.get("groups") if isinstance(content, dict) else None
    if not isinstance(groups, list):
        raise ContentError(path, "must have a 'groups' list")
    for group in groups:
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(word, str | int) and str(word).strip() for word in group)
        ):
            raise ContentError(path, f"each group must list two or more words: {group!r}")
        if any("," in str(word) for word in group):
            raise ContentError(path, f"a word must not hold a comma: {group!r}")
    return [[str(word).strip() for word in group] for group in groups]


def save_glossary(data):
    """Create or update the terms (published, as the files are the locality's reviewed source),
    delete the terms earlier files made that these no longer hold, and replace the synonyms of
    each language that has a file. Returns the number of terms."""
    pages = dict(OrientationPage.objects.values_list("slug", "pk"))
    if data.has_terms_file:
        # One by one, so that each leaves the search index and the linked forms (signals).
        for removed in GlossaryTerm.objects.filter(from_content_files=True).exclude(
            slug__in=data.terms
        ):
            removed.delete()
    for slug, item in data.terms.items():
        term = GlossaryTerm.objects.filter(slug=slug).first() or GlossaryTerm(slug=slug)
        for language in languages():
            texts = item["texts"].get(language, {})
            for name in ("term", "also_known_as", "explanation"):
                setattr(term, f"{name}_{language}", texts.get(name, ""))
        term.page_id = pages.get(item["page"])
        term.order = item["order"]
        term.state = GlossaryTerm.State.PUBLISHED
        term.from_content_files = True
        term.english_version = term.compute_english_version()
        term.translation_states = {
            language: data.states[language]
            for language in item["texts"]
            if language != SOURCE_LANGUAGE
        }
        term.translation_versions = {}
        for language in item["texts"]:
            if language != SOURCE_LANGUAGE:
                term.mark_translated(language)
        term.save()
    for language, groups in data.synonyms.items():
        SearchSynonym.objects.filter(language=language).delete()
        SearchSynonym.objects.bulk_create(
            SearchSynonym(language=language, words=", ".join(group)) for group in groups
        )
    if data.synonyms:
        # bulk_create sends no signal: forget the cached synonyms here.
        from .search.query import forget_synonyms

        forget_synonyms()
    return len(data.terms)
