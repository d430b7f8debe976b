"""Markdown to safe HTML.

Editors write Markdown; readers get HTML that has been through an allowlist sanitiser
(ammonia, through nh3) both when it is saved and when it is shown, so a row changed behind
the application's back still cannot carry script to a reader or to staff.
"""

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


def render_markdown(text):
    """Markdown source to sanitised HTML. Raw HTML in the source never survives."""
    if not text:
        return ""
    html = markdown_lib.markdown(
        text,
        extensions=["sane_lists", "tables"],
        output_format="html",
    )
    return sanitise_html(html)
