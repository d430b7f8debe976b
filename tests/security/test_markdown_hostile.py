"""Crafted Markdown is bounded before it reaches the parser: shown as written, never an error.

Python-Markdown walks from every "[" to the "]" that closes it (to the end of the paragraph
when none does) and nests lists by recursion. These tests check the bounds that keep its work
small (every bracket it walks from closes nearby, nesting is capped), and what readers get.
bench/markdown_hostile.py prints the time before and after; no test here measures time.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from orientation.markdown import (
    MAX_BLOCK_CHARS,
    MAX_BLOCK_DEPTH,
    MAX_BRACKET_DEPTH,
    bound_hostile_markdown,
    render_markdown,
)

SAMPLE_PAGES = Path(settings.BASE_DIR) / "content" / "birmingham" / "pages"


def unescaped(text, character):
    return len(re.findall(r"(?<!\\)" + re.escape(character), text))


def test_unclosed_brackets_are_escaped_so_the_parser_never_walks_from_them():
    source = bound_hostile_markdown("[" * 8000)
    assert unescaped(source, "[") == 0
    assert source.count("\\[") == 8000


def test_unclosed_brackets_are_shown_to_the_reader_as_written():
    html = render_markdown("[" * 8000)
    assert html.count("[") == 8000
    assert "\\" not in html


def test_deep_brackets_keep_only_a_few_levels():
    source = bound_hostile_markdown("[" * 1000 + "x" + "]" * 1000)
    assert unescaped(source, "[") == MAX_BRACKET_DEPTH
    assert unescaped(source, "]") == MAX_BRACKET_DEPTH


def test_a_link_target_that_never_closes_is_shown_as_written():
    source = bound_hostile_markdown("[x](" * 3000)
    assert unescaped(source, "(") == 0
    html = render_markdown("[x](" * 3000)
    assert "<a " not in html
    assert html.count("[x](") == 3000


def test_an_unclosed_bracket_does_not_spoil_the_next_paragraphs_links():
    html = render_markdown("A [ stray bracket.\n\nSee [GOV.UK](https://www.gov.uk/).")
    assert "<p>A [ stray bracket.</p>" in html
    assert '<a href="https://www.gov.uk/" rel="noopener noreferrer">GOV.UK</a>' in html


def test_brackets_inside_code_are_left_alone():
    assert render_markdown("Use `a[0` here") == "<p>Use <code>a[0</code> here</p>"


@pytest.mark.parametrize("marker", ["1. ", "* - ", "> ", "+ 1. "])
def test_deeply_nested_lists_and_quotes_render_capped_instead_of_failing(marker):
    html = render_markdown(marker * (MAX_BLOCK_CHARS // len(marker) - 5) + "words")
    assert "words" in html
    assert html.count("<ol>") + html.count("<ul>") + html.count("<blockquote>") == MAX_BLOCK_DEPTH


def test_huge_indentation_is_capped():
    html = render_markdown("- a\n" + " " * 5000 + "- b")
    assert "b" in html


def test_a_tag_that_never_closes_is_shown_as_text():
    html = render_markdown("<a" * 5000)
    assert html.count("&lt;a") == 5000


def test_one_huge_paragraph_is_split_into_paragraphs_of_bounded_length():
    words = "Register with a GP near you. " * 1000
    html = render_markdown(words)
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.DOTALL)
    assert len(paragraphs) > 1
    assert max(len(paragraph) for paragraph in paragraphs) <= MAX_BLOCK_CHARS
    assert " ".join(paragraphs).split() == words.split()


ORDINARY = (
    "## Bring\n\n- your **letter**\n- your passport\n    - a copy\n\n"
    "[GOV.UK](https://www.gov.uk/) and [NHS (England)](https://www.nhs.uk/a_(b)).\n\n"
    '| a | b |\n|---|---|\n| 1 | 2 |\n\n<bdi dir="ltr">Dr Smith</bdi> x < y [see below]'
)


def test_ordinary_markdown_reaches_the_parser_unchanged():
    assert bound_hostile_markdown(ORDINARY) == ORDINARY
    html = render_markdown(ORDINARY)
    assert 'href="https://www.nhs.uk/a_(b)"' in html
    assert ">NHS (England)</a>" in html
    assert "<table>" in html
    assert "<li>your passport<ul>" in html


def test_every_sample_page_reaches_the_parser_unchanged():
    sources = sorted(SAMPLE_PAGES.glob("*/*.md"))
    assert len(sources) > 40
    for path in sources:
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        assert bound_hostile_markdown(body) == body, path
