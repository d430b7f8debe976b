"""Markdown to safe HTML.

Editors write Markdown; readers get HTML that has been through an allowlist sanitiser
(ammonia, through nh3) both when it is saved and when it is shown, so a row changed behind
the application's back still cannot carry script to a reader or to staff.
"""

import html
import re

import markdown as markdown_lib
import nh3
from markdown import inlinepatterns
from markdown.extensions import Extension

from .autolink import link_addresses_and_numbers

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "bdi",
    "blockquote",
    "br",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "bdi": {"dir"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto", "tel"}


def sanitise_html(html):
    """Keep only the tags, attributes and URL schemes a page body needs."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        # Every link gets these, which also stops a page from being reached via window.opener.
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# A phone number written in groups ("0808 8010 503", "+44 121 303 1111") or a UK-style postcode
# ("B1 2ND"). In a right-to-left paragraph the bidi algorithm would lay the groups out right to
# left ("503 8010 0808"), so each is isolated as a left-to-right unit.
_LTR_RUN = re.compile(
    r"(?<![\w+])(\+?\d{2,5}(?:[ \u00a0-]\d{2,5}){1,4}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})(?![\w])"
)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def isolate_ltr_runs(html):
    """Wrap phone numbers and postcodes in text (never inside a tag) in <bdi dir="ltr">."""
    parts = _TAG_OR_TEXT.split(html)
    for index, part in enumerate(parts):
        if part and not part.startswith("<"):
            parts[index] = _LTR_RUN.sub(r'<bdi dir="ltr">\1</bdi>', part)
    return "".join(parts)


# Hostile input --------------------------------------------------------------------------------
# Python-Markdown looks for the "]" that closes each "[" by walking to it, and for the ")" that
# closes a link target the same way; an unclosed one is walked to the end of the paragraph, once
# for each of its link patterns: 8,000 "[" cost tens of seconds (quadratic). Each inline match
# also rebuilds its paragraph's text, so a paragraph of thousands of marks is quadratic too.
# Lists and quotes nest by recursion: "- - - - ..." a thousand deep raises RecursionError.
# So, before parsing, the source is bounded: no text longer than any field may be, no paragraph
# longer than a few pages, brackets that cannot close shown as written (escaped), nesting capped,
# and each look-ahead bounded. Ordinary pages (the longest sample block is 2,000 characters,
# nested three deep) are not changed by any of it.
MAX_SOURCE_CHARS = 50_000  # above every text field's limit: only rows written behind our back
MAX_BLOCK_CHARS = 2_500
MAX_BRACKET_DEPTH = 6
MAX_BLOCK_DEPTH = 8
MAX_INDENT = MAX_BLOCK_DEPTH * 4 + 3
LINK_TARGET_WINDOW = 1_000  # a web address and its title; SourceLink allows 500
MAX_TAG_CHARS = 500  # from "<" to ">" of a raw HTML tag such as <bdi dir="ltr">
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.DOTALL)
_BLOCK_MARKERS = re.compile(
    r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]+){" + str(MAX_BLOCK_DEPTH + 1) + ",})"
)
_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")
_BLOCK_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]|>")


def _split_long_line(line):
    while len(line) > MAX_BLOCK_CHARS:
        cut = line.rfind(" ", MAX_BLOCK_CHARS // 2, MAX_BLOCK_CHARS)
        cut = cut if cut > 0 else MAX_BLOCK_CHARS
        yield line[:cut]
        line = line[cut:].lstrip(" ")
    yield line


def _split_long_blocks(text):
    """Start a new paragraph (at a line end where there is one) every MAX_BLOCK_CHARS."""
    blocks = []
    for block in text.split("\n\n"):
        if len(block) <= MAX_BLOCK_CHARS:
            blocks.append(block)
            continue
        current, size = [], 0
        for line in block.split("\n"):
            for piece in _split_long_line(line):
                if current and size + len(piece) > MAX_BLOCK_CHARS:
                    blocks.append("\n".join(current))
                    current, size = [], 0
                current.append(piece)
                size += len(piece) + 1
        blocks.append("\n".join(current))
    return "\n\n".join(blocks)


def _unusable_brackets(text):
    """Positions of each "[" that no "]" closes in its paragraph, of brackets nested too deep
    (with their partners), and of each link's "(" that no ")" closes within a web address's
    length. Code spans and backslash-escaped characters are skipped, as the parser skips them."""
    escape = set()
    squares, rounds = [], []
    link_openings = {}  # "(" right after a "]" -> where it is
    code_spans = [match.span() for match in _CODE_SPAN.finditer(text)] if "`" in text else []
    span_index = 0
    position = 0
    length = len(text)

    def end_paragraph():
        escape.update(squares)
        escape.update(opened for opened in rounds if opened in link_openings)
        squares.clear()
        rounds.clear()

    while position < length:
        if span_index < len(code_spans) and position >= code_spans[span_index][0]:
            position = max(position, code_spans[span_index][1])
            span_index += 1
            continue
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character == "[":
            squares.append(position)
        elif character == "]" and squares:
            opened = squares.pop()
            if len(squares) >= MAX_BRACKET_DEPTH:
                escape.update((opened, position))
        elif character == "(":
            rounds.append(position)
            if position and text[position - 1] == "]":
                link_openings[position] = True
        elif character == ")" and rounds:
            opened = rounds.pop()
            if opened in link_openings and position - opened > LINK_TARGET_WINDOW:
                escape.add(opened)
        elif character == "\n" and text.startswith("\n\n", position):
            end_paragraph()
        position += 1
    end_paragraph()
    return escape


def _unclosed_tags(text):
    """Positions of each "<" with no ">" soon after it: the raw-HTML parser would walk on."""
    unclosed = set()
    next_close = None
    for position in range(len(text) - 1, -1, -1):
        character = text[position]
        if character == ">":
            next_close = position
        elif (
            character == "<"
            and text[position + 1 : position + 2] in _TAG_START
            and (next_close is None or next_close - position > MAX_TAG_CHARS)
        ):
            unclosed.add(position)
    return unclosed


def _show_as_written(text):
    """Escape the brackets and tag openings that cannot close, so the parser takes them as text."""
    escape = _unusable_brackets(text) if "[" in text or "(" in text else set()
    unclosed = _unclosed_tags(text) if "<" in text else set()
    if not escape and not unclosed:
        return text
    return "".join(
        "&lt;" if index in unclosed else "\\" + character if index in escape else character
        for index, character in enumerate(text)
    )


def _bound_block_nesting(text):
    """Cap list and quote nesting, which the parser handles by recursion."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT:
            line = " " * MAX_INDENT + line.lstrip(" \t")
        match = _BLOCK_MARKERS.match(line)
        if match:
            markers = [marker.group() for marker in _BLOCK_MARKER.finditer(match.group(2))]
            kept = markers[:MAX_BLOCK_DEPTH]
            # The rest are shown as written: "\-", "\>", "12\.".
            shown = [marker[:-1] + "\\" + marker[-1] for marker in markers[MAX_BLOCK_DEPTH:]]
            line = f"{match.group(1)}{' '.join(kept)} {' '.join(shown)} {line[match.end() :]}"
        lines[index] = line
    return "\n".join(lines)


class _BoundedScan:
    """Link patterns that look for a link's target or reference only a bounded distance on."""

    def getLink(self, data, index):
        return super().getLink(data[: index + LINK_TARGET_WINDOW], index)

    def evalId(self, data, index, text):
        return super().evalId(data[: index + LINK_TARGET_WINDOW], index, text)


def _bounded(processor_class):
    return type(f"Bounded{processor_class.__name__}", (_BoundedScan, processor_class), {})


class BoundedLinksExtension(Extension):
    """Python-Markdown's link and image patterns, with bounded look-ahead."""

    PATTERNS = {
        "reference": (inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE, 170),
        "link": (inlinepatterns.LinkInlineProcessor, inlinepatterns.LINK_RE, 160),
        "image_link": (inlinepatterns.ImageInlineProcessor, inlinepatterns.IMAGE_LINK_RE, 150),
        "image_reference": (
            inlinepatterns.ImageReferenceInlineProcessor,
            inlinepatterns.IMAGE_REFERENCE_RE,
            140,
        ),
        "short_reference": (
            inlinepatterns.ShortReferenceInlineProcessor,
            inlinepatterns.REFERENCE_RE,
            130,
        ),
        "short_image_ref": (
            inlinepatterns.ShortImageReferenceInlineProcessor,
            inlinepatterns.IMAGE_REFERENCE_RE,
            125,
        ),
    }

    def extendMarkdown(self, md):
        for name, (processor_class, pattern, priority) in self.PATTERNS.items():
            md.inlinePatterns.register(_bounded(processor_class)(pattern, md), name, priority)


def bound_hostile_markdown(text):
    """The source with everything that makes the parser slow or deep made inert."""
    text = _split_long_blocks(text[:MAX_SOURCE_CHARS].replace("\r\n", "\n"))
    return _bound_block_nesting(_show_as_written(text))


def render_markdown(text):
    """Markdown source to sanitised HTML. Raw HTML in the source never survives."""
    if not text:
        return ""
    source = bound_hostile_markdown(text)
    try:
        html_text = markdown_lib.markdown(
            source,
            extensions=["sane_lists", "tables", BoundedLinksExtension()],
            output_format="html",
        )
    except RecursionError:
        # A structure deeper than the bounds above foresaw: show the words, not an error.
        html_text = "".join(
            f"<p>{html.escape(paragraph)}</p>" for paragraph in source.split("\n\n") if paragraph
        )
    return sanitise_html(isolate_ltr_runs(link_addresses_and_numbers(html_text)))
