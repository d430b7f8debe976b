"""Load a locality's content from its folder of YAML and Markdown files.

Everything is read and checked before anything is written, and the writing happens in one
transaction: a malformed file gives an error that names it, and the database is left as it was.
The layout of the folder is described in content/README.md.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from .models import (
    EmergencyContact,
    Locality,
    MigrationStatus,
    Organisation,
    OrientationPage,
    SourceLink,
    Topic,
    TranslationState,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
TRANSLATION_STATES = {state.value for state in TranslationState}


class ContentError(Exception):
    """A content file is malformed. The message names the file and what is wrong."""

    def __init__(self, path, message):
        self.path = Path(path)
        super().__init__(f"{path}: {message}")


@dataclass
class PageData:
    slug: str
    meta: dict
    texts: dict = field(default_factory=dict)  # language -> {"title", "summary", "body"}
    states: dict = field(default_factory=dict)  # language -> translation state
    source_titles: dict = field(default_factory=dict)  # language -> [title per source]


@dataclass
class LocalityData:
    structure: dict
    texts: dict  # language -> parsed text/<lang>.yml
    pages: list


@dataclass
class LoadReport:
    topics: int = 0
    statuses: int = 0
    organisations: int = 0
    pages: int = 0
    translations: int = 0

    def __str__(self):
        return (
            f"{self.topics} topics, {self.statuses} statuses, {self.organisations} organisations, "
            f"{self.pages} pages and {self.translations} page translations loaded"
        )


def _languages():
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


def _read_yaml(path):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(path, f"is not valid YAML ({error})") from error
    if not isinstance(data, dict):
        raise ContentError(path, "must be a YAML mapping")
    return data


def _require(path, mapping, key, kind=str):
    value = mapping.get(key)
    if value is None or (kind is str and not str(value).strip()):
        raise ContentError(path, f"is missing '{key}'")
    if not isinstance(value, kind):
        raise ContentError(path, f"'{key}' must be a {kind.__name__}")
    return value


def _check_slug(path, slug, what):
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise ContentError(
            path, f"{what} '{slug}' is not a valid slug (lowercase a-z, 0-9, hyphens)"
        )


def _read_markdown(path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(path, "is not UTF-8 text") from error
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(path, "must start with front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise ContentError(path, f"has invalid front matter ({error})") from error
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a YAML mapping")
    body = match.group(2).strip()
    if not body:
        raise ContentError(path, "has no body text")
    return meta, body


def _check_url(path, url):
    try:
        URLValidator(schemes=["https", "http"])(url)
    except ValidationError as error:
        raise ContentError(path, f"'{url}' is not a valid web address") from error


def read_locality(folder):
    """Read and check every file; return the content or raise ContentError."""
    folder = Path(folder)
    structure_path = folder / "locality.yml"
    if not structure_path.is_file():
        raise ContentError(structure_path, "not found")
    structure = _read_yaml(structure_path)
    _check_slug(structure_path, _require(structure_path, structure, "slug"), "locality slug")
    topic_slugs = _read_structure_list(structure_path, structure, "topics", ("slug", "icon"))
    status_slugs = _read_structure_list(structure_path, structure, "statuses", ("slug", "icon"))
    organisation_slugs = _read_structure_list(
        structure_path, structure, "organisations", ("slug", "name")
    )
    emergency_keys = [
        _require(structure_path, item, "key")
        for item in _require(structure_path, structure, "emergency", list)
    ]
    for item in structure["organisations"]:
        if item.get("website"):
            _check_url(structure_path, item["website"])

    texts = {}
    for language in _languages():
        text_path = folder / "text" / f"{language}.yml"
        if not text_path.is_file():
            if language == settings.LANGUAGE_CODE:
                raise ContentError(text_path, "not found: the English text is required")
            continue
        texts[language] = _read_text_file(
            text_path, language, topic_slugs, status_slugs, emergency_keys
        )

    pages_folder = folder / "pages"
    pages = []
    if pages_folder.is_dir():
        for page_folder in sorted(path for path in pages_folder.iterdir() if path.is_dir()):
            pages.append(_read_page(page_folder, topic_slugs, status_slugs, organisation_slugs))
    return LocalityData(structure=structure, texts=texts, pages=pages)


def _read_structure_list(path, structure, key, required):
    items = _require(path, structure, key, list)
    slugs = []
    for item in items:
        if not isinstance(item, dict):
            raise ContentError(path, f"each entry of '{key}' must be a mapping")
        for name in required:
            _require(path, item, name)
        _check_slug(path, item["slug"], key[:-1] if key != "statuses" else "status")
        if item["slug"] in slugs:
            raise ContentError(path, f"'{item['slug']}' appears twice in '{key}'")
        slugs.append(item["slug"])
    return slugs


def _read_text_file(path, language, topic_slugs, status_slugs, emergency_keys):
    data = _read_yaml(path)
    state = data.get("translation", TranslationState.REVIEWED)
    if state not in TRANSLATION_STATES:
        raise ContentError(path, f"'translation' must be one of {sorted(TRANSLATION_STATES)}")
    is_source = language == settings.LANGUAGE_CODE
    for key in ("locality_name", "home", "topics", "statuses", "emergency"):
        if is_source:
            _require(path, data, key, str if key == "locality_name" else dict)
    for slug in data.get("topics", {}) or {}:
        if slug not in topic_slugs:
            raise ContentError(path, f"topic '{slug}' is not in locality.yml")
    for slug in data.get("statuses", {}) or {}:
        if slug not in status_slugs:
            raise ContentError(path, f"status '{slug}' is not in locality.yml")
    for key in data.get("emergency", {}) or {}:
        if key not in emergency_keys:
            raise ContentError(path, f"emergency number '{key}' is not in locality.yml")
    if is_source:
        _require(path, data["home"], "heading")
        for slug in topic_slugs:
            if slug not in data["topics"]:
                raise ContentError(path, f"topic '{slug}' has no text")
            _require(path, data["topics"][slug], "name")
        for slug in status_slugs:
            if slug not in data["statuses"]:
                raise ContentError(path, f"status '{slug}' has no text")
            _require(path, data["statuses"][slug], "name")
            _require(path, data["statuses"][slug], "label")
        for key in emergency_keys:
            if key not in data["emergency"]:
                raise ContentError(path, f"emergency number '{key}' has no label")
    data["translation"] = state
    return data


def _read_page(folder, topic_slugs, status_slugs, organisation_slugs):
    slug = folder.name
    _check_slug(folder, slug, "page folder")
    source_path = folder / f"{settings.LANGUAGE_CODE}.md"
    if not source_path.is_file():
        raise ContentError(source_path, "not found: every page needs its English source")
    meta, body = _read_markdown(source_path)
    page = PageData(slug=slug, meta=meta)
    page.texts[settings.LANGUAGE_CODE] = {
        "title": str(_require(source_path, meta, "title")),
        "summary": str(_require(source_path, meta, "summary")),
        "body": body,
    }
    topics = _require(source_path, meta, "topics", list)
    if not topics:
        raise ContentError(source_path, "needs at least one topic")
    for topic in topics:
        if topic not in topic_slugs:
            raise ContentError(source_path, f"topic '{topic}' is not in locality.yml")
    for status in meta.get("statuses") or []:
        if status not in status_slugs:
            raise ContentError(source_path, f"status '{status}' is not in locality.yml")
    organisation = _require(source_path, meta, "organisation")
    if organisation not in organisation_slugs:
        raise ContentError(source_path, f"organisation '{organisation}' is not in locality.yml")
    if not isinstance(_require(source_path, meta, "last_checked", object), datetime.date):
        raise ContentError(source_path, "'last_checked' must be a date like 2026-11-20")
    sources = _require(source_path, meta, "sources", list)
    if not sources:
        raise ContentError(source_path, "needs at least one official source")
    for source in sources:
        if not isinstance(source, dict):
            raise ContentError(source_path, "each source needs a title and a url")
        _require(source_path, source, "title")
        _check_url(source_path, _require(source_path, source, "url"))

    for language in _languages():
        if language == settings.LANGUAGE_CODE:
            continue
        path = folder / f"{language}.md"
        if not path.is_file():
            continue
        translation_meta, translation_body = _read_markdown(path)
        state = translation_meta.get("translation", TranslationState.DRAFT)
        if state not in TRANSLATION_STATES:
            raise ContentError(path, f"'translation' must be one of {sorted(TRANSLATION_STATES)}")
        page.texts[language] = {
            "title": str(_require(path, translation_meta, "title")),
            "summary": str(_require(path, translation_meta, "summary")),
            "body": translation_body,
        }
        page.states[language] = state
        source_titles = translation_meta.get("source_titles") or []
        if not isinstance(source_titles, list) or len(source_titles) > len(sources):
            raise ContentError(path, "'source_titles' must list at most one title per source")
        page.source_titles[language] = [str(title) for title in source_titles]
    unknown = sorted(
        path.name
        for path in folder.iterdir()
        if path.suffix == ".md" and path.stem not in _languages()
    )
    if unknown:
        raise ContentError(folder / unknown[0], "is not named after a portal language")
    return page


@transaction.atomic
def load_locality(folder):
    """Check the folder, then create or update everything in it. Returns a LoadReport."""
    data = read_locality(folder)
    report = LoadReport()
    structure, texts = data.structure, data.texts

    def text_for(language, *keys):
        value = texts.get(language, {})
        for key in keys:
            value = (value or {}).get(key) if isinstance(value, dict) else None
        return value or ""

    locality, _ = Locality.objects.get_or_create(
        slug=structure["slug"], defaults={"name": text_for("en", "locality_name")}
    )
    Locality.objects.exclude(pk=locality.pk).delete()
    for language in _languages():
        setattr(locality, f"name_{language}", text_for(language, "locality_name"))
        setattr(locality, f"heading_{language}", text_for(language, "home", "heading"))
        setattr(locality, f"intro_{language}", text_for(language, "home", "intro"))
    locality.translation_states = _text_states(texts)
    locality.save()

    for order, item in enumerate(structure["emergency"]):
        contact, _ = EmergencyContact.objects.update_or_create(
            key=item["key"], defaults={"number": str(item["number"]), "order": order}
        )
        for language in _languages():
            setattr(contact, f"label_{language}", text_for(language, "emergency", item["key"]))
        contact.save()
    emergency_keys = [item["key"] for item in structure["emergency"]]
    EmergencyContact.objects.exclude(key__in=emergency_keys).delete()

    for order, item in enumerate(structure["topics"]):
        topic, _ = Topic.objects.update_or_create(
            slug=item["slug"], defaults={"icon": item["icon"], "order": order}
        )
        for language in _languages():
            setattr(topic, f"name_{language}", text_for(language, "topics", item["slug"], "name"))
            setattr(
                topic, f"summary_{language}", text_for(language, "topics", item["slug"], "summary")
            )
        topic.save()
        report.topics += 1

    for order, item in enumerate(structure["statuses"]):
        status, _ = MigrationStatus.objects.update_or_create(
            slug=item["slug"], defaults={"icon": item["icon"], "order": order}
        )
        for language in _languages():
            for name in ("name", "label", "description"):
                setattr(
                    status, f"{name}_{language}", text_for(language, "statuses", item["slug"], name)
                )
        status.save()
        report.statuses += 1

    for item in structure["organisations"]:
        Organisation.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "website": item.get("website", ""),
                "phone": str(item.get("phone", "")),
            },
        )
        report.organisations += 1

    topics = {topic.slug: topic for topic in Topic.objects.all()}
    statuses = {status.slug: status for status in MigrationStatus.objects.all()}
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    for page_data in data.pages:
        _save_page(page_data, topics, statuses, organisations)
        report.pages += 1
        report.translations += len(page_data.texts) - 1
    return report


def _text_states(texts):
    return {
        language: text["translation"]
        for language, text in texts.items()
        if language != settings.LANGUAGE_CODE
    }


def _save_page(page_data, topics, statuses, organisations):
    meta = page_data.meta
    page = OrientationPage.objects.filter(slug=page_data.slug).first() or OrientationPage(
        slug=page_data.slug
    )
    for language in _languages():
        text = page_data.texts.get(language, {})
        for name in ("title", "summary", "body"):
            setattr(page, f"{name}_{language}", text.get(name, ""))
    page.organisation = organisations[meta["organisation"]]
    page.last_checked = meta["last_checked"]
    page.review_by = meta.get("review_by")
    page.state = OrientationPage.State.PUBLISHED
    page.translation_states = dict(page_data.states)
    page.full_clean(exclude=["topics", "statuses", "tags", "review_by"])
    page.save()
    page.topics.set([topics[slug] for slug in meta["topics"]])
    page.statuses.set([statuses[slug] for slug in meta.get("statuses") or []])
    page.tags.set([str(tag) for tag in meta.get("tags") or []])
    page.sources.all().delete()
    links = []
    for order, source in enumerate(meta["sources"]):
        link = SourceLink(page=page, title_en=source["title"], url=source["url"], order=order)
        for language, titles in page_data.source_titles.items():
            if order < len(titles):
                setattr(link, f"title_{language}", titles[order])
        links.append(link)
    SourceLink.objects.bulk_create(links)
