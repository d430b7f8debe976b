"""Every phone number, money amount and link in a translated page is the one its English gives.

A translation that drifts from the English on a number is the most dangerous kind of mistake:
a reader who cannot read the English has no way to notice it.
"""

import re

import pytest
from django.conf import settings

from tests.helpers import SAMPLE
from welcome.locality import read_locality

TRANSLATIONS = [code for code, _name in settings.LANGUAGES if code != "en"]

# UK numbers as people dial them: 0121 303 1888, 0808 2000 247, 0800 1111; and the short ones.
PHONE = re.compile(r"(?<![\d£.,/])(?:0\d{2,4}(?: \d{3,4}){1,2}|116 123|999|111|101)(?![\d])")
MONEY = re.compile(r"£ ?\d[\d,]*(?:\.\d{2})?")
LINK = re.compile(r"https://[^\s)\]>\"'«»“”]+")


@pytest.fixture(scope="module")
def pages():
    return read_locality(SAMPLE).pages


def facts(markdown):
    return {
        "phones": sorted(set(PHONE.findall(markdown))),
        "amounts": sorted({amount.replace(" ", "") for amount in MONEY.findall(markdown)}),
        "links": sorted({link.rstrip(".,;:!?،؛") for link in LINK.findall(markdown)}),
    }


def test_the_patterns_find_what_a_page_gives():
    found = facts(
        "Call 0121 303 1888 or 999, or 116 123. It was £49.18 a week in 2026. "
        "Read [GOV.UK](https://www.gov.uk/asylum-support). Or https://111.nhs.uk."
    )
    assert found == {
        "phones": ["0121 303 1888", "116 123", "999"],
        "amounts": ["£49.18"],
        "links": ["https://111.nhs.uk", "https://www.gov.uk/asylum-support"],
    }


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_numbers_amounts_and_links_match_the_english(pages, language):
    mismatches = []
    for page in pages:
        if language not in page.texts:
            continue
        english = facts(page.texts["en"]["body"])
        translated = facts(page.texts[language]["body"])
        for kind in ("phones", "amounts", "links"):
            if english[kind] != translated[kind]:
                mismatches.append((page.slug, kind, english[kind], translated[kind]))
    assert mismatches == []
