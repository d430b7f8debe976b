"""Load a locality's content from its folder of YAML and Markdown files.

Everything is read and checked before anything is written, and the writing happens in one
transaction: a malformed file gives an error that names it, and the database is left as it was.
The layout of the folder is described in content/README.md.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.content_files import (
    TRANSLATION_STATES,
    ContentError,
    check_fits,
    check_slug,
    check_url,
    languages,
    read_markdown,
    read_yaml,
    require,
)
from portal.translation import SOURCE_LANGUAGE, TranslationState, source_field

from .glossary_loader import read_glossary, save_glossary
from .models import (
    EmergencyContact,
    FirstStep,
    Locality,
    MigrationStatus,
    OrientationPage,
    SourceLink,
    Topic,
)

__all__ = ["ContentError", "load_locality", "read_locality"]


@dataclass
class PageData:
    slug: str
    meta: dict
    texts: dict = field(default_factory=dict)  # language -> {field: text}, text_fields
    states: dict = field(default_factory=dict)  # language -> translation state
    source_titles: dict = field(default_factory=dict)  # language -> [title per source]


@dataclass
class LocalityData:
    structure: dict
    texts: dict  # language -> parsed text/<lang>.yml
    pages: list
    organisations: dict  # slug -> directory.loader.OrganisationData
    bank_holidays: list
    videos: list  # videos.loader.VideoData


# The note on the revision the loader records for each page it creates or changes.
LOADED_NOTE = "loaded from the content files"


@dataclass
class LoadReport:
    topics: int = 0
    statuses: int = 0
    organisations: int = 0
    pages: int = 0  # pages in the files
    translations: int = 0
    videos: int = 0
    created: list = field(default_factory=list)  # slugs of the pages made from their files
    updated: list = field(default_factory=list)  # ...changed to what their files now say
    unchanged: int = 0  # pages whose files say what the page already says
    # Pages the files did not change because an editor has: changed in the admin since the
    # last load, archived, or made there in the first place.
    skipped: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.topics} topics, {self.statuses} statuses, {self.organisations} organisations, "
            f"{self.pages} pages ({len(self.created)} new, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.skipped)} left to the admin), "
            f"{self.translations} page translations and {self.videos} welcome videos loaded"
        )

    @property
    def changed_pages(self):
        """The slugs of the pages this load wrote, for their revisions."""
        return [*self.created, *self.updated]


def read_locality(folder, *, directory_loader, video_loader):
    """Read and check every file; return the content or raise ContentError.

    ``directory_loader`` and ``video_loader`` read the organisations and the welcome videos of
    the same folder; ``welcome.locality`` hands them in, so orientation imports neither.
    """
    folder = Path(folder)
    structure_path = folder / "locality.yml"
    if not structure_path.is_file():
        raise ContentError(structure_path, "not found")
    structure = read_yaml(structure_path)
    check_slug(structure_path, require(structure_path, structure, "slug"), "locality slug")
    topic_slugs = _read_structure_list(structure_path, structure, "topics", ("slug", "icon"))
    status_slugs = _read_structure_list(structure_path, structure, "statuses", ("slug", "icon"))
    organisations = directory_loader.read_organisations(
        folder, structure_path, structure, topic_slugs, status_slugs
    )
    bank_holidays = directory_loader.read_bank_holidays(structure_path, structure)
    emergency_keys = [
        require(structure_path, item, "key")
        for item in require(structure_path, structure, "emergency", list)
    ]

    texts = {}
    for language in languages():
        text_path = folder / "text" / f"{language}.yml"
        if not text_path.is_file():
            if language == SOURCE_LANGUAGE:
                raise ContentError(text_path, "not found: the English text is required")
            continue
        texts[language] = _read_text_file(
            text_path, language, topic_slugs, status_slugs, emergency_keys
        )

    directory_loader.check_holiday_names(folder, bank_holidays, texts)

    pages_folder = folder / "pages"
    pages = []
    if pages_folder.is_dir():
        for page_folder in sorted(path for path in pages_folder.iterdir() if path.is_dir()):
            pages.append(_read_page(page_folder, topic_slugs, status_slugs, set(organisations)))
    _check_first_steps(structure_path, structure, {page.slug for page in pages})
    return LocalityData(
        structure=structure,
        texts=texts,
        pages=pages,
        organisations=organisations,
        bank_holidays=bank_holidays,
        videos=video_loader.read_videos(folder),
    )


def _read_structure_list(path, structure, key, required):
    items = require(path, structure, key, list)
    slugs = []
    for item in items:
        if not isinstance(item, dict):
            raise ContentError(path, f"each entry of '{key}' must be a mapping")
        for name in required:
            require(path, item, name)
        check_slug(path, item["slug"], key[:-1] if key != "statuses" else "status")
        if item["slug"] in slugs:
            raise ContentError(path, f"'{item['slug']}' appears twice in '{key}'")
        slugs.append(item["slug"])
    return slugs


def _check_first_steps(path, structure, page_slugs):
    """Each status's `first_steps` must be a list of this folder's pages, each named once."""
    for status in structure["statuses"]:
        if "first_steps" not in status:
            continue
        steps = status["first_steps"]
        if not isinstance(steps, list):
            raise ContentError(path, f"'first_steps' of '{status['slug']}' must be a list")
        for slug in steps:
            if slug not in page_slugs:
                raise ContentError(
                    path, f"first step '{slug}' of '{status['slug']}' is not a page in pages/"
                )
        if len(set(steps)) != len(steps):
            raise ContentError(path, f"'first_steps' of '{status['slug']}' names a page twice")


def _read_text_file(path, language, topic_slugs, status_slugs, emergency_keys):
    data = read_yaml(path)
    state = data.get("translation", TranslationState.REVIEWED)
    if state not in TRANSLATION_STATES:
        raise ContentError(path, f"'translation' must be one of {sorted(TRANSLATION_STATES)}")
    is_source = language == SOURCE_LANGUAGE
    for key in ("locality_name", "home", "topics", "statuses", "emergency"):
        if is_source:
            require(path, data, key, str if key == "locality_name" else dict)
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
        require(path, data["home"], "heading")
        for slug in topic_slugs:
            if slug not in data["topics"]:
                raise ContentError(path, f"topic '{slug}' has no text")
            require(path, data["topics"][slug], "name")
        for slug in status_slugs:
            if slug not in data["statuses"]:
                raise ContentError(path, f"status '{slug}' has no text")
            require(path, data["statuses"][slug], "name")
            require(path, data["statuses"][slug], "label")
        for key in emergency_keys:
            if key not in data["emergency"]:
                raise ContentError(path, f"emergency number '{key}' has no label")
    data["translation"] = state
    return data


def _read_page(folder, topic_slugs, status_slugs, organisation_slugs):
    slug = folder.name
    check_slug(folder, slug, "page folder")
    source_path = folder / f"{SOURCE_LANGUAGE}.md"
    if not source_path.is_file():
        raise ContentError(source_path, "not found: every page needs its English source")
    meta, body = read_markdown(source_path)
    page = PageData(slug=slug, meta=meta)
    page.texts[SOURCE_LANGUAGE] = {
        "title": str(require(source_path, meta, "title")),
        "summary": str(require(source_path, meta, "summary")),
        "body": body,
    }
    topics = require(source_path, meta, "topics", list)
    if not topics:
        raise ContentError(source_path, "needs at least one topic")
    for topic in topics:
        if topic not in topic_slugs:
            raise ContentError(source_path, f"topic '{topic}' is not in locality.yml")
    for status in meta.get("statuses") or []:
        if status not in status_slugs:
            raise ContentError(source_path, f"status '{status}' is not in locality.yml")
    organisation = require(source_path, meta, "organisation")
    for slug in [organisation, *(meta.get("agencies") or [])]:
        if slug not in organisation_slugs:
            raise ContentError(source_path, f"organisation '{slug}' is not in this locality")
    last_checked = require(source_path, meta, "last_checked", object)
    if not isinstance(last_checked, datetime.date):
        raise ContentError(source_path, "'last_checked' must be a date like 2026-11-20")
    # The day a person checked the page against its sources: a day to come cannot be true.
    if last_checked > timezone.localdate():
        raise ContentError(source_path, "'last_checked' is in the future")
    meta["to_confirm"] = _read_to_confirm(source_path, meta.get("to_confirm"))
    sources = require(source_path, meta, "sources", list)
    if not sources:
        raise ContentError(source_path, "needs at least one official source")
    for source in sources:
        if not isinstance(source, dict):
            raise ContentError(source_path, "each source needs a title and a url")
        require(source_path, source, "title")
        check_url(source_path, require(source_path, source, "url"))
        check_fits(source_path, SourceLink, {"title": str(source["title"]), "url": source["url"]})
    check_fits(source_path, OrientationPage, page.texts[SOURCE_LANGUAGE])

    for language in languages():
        if language == SOURCE_LANGUAGE:
            continue
        path = folder / f"{language}.md"
        if not path.is_file():
            continue
        translation_meta, translation_body = read_markdown(path)
        state = translation_meta.get("translation", TranslationState.DRAFT)
        if state not in TRANSLATION_STATES:
            raise ContentError(path, f"'translation' must be one of {sorted(TRANSLATION_STATES)}")
        page.texts[language] = {
            "title": str(require(path, translation_meta, "title")),
            "summary": str(require(path, translation_meta, "summary")),
            "body": translation_body,
        }
        check_fits(path, OrientationPage, page.texts[language])
        page.states[language] = state
        source_titles = translation_meta.get("source_titles") or []
        if not isinstance(source_titles, list) or len(source_titles) > len(sources):
            raise ContentError(path, "'source_titles' must list at most one title per source")
        page.source_titles[language] = [str(title) for title in source_titles]
        for title in page.source_titles[language]:
            check_fits(path, SourceLink, {"title": title})
    unknown = sorted(
        path.name
        for path in folder.iterdir()
        if path.suffix == ".md" and path.stem not in languages()
    )
    if unknown:
        raise ContentError(folder / unknown[0], "is not named after a portal language")
    return page


def _read_to_confirm(path, value):
    """The facts the checker could not confirm, one a line, for editors' eyes only."""
    if value is None:
        return ""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(path, "'to_confirm' must be a list of facts, one sentence each")
    return "\n".join(item.strip() for item in value if item.strip())


