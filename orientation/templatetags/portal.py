"""Template tags for translated content, icons and direction-safe snippets."""

import functools
import html as html_lib
import itertools
import re
from urllib.parse import urlencode

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, get_language_bidi

from orientation.glossary_links import link_glossary_terms
from orientation.markdown import sanitise_html
from portal.translation import SOURCE_LANGUAGE, has_text

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
    if language == SOURCE_LANGUAGE:
        return False
    return not has_text(getattr(obj, f"{field}_{language}", None))


@register.simple_tag
def translated(obj, field):
    """A translated field. English stand-in text is marked as English, so it reads right; English
    words inside right-to-left text are isolated, so the brackets around them stay in place."""
    value = getattr(obj, field, "")
    if is_fallback(obj, field) and value:
        return format_html('<span lang="{}" dir="ltr">{}</span>', SOURCE_LANGUAGE, value)
    return isolate_latin(value)


@register.filter
def falls_back(obj, field):
    return is_fallback(obj, field)


@register.filter
def fallback_attrs(obj, field):
    """Attributes for a block element whose English stand-in text must align and read LTR."""
    if is_fallback(obj, field):
        return format_html(' lang="{}" dir="ltr"', SOURCE_LANGUAGE)
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
    html = link_glossary_terms(html, SOURCE_LANGUAGE if fallback else get_language())
    if not fallback and get_language_bidi():
        html = isolate_latin_in_body(html)
    if fallback:
        return format_html(
            '<div lang="{}" dir="ltr">{}</div>',
            SOURCE_LANGUAGE,
            mark_safe(html),  # noqa: S308
        )
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
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


_ABBREVIATION_END = re.compile(r"(?:^|[.\s])[A-Za-z]\.$")  # "U.K.", "E.U.": their own stop


def _within_its_brackets(run):
    """The run up to a closing bracket opened before it: in "(Universal Credit) 2" the ")"
    belongs to the right-to-left sentence, and so does what follows it."""
    depth = 0
    for position, character in enumerate(run):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth < 0:
            return run[:position]
    return run


def _without_the_sentences_stop(run):
    """Drop the sentence's own full stop or comma (inside the run it would be drawn beside the
    English word instead of at the sentence's end)."""
    run = run.rstrip()
    while run.endswith(",") or (run.endswith(".") and not _ABBREVIATION_END.search(run)):
        run = run[:-1].rstrip()
    return run


def _latin_runs(text):
    """(start, end) of each Latin-script run in plain ``text``."""
    position = 0
    while match := _LATIN_RUN.search(text, position):
        run = _within_its_brackets(match.group(0))
        yield match.start(), match.start() + len(_without_the_sentences_stop(run))
        # After a bracket that closes the sentence's own, more English words may follow.
        position = match.start() + len(run)


def _isolated(text):
    """Plain ``text``, escaped, with each Latin-script run in <bdi dir="ltr">."""
    pieces, last = [], 0
    for start, end in _latin_runs(text):
        pieces.append(format_html('{}<bdi dir="ltr">{}</bdi>', text[last:start], text[start:end]))
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped


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
    return _isolated(value)


@register.filter
def isolated(obj, field):
    """A translated field for running text (a summary, a description), with its English words
    isolated in a right-to-left language. An English stand-in is left as it is: its block is
    already marked left to right (``fallback_attrs``)."""
    value = getattr(obj, field, "") or ""
    if is_fallback(obj, field):
        return value
    return isolate_latin(value)


_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
# Their words are a unit already (a phone number) or must stay exactly as written (code).
_NOT_ISOLATED_INSIDE = {"bdi", "code", "pre"}
_HAS_DIRECTION = re.compile(r"\sdir=", re.IGNORECASE)


def _left_as_written(tag, name):
    """Whether the text inside this opening tag keeps its words as they are. A link with a
    direction of its own (a web address) is a unit already; any other link's words are not: in
    "<a>section 95 (Home Office)</a> 2" the number after the link would join its English."""
    if name == "a":
        return bool(_HAS_DIRECTION.search(tag))
    return name in _NOT_ISOLATED_INSIDE


def isolate_latin_in_body(html):
    """Sanitised body ``html`` of a right-to-left page with each Latin-script run in its text
    isolated, as in summaries: "(section 4 / section 95 support)." keeps its brackets and full
    stop on the right side. Only text between tags changes, escaped again; tags stay as they are.

    It runs as the page is shown, after the glossary step, like it: the glossary's links exist
    only then, and a change here reaches every page without saving each again. The stored
    body_html stays as the editor's Markdown made it, for the search index to read."""
    parts = _TAG_OR_TEXT.split(html)
    left_as_written = []  # for each open link, code, pre or bdi: whether its words stay as written
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            name = name.group(1).lower() if name else ""
            if name == "a" or name in _NOT_ISOLATED_INSIDE:
                if part.startswith("</"):
                    if left_as_written:
                        left_as_written.pop()
                elif not part.endswith("/>"):
                    left_as_written.append(_left_as_written(part, name))
        elif part and not any(left_as_written) and _LATIN_RUN.search(part):
            parts[index] = _isolated(html_lib.unescape(part))
    return "".join(parts)


@register.filter
def isolate_latin_markup(value, bidi=None):
    """``isolate_latin`` for our own escaped markup with inline tags, such as a search snippet
    with its words found in <mark>.

    A run is isolated whole even where a tag falls inside it ("Universal <mark>Credit</mark>"):
    isolating each piece apart would set the words of one English name right to left. A run
    that starts or ends inside a <mark> grows to take the whole mark, so tags stay nested.
    ``bidi`` is the text's own direction where it differs from the page's (a search result).
    """
    if bidi is None:
        bidi = get_language_bidi()
    value = str(value)
    if not bidi or not _LATIN_RUN.search(value):
        return mark_safe(value) if isinstance(value, SafeData) else value  # noqa: S308
    if not isinstance(value, SafeData):
        return _isolated(value)
    tokens = _TAG_OR_TEXT.split(value)
    texts = [None if token.startswith("<") else html_lib.unescape(token) for token in tokens]
    plain = "".join(text for text in texts if text)

    marked, offset, opened = [], 0, 0
    for token, text in zip(tokens, texts, strict=True):
        if text is not None:
            offset += len(text)
        elif token.startswith("</"):
            marked.append((opened, offset))
        else:
            opened = offset
    runs = []
    for start, end in _latin_runs(plain):
        for mark_start, mark_end in marked:
            start = mark_start if mark_start < start < mark_end else start
            end = mark_end if mark_start < end < mark_end else end
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    opens = {start for start, _end in runs}
    closes = {end for _start, end in runs}

    out, offset, done = [], 0, set()

    def boundary(at):
        # Closing tags at this offset are already out; opening ones come after: nesting holds.
        if at in closes and ("close", at) not in done:
            out.append("</bdi>")
            done.add(("close", at))
        if at in opens and ("open", at) not in done:
            out.append('<bdi dir="ltr">')
            done.add(("open", at))

    for token, text in zip(tokens, texts, strict=True):
        if text is None:
            if not token.startswith("</"):
                boundary(offset)
            out.append(token)
            continue
        inside = {at for at in opens | closes if offset < at < offset + len(text)}
        cuts = sorted({offset, offset + len(text)} | inside)
        for cut_start, cut_end in itertools.pairwise(cuts):
            boundary(cut_start)
            out.append(escape(text[cut_start - offset : cut_end - offset]))
        offset += len(text)
    boundary(offset)
    return mark_safe("".join(out))  # noqa: S308 - our own tags kept, every text escaped again
