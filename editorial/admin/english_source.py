"""The source text shown beside a translator's fields, for pages and glossary terms alike."""

from django.utils.html import format_html, format_html_join

from portal.languages import BIDI_CODES, SOURCE_LANGUAGE
from portal.translation import source_field


def english_source(obj, tags):
    """The source-language words of each of ``obj``'s ``text_fields``, escaped, in the order the
    model lists them, each in its tag from ``tags`` (a paragraph where it names none)."""
    return format_html(
        "<div lang='{}' dir='{}' class='english-source'>{}</div>",
        SOURCE_LANGUAGE,
        "rtl" if SOURCE_LANGUAGE in BIDI_CODES else "ltr",
        format_html_join(
            "",
            "<{0}>{1}</{0}>",
            (
                (tags.get(field, "p"), getattr(obj, source_field(field)) or "")
                for field in obj.text_fields
            ),
        ),
    )
