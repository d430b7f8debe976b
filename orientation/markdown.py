"""Markdown to safe HTML.

Editors write Markdown; readers get HTML that has been through an allowlist sanitiser
(ammonia, through nh3) both when it is saved and when it is shown, so a row changed behind
the application's back still cannot carry script to a reader or to staff.
"""

import re

import markdown as markdown_lib
import nh3

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


def render_markdown(text):
    """Markdown source to sanitised HTML. Raw HTML in the source never survives."""
    if not text:
        return ""
    html = markdown_lib.markdown(
        text,
        extensions=["sane_lists", "tables"],
        output_format="html",
    )
    return sanitise_html(isolate_ltr_runs(html))
