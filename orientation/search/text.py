"""Text handling for search that works for all the portal's scripts and keyboards.

People type Arabic-script words with whichever keyboard they have: an Arabic ي where the
page has the Persian ی, a kaf ك for ک, with or without short-vowel marks. Sorani and Pashto
readers often type on a Persian keyboard, which has no ڕ ڵ ێ ۆ ە or ډ ټ ړ ښ ګ ې. The same text
may hold a zero-width non-joiner (U+200C) in Persian words, which readers type or leave out at
will; Polish readers often type without their letters' marks. Both the stored text and the query
go through ``normalise_for_search`` so they meet.

Latin-script words also get a rough "sound key" (``sound_key``): "doctor", "docter", "dokter" and
the Somali "dhakhtar" all become ``dktr``, so a spelling by ear still finds the page.
"""

import functools
import html
import re
import unicodedata
from itertools import islice

from django.utils.safestring import mark_safe

ZERO_WIDTH_NON_JOINER = "\u200c"

_LETTER_VARIANTS = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh -> Farsi yeh
        "ى": "ی",  # alef maksura
        "ك": "ک",  # Arabic kaf -> keheh
        "ة": "ه",  # teh marbuta
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ۀ": "ه",
        # Sorani letters a Persian keyboard lacks, typed as their nearest Persian letter.
        "ڕ": "ر",
        "ڵ": "ل",
        "ێ": "ی",
        "ۆ": "و",
        "ە": "ه",
        "ھ": "ه",
        "ڤ": "ف",
        # Pashto letters a Persian keyboard lacks.
        "ډ": "د",
        "ټ": "ت",
        "ړ": "ر",
        "ږ": "ژ",
        "ښ": "ش",
        "ګ": "گ",
        "ې": "ی",
        "ۍ": "ی",
        "ئ": "ی",
        "ڼ": "ن",
        # Latin letters whose marks are not combining characters.
        "ł": "l",
        "ø": "o",
        "đ": "d",
        ZERO_WIDTH_NON_JOINER: " ",
        "\u0640": None,  # tatweel, a stretching stroke with no meaning
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def _strip_marks(text):
    """Drop combining marks (Arabic short vowels, Polish and Cyrillic accents) after decomposing."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        character for character in decomposed if not unicodedata.category(character).startswith("M")
    )


def normalise_for_search(text):
    """Text as search compares it: folded letters, no marks, lower case, single spaces."""
    text = _strip_marks(text or "")
    text = text.translate(_LETTER_VARIANTS).casefold()
    return _SPACE.sub(" ", text).strip()


def words(text):
    """The normalised words of a text, punctuation dropped."""
    return _WORD.findall(normalise_for_search(text))


def indexed_text(text):
    """A text as stored in the index: normalised words between single spaces, with a space at
    each end, so that ``" word"`` matches a word's start and ``" word "`` a whole word."""
    return " " + " ".join(words(text)) + " "


def search_terms(query, *, limit=8):
    """The words of a query worth searching for, at most ``limit`` of them."""
    return [word for word in words(query) if len(word) > 1][:limit]


_SOUND_RULES = (
    ("sch", "sh"),
    ("tch", "ch"),
    ("ph", "f"),
    ("dh", "d"),
    ("kh", "k"),
    ("gh", "g"),
    ("th", "t"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("z", "s"),
    ("w", "v"),
)
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


def sound_key(word):
    """A rough key for a Latin-script word spelt by ear; '' for other scripts and short words."""
    if len(word) < 4 or not word.isascii() or not word.isalpha():
        return ""
    key = word
    for spelling, sound in _SOUND_RULES:
        key = key.replace(spelling, sound)
    key = key[0] + _VOWELS.sub("", key[1:])
    key = _REPEATS.sub(r"\1", key)
    return key if len(key) >= 3 else ""


def _trigrams(word):
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def similarity(first, second):
    """Trigram similarity of two words, computed as PostgreSQL's pg_trgm does (0 to 1)."""
    first_grams, second_grams = _trigrams(first), _trigrams(second)
    union = first_grams | second_grams
    return len(first_grams & second_grams) / len(union) if union else 0.0


def plain_text(html_text):
    """Rendered HTML back to plain text, for the index and for snippets."""
    text = re.sub(r"<[^>]*>", " ", html_text or "")
    return _SPACE.sub(" ", html.unescape(text)).strip()


# A word of the original text keeps its combining marks and zero-width non-joiners.
_TEXT_WORD = re.compile(r"[\w\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+|[^\w]+")


def highlight(text, matched_words, *, around=18, limit=None):
    """An escaped excerpt of ``text`` with words starting with a ``matched_words`` entry marked.

    The excerpt is centred on the first match (or is the start of the text when nothing
    matches). Only ``<mark>`` is added; everything else is escaped, so a hostile page or query
    cannot inject markup.
    """
    pieces = _TEXT_WORD.findall(text or "")
    prefixes = tuple(matched_words)

    def is_word(index):
        return pieces[index][0].isalnum()

    def matches(index):
        return is_word(index) and _normalised_word(pieces[index]).startswith(prefixes)

    everything = range(len(pieces))
    if limit is None:
        # A page's text runs to thousands of words: read only as far as the first match, and
        # mark only the words of the excerpt around it.
        first = next((index for index in everything if matches(index)), None)
        if first is None:
            first = next((index for index in everything if is_word(index)), None)
        if first is None:
            return ""
        before = islice(
            (index for index in range(first - 1, -1, -1) if is_word(index)), around // 3
        )
        start = ([first, *before])[-1]
        shown = islice((index for index in range(start, len(pieces)) if is_word(index)), around)
        end = list(shown)[-1] + 1
    elif any(is_word(index) for index in everything):
        start, end = 0, len(pieces)
    else:
        return ""
    parts = []
    for index in range(start, end):
        # html.escape is what Django's escape calls, without its lazy-string wrapper: an
        # excerpt escapes each of its words and spaces.
        piece = html.escape(pieces[index])
        parts.append(f"<mark>{piece}</mark>" if matches(index) else piece)
    excerpt = "".join(parts).strip()
    if start > 0:
        excerpt = "… " + excerpt
    if any(is_word(index) for index in range(end, len(pieces))):
        excerpt += " …"
    return mark_safe(excerpt)  # noqa: S308 - every piece escaped above


@functools.lru_cache(maxsize=50_000)
def _normalised_word(word):
    """One word of a text as search compares it. Texts repeat their words, and every search
    marks the words of thirty texts, so each is normalised once per process."""
    return normalise_for_search(word)
