"""Template tags for translated content, icons and direction-safe snippets."""

import functools
import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, get_language_bidi

from orientation.glossary_links import link_glossary_terms
from orientation.markdown import sanitise_html

register = template.Library()

ICON_NAME = re.compile(r"^[a-z0-9-]+$")


@functools.lru_cache(maxsize=128)
def _icon_exists(name):
    return bool(ICON_NAME.match(name) and finders.find(f"icons/{name}.svg"))


@register.simple_tag
def icon(name, css_class=""):
    """One of our icons, drawn from the cached sprite (static/icons/sprite.svg).

    Icons are decorative: every use has a text label beside it, so they are hidden from
    screen readers. Build the sprite with scripts/build_icon_sprite.py.
    """
    if not _icon_exists(name):
        return ""
    return format_html(
        '<svg class="icon{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        f" {css_class}" if css_class else "",
        static("icons/sprite.svg"),
        name,
    )


def is_fallback(obj, field):
    """True when the reader's language has no text for this field and English stands in."""
    language = get_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    return not getattr(obj, f"{field}_{language}", "")


@register.simple_tag
def translated(obj, field):
    """A translated field. English stand-in text is marked as English, so it reads right."""
    value = getattr(obj, field, "")
    if is_fallback(obj, field) and value:
        return format_html('<span lang="en" dir="ltr">{}</span>', value)
    return value


@register.filter
def falls_back(obj, field):
    return is_fallback(obj, field)


@register.filter
def fallback_attrs(obj, field):
    """Attributes for a block element whose English stand-in text must align and read LTR."""
    if is_fallback(obj, field):
        return mark_safe(' lang="en" dir="ltr"')
    return ""


# A link whose words are its own web address, as nh3 writes it (href first, then rel).
_ADDRESS_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>\1</a>')


def mark_address_links(html):
    """Mark links written as their own address, so a printed sheet does not show it twice, and
    keep each address left to right as one unit inside a right-to-left sentence."""
    return _ADDRESS_LINK.sub(r'<a href="\1"\2 class="link--address" dir="ltr">\1</a>', html)


@register.simple_tag
def page_body(page):
    """A page body, sanitised again on the way out (it was sanitised when saved, too)."""
    html = mark_address_links(sanitise_html(page.body_html))
    fallback = is_fallback(page, "body")
    html = link_glossary_terms(html, settings.LANGUAGE_CODE if fallback else get_language())
    if fallback:
        return format_html('<div lang="en" dir="ltr">{}</div>', mark_safe(html))  # noqa: S308
    return mark_safe(html)  # noqa: S308 - just sanitised by an allowlist


@register.filter
def outbound(url):
    """A link to another site, through our counter (which only goes to published addresses)."""
    return reverse("outbound") + "?" + urlencode({"to": url})


@register.filter
def tel_href(number):
    return "tel:" + "".join(
        character for character in str(number) if character.isdigit() or character == "+"
    )


# A run of Latin-script words ("refugee status", "BN(O)", "EU, EEA") inside right-to-left text.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9 ()'’.,&/-]*[A-Za-z0-9.)]|[A-Za-z]")


def _balanced(run):
    """Drop closing brackets that belong to the surrounding sentence, not to the run."""
    while run.endswith(")") and run.count(")") > run.count("("):
        run = run[:-1]
    return run


@register.filter
def isolate_latin(value):
    """Isolate English words in a right-to-left label, so the brackets around them mirror.

    "حصلت على صفة اللاجئ (refugee status)" otherwise shows as "(status ... refugee)": the closing
    bracket at the end of a right-to-left line takes the wrong side. Left-to-right pages and
    labels without Latin letters are returned as they are (escaped).
    """
    if isinstance(value, SafeData):  # already markup: an English stand-in, marked as such
        return value
    value = str(value)
    if not get_language_bidi() or not _LATIN_RUN.search(value):
        return value
    pieces, last = [], 0
    for match in _LATIN_RUN.finditer(value):
        run = _balanced(match.group(0))
        start = match.start()
        pieces.append(format_html('{}<bdi dir="ltr">{}</bdi>', value[last:start], run))
        last = start + len(run)
    pieces.append(format_html("{}", value[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece went through format_html
