"""The sample locality is real content: complete pages, and the core in every language."""

import re

import pytest
import yaml
from django.conf import settings

from tests.helpers import SAMPLE
from welcome.locality import read_locality

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MIN_WORDS = 150
MIN_PAGES_IN_EVERY_LANGUAGE = 10


@pytest.fixture(scope="module")
def sample():
    return read_locality(SAMPLE)


def words(markdown):
    text = re.sub(r"\]\([^)]*\)", "]", markdown)  # count link text, not addresses
    return len(re.findall(r"\w+", text))


def test_every_page_is_complete(sample):
    assert len(sample.pages) >= 10
    for page in sample.pages:
        english = page.texts["en"]
        assert english["summary"].strip(), page.slug
        assert page.meta["topics"], page.slug
        assert page.meta["sources"], page.slug
        assert all(source["url"].startswith("https://") for source in page.meta["sources"])
        assert page.meta["last_checked"], page.slug
        assert words(english["body"]) >= MIN_WORDS, (page.slug, words(english["body"]))


def test_every_topic_and_status_has_pages(sample):
    topics = {topic for page in sample.pages for topic in page.meta["topics"]}
    assert topics == {item["slug"] for item in sample.structure["topics"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_topics_statuses_and_home_text_exist_in_every_language(sample, language):
    text = sample.texts[language]
    assert text["home"]["heading"]
    for item in sample.structure["topics"]:
        assert text["topics"][item["slug"]]["name"], item["slug"]
    for item in sample.structure["statuses"]:
        assert text["statuses"][item["slug"]]["label"], item["slug"]
    for item in sample.structure["emergency"]:
        assert text["emergency"][item["key"]], item["key"]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_core_pages_are_translated_and_marked_honestly(sample, language):
    translated = [page for page in sample.pages if language in page.texts]
    assert len(translated) >= MIN_PAGES_IN_EVERY_LANGUAGE
    for page in translated:
        # Made here, not by a qualified translator: the data must say so.
        assert page.states[language] == "draft", page.slug
        source, target = page.texts["en"]["body"], page.texts[language]["body"]
        assert source.count("\n## ") == target.count("\n## "), (page.slug, language)
        for url in re.findall(r"\]\((https://[^)]+)\)", source):
            assert url in target, (page.slug, language, url)
    text = yaml.safe_load((SAMPLE / "text" / f"{language}.yml").read_text(encoding="utf-8"))
    assert text["translation"] == "draft"


def test_english_pages_link_with_words_not_bare_addresses(sample):
    for page in sample.pages:
        body = re.sub(r"\]\([^)]*\)", "]", page.texts["en"]["body"])
        assert "http" not in body, page.slug


PAGE_LINK = re.compile(r"\[([^\]]+)\]\(/([a-z]+)/pages/([a-z0-9-]+)/\)")
# Links that sit inside a sentence ("check your conditions in your eVisa"), where the
# target page's title would not read as part of the sentence: (page, linked page).
LINKS_INSIDE_A_SENTENCE = {("universal-credit", "evisa")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_to_other_pages_use_that_pages_title(sample, language):
    # A reader who followed "Right to rent" should land on a page headed the same way,
    # so renaming a page means renaming the links to it.
    translated = [page for page in sample.pages if language in page.texts]
    titles = {page.slug: page.texts[language]["title"] for page in translated}
    slugs = {page.slug for page in sample.pages}
    mismatches = []
    for page in translated:
        for words, link_language, slug in PAGE_LINK.findall(page.texts[language]["body"]):
            assert slug in slugs, (page.slug, language, slug)
            assert link_language == language, (page.slug, language, slug)
            if (page.slug, slug) in LINKS_INSIDE_A_SENTENCE or slug not in titles:
                continue
            if words != titles[slug]:
                mismatches.append((page.slug, words, titles[slug]))
    assert mismatches == []
