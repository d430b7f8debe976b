"""The plain-English check and the editor's live preview."""

import pytest

from editorial.models import JargonTerm
from editorial.plain_language import check, syllables
from tests.helpers import PAGE_ADMIN

pytestmark = pytest.mark.django_db


def test_short_plain_text_reads_easily():
    report = check("Go to the GP. Take your letter. It is free.")
    assert report.sentences == 3
    assert report.reads_easily
    assert report.long_sentences == [] and report.long_words == []


def test_long_sentences_and_long_words_are_flagged():
    text = (
        "Notwithstanding the aforementioned considerations, applicants are required to "
        "demonstrate eligibility by providing documentation substantiating their "
        "circumstances to the satisfaction of the relevant determining authority."
    )
    report = check(text)
    assert report.long_sentences
    assert "documentation" in report.long_words
    assert report.reading_ease < 30


def test_jargon_from_the_editable_list_with_the_plain_alternative():
    JargonTerm.objects.create(
        term="move-on period", plain_alternative="the weeks before support stops"
    )
    terms = JargonTerm.objects.values_list("term", "plain_alternative")
    report = check("You get section 95 support. Then the move-on period starts. Ask NASS.", terms)
    found = dict(report.jargon)
    assert found["section 95"].startswith("asylum support")  # seeded by a migration
    assert "NASS" in found and "move-on period" in found


def test_markdown_and_link_addresses_are_not_counted():
    report = check("## Help\n\n- [Find a GP](https://www.nhs.uk/service-search/find-a-gp)")
    assert "https" not in " ".join(report.long_words)


@pytest.mark.parametrize(("word", "count"), [("go", 1), ("letter", 2), ("surgery", 3), ("free", 1)])
def test_syllable_estimates(word, count):
    assert syllables(word) == count


def test_live_preview_is_sanitised_and_checks_english(client, as_role, pages):
    as_role("agency")
    url = f"{PAGE_ADMIN}/markdown-preview/"
    response = client.post(
        url, {"text": "## Hi\n\n<script>alert(1)</script>Go now.", "language": "en"}
    )
    data = response.json()
    assert data["html"].startswith("<h2>Hi</h2>")
    assert "<script" not in data["html"]
    assert "Reading ease" in data["check"]
    arabic = client.post(url, {"text": "مرحبا", "language": "ar"}).json()
    assert "check" not in arabic
    assert client.get(url).status_code == 405


def test_change_form_shows_the_check_and_loads_the_editor(client, as_role, pages):
    as_role("agency")
    html = client.get(f"{PAGE_ADMIN}/{pages['own'].pk}/change/").content.decode()
    assert "Reading ease" in html
    assert "/static/js/admin-markdown.js" in html
    assert 'id="markdown-preview-url"' in html
