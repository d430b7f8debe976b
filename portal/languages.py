"""The portal's languages, in one place.

Adding a language is one entry in ``PORTAL_LANGUAGES`` plus a catalogue in ``locale/``.
Django 5.2 has no ``ps`` or ``so``; ``register_language_info`` teaches it those at start-up
so that ``{% get_language_info %}`` and the bidi lookup work.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PortalLanguage:
    code: str
    english_name: str
    native_name: str
    bidi: bool


PORTAL_LANGUAGES = (
    PortalLanguage("en", "English", "English", False),
    PortalLanguage("ar", "Arabic", "العربية", True),
    # Readers from Afghanistan call their Persian Dari and look for that word in the list.
    PortalLanguage("fa", "Persian (Farsi)", "فارسی / دری", True),
    PortalLanguage("ckb", "Kurdish (Sorani)", "کوردی", True),
    PortalLanguage("pl", "Polish", "Polski", False),
    PortalLanguage("ps", "Pashto", "پښتو", True),
    PortalLanguage("ru", "Russian", "Русский", False),
    PortalLanguage("so", "Somali", "Soomaali", False),
)

# The language every text is written in first and translated from; settings.LANGUAGE_CODE and
# MODELTRANSLATION_DEFAULT_LANGUAGE are set from it. App code says SOURCE_LANGUAGE.
SOURCE_LANGUAGE = "en"

LANGUAGE_CODES = tuple(language.code for language in PORTAL_LANGUAGES)
BIDI_CODES = tuple(language.code for language in PORTAL_LANGUAGES if language.bidi)

# Codes that browsers send for a language we offer under another code. ``ku`` alone means
# Kurmanji (Latin script), so it is deliberately absent: only the Arabic-script tag is Sorani.
LANGUAGE_ALIASES = {
    "prs": "fa",  # Dari
    "fa-af": "fa",
    "pbu": "ps",  # Northern Pashto
    "pbt": "ps",  # Southern Pashto
    "ku-arab": "ckb",
    "ckb-iq": "ckb",
    "ckb-ir": "ckb",
}


def register_language_info():
    """Add our languages that Django does not know to ``django.conf.locale.LANG_INFO``."""
    from django.conf.locale import LANG_INFO

    for language in PORTAL_LANGUAGES:
        LANG_INFO.setdefault(
            language.code,
            {
                "bidi": language.bidi,
                "code": language.code,
                "name": language.english_name,
                "name_local": language.native_name,
            },
        )


def supported_language(code):
    """Our code for a language tag a browser sends, or None. `ku` (Kurmanji) is not `ckb`."""
    code = (code or "").strip().lower().replace("_", "-")
    if not code:
        return None
    if code in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[code]
    if code in LANGUAGE_CODES:
        return code
    # A regional variant (pl-PL, ar-EG, so-SO) means the language itself; a script or region
    # we have mapped explicitly was handled above.
    base = code.split("-")[0]
    if base in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[base]
    if base in LANGUAGE_CODES:
        return base
    return None


def languages_from_accept_header(header):
    """Language tags from an Accept-Language header, most wanted first."""
    from django.utils.translation.trans_real import parse_accept_lang_header

    return [code for code, quality in parse_accept_lang_header(header or "") if code != "*"]


def language_from_request(request):
    from django.conf import settings

    chosen = supported_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if chosen:
        return chosen
    for tag in languages_from_accept_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        language = supported_language(tag)
        if language:
            return language
    return SOURCE_LANGUAGE


def path_in_language(path, language):
    """The same page in another language. Slugs are language-neutral, so only the prefix changes."""
    parts = path.split("/", 2)  # "", "<code>", "rest"
    if len(parts) >= 2 and parts[1] in LANGUAGE_CODES:
        rest = parts[2] if len(parts) == 3 else ""
        return f"/{language}/{rest}"
    return f"/{language}/"
