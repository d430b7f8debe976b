"""Bare web addresses and phone numbers in a page body become links a reader can tap.

Translators often paste an address as text rather than Markdown's [words](address): all seven
translations of "Register with a GP" did, so "Find a GP" was plain text in every one of them.
Phone numbers are written as text everywhere. Both are linked after Markdown has run, in text
only (never inside a tag or an existing link); the sanitiser then checks every address.
"""

import re

import phonenumbers
from django.conf import settings

_TAG = re.compile(r"(<[^>]*>)")
# An address ends before trailing punctuation that belongs to the sentence ("...find-a-gp.").
_WEB_ADDRESS = re.compile(r"(?<![\w/@.])(https?://[^\s<>\"']*[^\s<>\"'.,;:!?)\]])")


def _link_phone_numbers(text):
    pieces, last = [], 0
    region = getattr(settings, "PORTAL_PHONE_REGION", "GB")
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        pieces += [text[last : match.start], f'<a href="tel:{number}">{match.raw_string}</a>']
        last = match.end
    return "".join(pieces) + text[last:]


def _link_text(text):
    pieces, last = [], 0
    for match in _WEB_ADDRESS.finditer(text):
        address = match.group(1)
        pieces += [
            _link_phone_numbers(text[last : match.start()]),
            # Already escaped by Markdown, and the pattern admits no quote or angle bracket.
            f'<a href="{address}">{address}</a>',
        ]
        last = match.end()
    return "".join(pieces) + _link_phone_numbers(text[last:])


def link_addresses_and_numbers(html):
    """Wrap bare http(s) addresses and phone numbers in the text of ``html`` in links."""
    parts = _TAG.split(html)
    in_link = False
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = part[1:].split(None, 1)[0].lower().rstrip(">") if len(part) > 2 else ""
            if name == "a":
                in_link = True
            elif name == "/a":
                in_link = False
        elif part and not in_link:
            parts[index] = _link_text(part)
    return "".join(parts)
