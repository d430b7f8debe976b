"""Search, on whichever database the suite runs on (SQLite by default, PostgreSQL in CI): the
same tests hold for both backends."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Organisation
from insights.counting import BUFFER
from insights.models import DailyCount, Metric
from orientation.models import OrientationPage, SearchDocument
from orientation.search.query import search
from tests.factories import (
    GlossaryTermFactory,
    OrganisationFactory,
    OrientationPageFactory,
    SearchSynonymFactory,
)

pytestmark = pytest.mark.django_db


def titles(outcome):
    return [result.title for result in outcome.results]


@pytest.fixture
def pages(locality):
    gp = OrientationPageFactory(
        slug="register-with-a-gp",
        title_en="Register with a GP",
        summary_en="How to see a doctor for free.",
        body_en="A GP is a family doctor. Registering is free.",
        title_fa="ثبت‌نام نزد پزشک عمومی (GP)",
        summary_fa="چطور پیش پزشک بروید.",
        body_fa="برای ثبت‌نام به مطب بروید.",
    )
    bus = OrientationPageFactory(
        slug="bus-passes",
        title_en="Bus passes",
        body_en="If you feel ill on the bus, see a doctor later. Buses run all night.",
    )
    credit = OrientationPageFactory(
        slug="universal-credit",
        title_en="Universal Credit",
        body_en="Universal Credit is money for people out of work or on a low income.",
        title_so="Universal Credit (lacag dowladda)",
        body_so="Dhakhtarka iyo lacagta: codso online.",
    )
    return {"gp": gp, "bus": bus, "credit": credit}


def test_the_index_is_the_databases_full_text_index(pages):
    """A real FTS5 table on SQLite and a tsvector column on PostgreSQL, kept by the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM orientation_searchdocument_fts "
                "WHERE orientation_searchdocument_fts MATCH '\" bus\"'"
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM orientation_searchdocument "
                "WHERE vector @@ to_tsquery('english', 'bus:*')"
            )
        assert cursor.fetchone()[0] == 1


def test_title_match_beats_a_passing_mention(pages):
    assert titles(search("doctor", "en"))[:2] == ["Register with a GP", "Bus passes"]
    assert titles(search("bus", "en"))[0] == "Bus passes"


def test_a_word_far_down_a_long_page_is_found_after_the_title_matches(pages):
    # Past the first 500 characters, which PostgreSQL ranks on: only the whole text has it.
    OrientationPageFactory(
        slug="libraries",
        title_en="Libraries",
        body_en="Libraries lend books and computers for free. " * 20 + "Ask about a doctor.",
    )
    found = titles(search("doctor", "en"))
    assert found[:2] == ["Register with a GP", "Bus passes"]
    assert "Libraries" in found


def test_results_in_the_readers_language_come_first_then_english(pages):
    outcome = search("GP", "fa")
    assert [(result.title, result.language) for result in outcome.results] == [
        ("ثبت‌نام نزد پزشک عمومی (GP)", "fa")
    ]
    english_only = search("buses", "fa")
    assert [(result.title, result.language) for result in english_only.results] == [
        ("Bus passes", "en")
    ]


def test_a_page_is_found_once_even_when_both_languages_match(pages):
    outcome = search("universal credit", "so")
    assert titles(outcome) == ["Universal Credit (lacag dowladda)"]
    assert outcome.results[0].language == "so"


def test_arabic_keyboard_and_sorani_and_pashto_letters_meet_persian_text(locality):
    OrientationPageFactory(
        title_en="Doctors",
        title_fa="پزشک و داکتر",
        body_fa="متن",
        title_ckb="دکتۆر و نەخۆشخانە",
        body_ckb="دەق",
    )
    assert titles(search("پزشك", "fa")) == ["پزشک و داکتر"]  # Arabic kaf
    assert titles(search("ډاکتر", "fa")) == ["پزشک و داکتر"]  # Pashto ddal
    assert titles(search("نهخوشخانه", "ckb")) == ["دکتۆر و نەخۆشخانە"]  # Persian keyboard


@pytest.mark.parametrize("typed", ["docter", "dokter", "doctr"])
def test_misspellings_and_spellings_by_ear_find_the_page(pages, typed):
    outcome = search(typed, "en")
    assert titles(outcome)[0] == "Register with a GP"
    assert outcome.suggestion == "doctor"
    assert outcome.corrected


def test_two_misspelt_words(pages):
    outcome = search("univeral credit", "en")
    assert titles(outcome)[0] == "Universal Credit"
    assert outcome.suggestion == "universal credit"


def test_somali_spellings_typed_several_ways(pages):
    for typed in ("dhakhtarka", "dakhtarka", "dhaqtarka"):
        assert titles(search(typed, "so")) == ["Universal Credit (lacag dowladda)"], typed


def test_polish_without_its_marks(locality):
    OrientationPageFactory(title_en="Benefits", title_pl="Zasiłek i świadczenia", body_pl="Tekst")
    assert titles(search("zasilek swiadczenia", "pl")) == ["Zasiłek i świadczenia"]


def test_synonyms_apply_to_queries_per_language(pages):
    assert "Register with a GP" not in titles(search("surgery", "en"))
    SearchSynonymFactory(language="en", words="doctor, GP, surgery")
    assert titles(search("surgery", "en"))[0] == "Register with a GP"
    SearchSynonymFactory(language="en", words="benefits, universal credit")
    assert titles(search("benefits", "en")) == ["Universal Credit"]
    SearchSynonymFactory(language="fa", words="دکتر, پزشک")
    assert titles(search("دکتر", "fa"))[0] == "ثبت‌نام نزد پزشک عمومی (GP)"
    # Farsi synonyms are not applied to Polish readers' searches.
    assert search("دکتر", "pl").results == []


