"""The source text a translator works from: every text field of the model, escaped, in the
source language, on the page and glossary term forms alike."""

import pytest

from editorial.admin.english_source import english_source
from tests.factories import GlossaryTermFactory, OrientationPageFactory
from tests.helpers import PAGE_ADMIN

pytestmark = pytest.mark.django_db

GLOSSARY_ADMIN = "/admin/orientation/glossaryterm"


def test_each_text_field_in_its_tag_and_escaped(locality):
    page = OrientationPageFactory(
        title_en="Register <b>now</b>", summary_en="How to register.", body_en="## Steps"
    )
    assert english_source(page, {"title": "h3", "body": "pre"}) == (
        "<div lang='en' dir='ltr' class='english-source'>"
        "<h3>Register &lt;b&gt;now&lt;/b&gt;</h3><p>How to register.</p><pre>## Steps</pre></div>"
    )


def test_the_fields_are_the_models_text_fields(locality):
    term = GlossaryTermFactory(term_en="GP", also_known_as_en="", explanation_en="A family doctor.")
    assert english_source(term, {"term": "h3"}) == (
        "<div lang='en' dir='ltr' class='english-source'>"
        "<h3>GP</h3><p></p><p>A family doctor.</p></div>"
    )


def test_a_translator_sees_the_english_of_a_page_and_of_a_term(client, as_role, pages):
    as_role("translator")
    page = pages["other"]
    page.summary_en = "Only in English: the summary."
    page.save()
    html = client.get(f"{PAGE_ADMIN}/{page.pk}/change/").content.decode()
    assert "<p>Only in English: the summary.</p>" in html
    term = GlossaryTermFactory(explanation_en="Only in English: the explanation.")
    html = client.get(f"{GLOSSARY_ADMIN}/{term.pk}/change/").content.decode()
    assert "<p>Only in English: the explanation.</p></div>" in html
