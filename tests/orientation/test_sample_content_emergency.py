"""Every language's emergency page gives the English words a 999 call needs.

The operator answers in English: a reader must be able to say which service they need and ask
for an interpreter by the English name of their language.
"""

import pytest
from django.conf import settings

from tests.helpers import SAMPLE
from welcome.locality import read_locality

ENGLISH_NAMES = {
    "en": "Arabic",  # the English page gives an example
    "ar": "Arabic",
    "fa": "Farsi",
    "ckb": "Sorani",
    "pl": "Polish",
    "ps": "Pashto",
    "ru": "Russian",
    "so": "Somali",
}


@pytest.fixture(scope="module")
def emergency_page():
    return next(page for page in read_locality(SAMPLE).pages if page.slug == "emergency-help")


def test_every_language_has_an_emergency_page(emergency_page):
    assert sorted(emergency_page.texts) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize("language", sorted(ENGLISH_NAMES))
def test_the_page_gives_the_english_words_for_a_999_call(emergency_page, language):
    body = emergency_page.texts[language]["body"]
    for word in ("ambulance", "fire", "police"):
        assert f'"{word}"' in body, (language, word)
    assert ENGLISH_NAMES[language] in body, language
