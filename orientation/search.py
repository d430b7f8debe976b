"""Search that works for all the portal's scripts.

People type Arabic-script words with whichever keyboard they have: an Arabic ي where the
page has the Persian ی, a kaf ك for ک, with or without short-vowel marks. The same text may
hold a zero-width non-joiner (U+200C) in Persian words, which readers type or leave out at will.
Both the stored text and the query go through ``normalise_for_search`` so they meet.
"""

import re
import unicodedata

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
        ZERO_WIDTH_NON_JOINER: " ",
        "\u0640": None,  # tatweel, a stretching stroke with no meaning
    }
)
# Arabic short vowels and other combining marks, which are optional in writing.
_COMBINING_MARKS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")
_SPACE = re.compile(r"\s+")


def normalise_for_search(text):
    text = unicodedata.normalize("NFKC", text or "")
    text = _COMBINING_MARKS.sub("", text)
    text = text.translate(_LETTER_VARIANTS).casefold()
    return _SPACE.sub(" ", text).strip()


def search_terms(query, *, limit=8):
    """The words of a query worth searching for, at most ``limit`` of them."""
    words = [word for word in normalise_for_search(query).split(" ") if len(word) > 1]
    return words[:limit]
