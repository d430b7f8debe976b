""" "Show this to staff": short sentences in English beside the reader's own language.

A reader holds up the phone (or a printed handout) at a counter, a surgery or in a taxi. The
English side is always English, whatever language the site is in: it is for the person behind
the counter. Phrases are ordinary gettext strings, so every catalogue translates them.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from portal.languages import PORTAL_LANGUAGES
from portal.translation import SOURCE_LANGUAGE

LANGUAGES = {language.code: language for language in PORTAL_LANGUAGES}

INTERPRETER = gettext_noop("I need an interpreter, please. My language is %(language)s.")
TAXI = gettext_noop("Please take me to this address:")
# A page tagged with one of these keys gets its phrase on its card.
PHRASES_BY_TAG = {
    "gp": gettext_noop("I would like to register with a GP, please."),
}


@dataclass(frozen=True)
class Phrase:
    english: str
    local: str  # empty when the reader's language is English: nothing to show twice
    lines: list = field(default_factory=list)  # an address, kept as written, for a driver


def _phrase(message, language, lines=(), **values):
    with translation.override(SOURCE_LANGUAGE):
        english = gettext(message) % values if values else gettext(message)
    local = ""
    if language != SOURCE_LANGUAGE:
        with translation.override(language):
            local = gettext(message) % values if values else gettext(message)
    return Phrase(english=english, local=local, lines=list(lines))


def interpreter_phrase(language):
    """None for English readers: they do not need an English interpreter."""
    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return None
    own = LANGUAGES[language]
    with translation.override(SOURCE_LANGUAGE):
        english = gettext(INTERPRETER) % {"language": own.english_name}
    with translation.override(language):
        local = gettext(INTERPRETER) % {"language": own.native_name}
    return Phrase(english=english, local=local)


def phrases_for_page(page, tags, language):
    """The card for an orientation page: an interpreter, and what the page is about."""
    phrases = [interpreter_phrase(language)]
    phrases += [_phrase(PHRASES_BY_TAG[tag], language) for tag in tags if tag in PHRASES_BY_TAG]
    return [phrase for phrase in phrases if phrase]


def phrases_for_agency(organisation, language):
    """The card for a place to go: an interpreter, and its address for a taxi or bus driver."""
    phrases = [interpreter_phrase(language)]
    lines = organisation.address_lines
    if lines:
        phrases.append(_phrase(TAXI, language, lines=[organisation.name, *lines]))
    return [phrase for phrase in phrases if phrase]