def test_organisations_and_glossary_terms_are_found(pages):
    OrganisationFactory(
        name="Refugee Advice Centre", description_en="Help with asylum support and housing."
    )
    OrganisationFactory(name="Hidden Office", description_en="Asylum help.", listed=False)
    GlossaryTermFactory(
        slug="section-95",
        term_en="section 95 support",
        explanation_en="The usual asylum support while you wait for a decision.",
    )
    GlossaryTermFactory(term_en="asylum draft", explanation_en="Not yet.", state="draft")
    outcome = search("asylum support", "en")
    found = {(result.kind, result.title, result.url) for result in outcome.results}
    assert found == {
        (
            "organisation",
            "Refugee Advice Centre",
            f"/en/agencies/{_slug('Refugee Advice Centre')}/",
        ),
        ("term", "section 95 support", "/en/glossary/#term-section-95"),
    }


def _slug(name):
    return Organisation.objects.get(name=name).slug


def test_unpublished_pages_are_not_found(pages):
    page = pages["bus"]
    page.state = OrientationPage.State.DRAFT
    page.save()
    assert "Bus passes" not in titles(search("bus", "en"))
    assert not SearchDocument.objects.filter(kind="page", object_id=page.pk).exists()


def test_snippet_marks_the_words_found_and_escapes_everything_else(locality):
    OrientationPageFactory(
        title_en="Safe page",
        body_en="Ask <b>a</b> doctor & nurse about the <script>alert(1)</script> GP letter.",
    )
    outcome = search("doctor <script>", "en")
    snippet = str(outcome.results[0].snippet)
    assert "<mark>doctor</mark>" in snippet
    assert "<script>" not in snippet
    assert "&amp;" in snippet


def test_search_page_shows_language_kind_and_highlight(client, pages):
    html = client.get("/fa/search/", {"q": "bus"}).content.decode()
    assert '<li class="page-card" lang="en" dir="ltr">' in html
    assert "English" in html
    assert "<mark>Bus</mark> passes" in html
    assert 'href="/fa/pages/bus-passes/"' in html


def test_did_you_mean_links_to_the_corrected_search(client, pages):
    html = client.get("/en/search/", {"q": "univeral credit"}).content.decode()
    assert 'href="/en/search/?q=universal%20credit"' in html


def test_no_result_is_not_a_dead_end(client, pages, site_helpers):
    html = client.get("/en/search/", {"q": "zzzzqqq"}).content.decode()
    assert "No results for" in html
    assert 'href="/en/topics/health/"' in html
    assert 'href="/en/status/asylum-seeker/"' in html
    assert 'href="/en/agencies/key-advice/"' in html
    assert 'href="/en/agencies/"' in html


@pytest.fixture
def site_helpers(pages):
    from tests.factories import MigrationStatusFactory, TopicFactory

    TopicFactory(slug="health", name_en="Health")
    MigrationStatusFactory(slug="asylum-seeker", label_en="I am an asylum seeker")
    OrganisationFactory(slug="key-advice", name="Key Advice", key_agency=True)


HOSTILE = [
    "x" * 5000,
    "'; DROP TABLE orientation_searchdocument; --",
    '" OR 1=1 --',
    "NEAR(doctor gp) AND * ^ : -",
    "doctor:* | !gp & (bus",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "\x00\x01 doctor",
    "",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_normal_answer(client, pages, query):
    documents = SearchDocument.objects.count()
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "x" * 201 + "</bdi>" not in html  # the query shown is cut to 200 characters
    assert 'value="' + "x" * 201 not in html
    assert SearchDocument.objects.count() == documents  # nothing was dropped or changed


def test_search_queries_do_not_grow_with_content(client, pages, site_helpers):
    def queries(path):
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context.captured_queries)

    paths = ["/en/search/?q=doctor", "/fa/search/?q=docter+bus", "/en/search/?q=zzzzqqq"]
    before = [queries(path) for path in paths]
    for number in range(10):
        OrientationPageFactory(title_en=f"Doctor page {number}", title_fa="پزشک", body_fa="متن")
        OrganisationFactory(description_en="A doctor for everyone.")
    assert [queries(path) for path in paths] == before


def test_invalid_utf8_gets_a_normal_answer(client, pages):
    response = client.get("/en/search/?q=%ff%fe%c3doctor")
    assert response.status_code == 200
    assert "Register with a GP" in response.content.decode()


def counts():
    BUFFER.flush()
    return {(row.metric, row.key): row.count for row in DailyCount.objects.all()}


PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A135F) Mobile Safari/537.36"


def test_searches_are_counted_without_the_searcher_and_empty_ones_per_language(client, pages):
    client.get("/fa/search/", {"q": "Doctor 07700 900123"}, HTTP_USER_AGENT=PHONE)
    client.get("/fa/search/", {"q": "wifi mosque"}, HTTP_USER_AGENT=PHONE)
    found = counts()
    assert found[(Metric.SEARCH, "doctor ##### ######")] == 1
    assert found[(Metric.SEARCH, "wifi mosque")] == 1
    assert found[(Metric.SEARCH_EMPTY, "fa:wifi mosque")] == 1
    assert (Metric.SEARCH_EMPTY, "fa:doctor ##### ######") not in found
    stored = " ".join(key for _metric, key in found)
    for personal in ("Android", "SM-A135F", "07700", "127.0.0.1"):
        assert personal not in stored


def test_robots_and_staff_searches_are_not_counted(client, pages, django_user_model):
    client.get("/en/search/", {"q": "doctor"}, HTTP_USER_AGENT="Googlebot/2.1")
    staff = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(staff)
    client.get("/en/search/", {"q": "doctor"}, HTTP_USER_AGENT=PHONE)
    assert (Metric.SEARCH, "doctor") not in counts()