@transaction.atomic
def load_locality(folder, *, directory_loader, video_loader):
    """Check the folder, then create or update everything in it. Returns a LoadReport.

    Called through ``welcome.locality.load_locality``, which hands in the other apps' loaders.
    """
    data = read_locality(folder, directory_loader=directory_loader, video_loader=video_loader)
    glossary = read_glossary(Path(folder), {page.slug for page in data.pages})
    report = LoadReport()
    structure, texts = data.structure, data.texts

    def text_for(language, *keys):
        value = texts.get(language, {})
        for key in keys:
            value = (value or {}).get(key) if isinstance(value, dict) else None
        return value or ""

    locality, _ = Locality.objects.get_or_create(
        slug=structure["slug"], defaults={"name": text_for(SOURCE_LANGUAGE, "locality_name")}
    )
    Locality.objects.exclude(pk=locality.pk).delete()
    for language in languages():
        setattr(locality, f"name_{language}", text_for(language, "locality_name"))
        setattr(locality, f"heading_{language}", text_for(language, "home", "heading"))
        setattr(locality, f"intro_{language}", text_for(language, "home", "intro"))
    locality.translation_states = _text_states(texts)
    locality.save()

    for order, item in enumerate(structure["emergency"]):
        contact, _ = EmergencyContact.objects.update_or_create(
            key=item["key"], defaults={"number": str(item["number"]), "order": order}
        )
        for language in languages():
            setattr(contact, f"label_{language}", text_for(language, "emergency", item["key"]))
        contact.save()
    emergency_keys = [item["key"] for item in structure["emergency"]]
    EmergencyContact.objects.exclude(key__in=emergency_keys).delete()

    for order, item in enumerate(structure["topics"]):
        topic, _ = Topic.objects.update_or_create(
            slug=item["slug"], defaults={"icon": item["icon"], "order": order}
        )
        for language in languages():
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
        for language in languages():
            for name in ("name", "label", "description"):
                setattr(
                    status, f"{name}_{language}", text_for(language, "statuses", item["slug"], name)
                )
        status.save()
        report.statuses += 1

    topics = {topic.slug: topic for topic in Topic.objects.all()}
    statuses = {status.slug: status for status in MigrationStatus.objects.all()}
    organisations = directory_loader.save_organisations(
        data.organisations,
        data.bank_holidays,
        topics,
        statuses,
        holiday_names={language: text.get("bank_holidays") for language, text in texts.items()},
    )
    report.organisations = len(organisations)
    for page_data in data.pages:
        outcome = _save_page(page_data, topics, statuses, organisations)
        if outcome == UNCHANGED:
            report.unchanged += 1
        else:
            {CREATED: report.created, UPDATED: report.updated, SKIPPED: report.skipped}[
                outcome
            ].append(page_data.slug)
        report.pages += 1
        report.translations += len(page_data.texts) - 1
    _save_first_steps(structure["statuses"])
    save_glossary(glossary)
    report.videos = video_loader.save_videos(
        data.videos,
        locality_slug=structure["slug"],
        interpreting_page=OrientationPage.objects.filter(
            slug=structure.get("interpreting_page") or ""
        ).first(),
    )
    return report


def _save_first_steps(status_items):
    """Replace a status's first steps when the file lists them; leave them be when it does not,
    so a list editors keep in the admin survives a reload of a folder that has none."""
    pages = dict(OrientationPage.objects.values_list("slug", "pk"))
    for item in status_items:
        if "first_steps" not in item:
            continue
        status = MigrationStatus.objects.get(slug=item["slug"])
        status.first_steps.all().delete()
        FirstStep.objects.bulk_create(
            FirstStep(status=status, page_id=pages[slug], order=order)
            for order, slug in enumerate(item["first_steps"])
        )


def _text_states(texts):
    return {
        language: text["translation"]
        for language, text in texts.items()
        if language != SOURCE_LANGUAGE
    }


CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"


def _page_facts(page):
    """Everything the files say about a page, as the database holds it."""
    values = OrientationPage.objects.filter(pk=page.pk).values().get()
    for name in ("id", "created_at", "updated_at", "loaded_at"):
        values.pop(name)
    return {
        **values,
        "topics": sorted(page.topics.values_list("slug", flat=True)),
        "statuses": sorted(page.statuses.values_list("slug", flat=True)),
        "tags": sorted(page.tags.names()),
        "agencies": sorted(page.related_organisations.values_list("slug", flat=True)),
        "sources": [
            {name: value for name, value in source.items() if name != "id"}
            for source in page.sources.order_by("order").values()
        ],
    }


def _save_page(page_data, topics, statuses, organisations):
    """Create a missing page, or update one that nobody has changed in the admin since the last
    load. The admin wins over the files: a page an editor changed, archived or made stays as it
    is. Returns CREATED, UPDATED, UNCHANGED or SKIPPED."""
    page = OrientationPage.objects.filter(slug=page_data.slug).first()
    if page is None:
        page = OrientationPage(slug=page_data.slug, state=OrientationPage.State.PUBLISHED)
        _write_page(page, page_data, topics, statuses, organisations)
        return CREATED
    if page.edited_since_loaded or page.state == OrientationPage.State.ARCHIVED:
        return SKIPPED
    before = _page_facts(page)
    savepoint = transaction.savepoint()
    _write_page(page, page_data, topics, statuses, organisations)
    if _page_facts(page) == before:
        transaction.savepoint_rollback(savepoint)  # not even a new "updated at"
        return UNCHANGED
    transaction.savepoint_commit(savepoint)
    return UPDATED


def _write_page(page, page_data, topics, statuses, organisations):
    meta = page_data.meta
    for language in languages():
        text = page_data.texts.get(language, {})
        for name in OrientationPage.text_fields:
            setattr(page, f"{name}_{language}", text.get(name, ""))
    page.organisation = organisations[meta["organisation"]]
    page.last_checked = meta["last_checked"]
    page.review_by = meta.get("review_by")
    page.to_confirm = meta["to_confirm"]
    page.translation_states = dict(page_data.states)
    page.english_version = page.compute_english_version()
    page.translation_versions = dict.fromkeys(page_data.states, page.english_version)
    page.full_clean(exclude=["topics", "statuses", "tags", "review_by"])
    page.save()
    page.topics.set([topics[slug] for slug in meta["topics"]])
    page.statuses.set([statuses[slug] for slug in meta.get("statuses") or []])
    page.tags.set([str(tag) for tag in meta.get("tags") or []])
    page.related_organisations.set([organisations[slug] for slug in meta.get("agencies") or []])
    page.sources.all().delete()
    links = []
    for order, source in enumerate(meta["sources"]):
        link = SourceLink(page=page, url=source["url"], order=order)
        setattr(link, source_field("title"), source["title"])
        for language, titles in page_data.source_titles.items():
            if order < len(titles):
                setattr(link, f"title_{language}", titles[order])
        links.append(link)
    SourceLink.objects.bulk_create(links)
    # The page as its files say it, from now: a later save is an editor's.
    OrientationPage.objects.filter(pk=page.pk).update(loaded_at=F("updated_at"))
