"""The glossary page, the first-use links in page bodies, and the glossary and synonym files."""

import shutil
from pathlib import Path

import pytest
import yaml

from orientation.glossary import GlossaryTerm
from orientation.glossary_loader import read_glossary, save_glossary
from orientation.models import SearchSynonym
from orientation.search.query import search
from portal.content_files import ContentError
from portal.translation import TranslationState
from tests.factories import GlossaryTermFactory, OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db

CONTENT = Path(__file__).resolve().parents[2] / "content" / "birmingham"


@pytest.fixture
def gp_term(locality):
    page = OrientationPageFactory(slug="register-with-a-gp", title_en="Register with a GP")
    return GlossaryTermFactory(
        slug="gp",
        term_en="GP",
        also_known_as_en="GPs, family doctor",
        explanation_en="A family doctor. Registering is free.",
        term_fa="پزشک عمومی (GP)",
        explanation_fa="پزشک خانواده. ثبت‌نام رایگان است.",
        page=page,
    )


def test_glossary_page_lists_published_terms_in_the_readers_language(client, gp_term):
    GlossaryTermFactory(term_en="Secret draft term", state="draft")
    GlossaryTermFactory(slug="nrpf", term_en="NRPF", explanation_en="No recourse to public funds.")
    english = client.get("/en/glossary/").content.decode()
    assert '<div id="term-gp" class="glossary__term">' in english
    assert "A family doctor. Registering is free." in english
    assert 'href="/en/pages/register-with-a-gp/"' in english
    assert "Secret draft term" not in english
    farsi = client.get("/fa/glossary/").content.decode()
    assert "پزشک خانواده. ثبت‌نام رایگان است." in farsi
    # Not yet translated: shown in English, marked as English.
    assert '<dt lang="en" dir="ltr">NRPF</dt>' in farsi


def test_glossary_page_does_not_link_to_an_unpublished_page(client, gp_term):
    gp_term.page.state = "draft"
    gp_term.page.save()
    html = client.get("/en/glossary/").content.decode()
    assert "/en/pages/register-with-a-gp/" not in html


def test_first_use_of_a_term_in_a_page_body_links_to_it(client, gp_term):
    OrientationPageFactory(
        slug="health",
        title_en="Health",
        body_en="## Your GP\n\nSee a GP first. Your GP can refer you. A family doctor helps."
        "\n\n[Find a GP](https://www.nhs.uk/)\n\nThe arc of a story.",
        title_fa="سلامت",
        body_fa="پیش پزشک عمومی بروید. پزشک عمومی کمک می‌کند.",
    )
    GlossaryTermFactory(slug="arc", term_en="ARC", explanation_en="A card.")
    html = client.get("/en/pages/health/").content.decode()
    link = (
        '<a class="glossary-link" href="/en/glossary/#term-gp" '
        'title="A family doctor. Registering is free.">GP</a>'
    )
    assert html.count(link) == 1  # the first use in the text, not the heading
    assert "<h2>Your GP</h2>" in html
    assert "See a " + link + " first." in html
    assert ">Find a GP</a>" in html  # an existing link is left alone
    assert "#term-arc" not in html  # "arc" in a sentence is not the ARC card
    farsi = client.get("/fa/pages/health/").content.decode()
    assert farsi.count('href="/fa/glossary/#term-gp"') == 1
    assert 'title="پزشک خانواده. ثبت‌نام رایگان است.">پزشک عمومی</a> بروید' in farsi


def test_term_changes_reach_page_bodies_at_once(client, gp_term):
    OrientationPageFactory(slug="health", title_en="Health", body_en="Ask your council.")
    assert "#term-council" not in client.get("/en/pages/health/").content.decode()
    GlossaryTermFactory(slug="council", term_en="council", explanation_en="Local government.")
    assert 'href="/en/glossary/#term-council"' in client.get("/en/pages/health/").content.decode()


def test_hostile_term_text_cannot_inject_markup(client, locality):
    GlossaryTermFactory(slug="evil", term_en="office", explanation_en='"><script>alert(1)</script>')
    OrientationPageFactory(slug="p", title_en="P", body_en="Go to the office.")
    html = client.get("/en/pages/p/").content.decode()
    assert "<script>alert(1)" not in html
    assert 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">office</a>' in html
    glossary = client.get("/en/glossary/").content.decode()
    assert "<script>alert(1)" not in glossary


def test_translation_status_of_a_term_follows_the_english(gp_term):
    gp_term.mark_translated("fa")
    gp_term.translation_states = {"fa": "reviewed"}
    gp_term.save()
    assert gp_term.translation_status("fa") == TranslationState.CURRENT
    assert gp_term.translation_status("ar") == TranslationState.MISSING
    gp_term.explanation_en = "A doctor for everyday health problems."
    gp_term.save()
    assert gp_term.translation_status("fa") == TranslationState.OUTDATED


def test_sample_glossary_has_forty_terms_each_with_a_page(locality):
    english = yaml.safe_load((CONTENT / "glossary" / "en.yml").read_text())
    assert english["translation"] == "reviewed"
    assert len(english["terms"]) >= 40
    pages = {path.name for path in (CONTENT / "pages").iterdir() if path.is_dir()}
    for slug, term in english["terms"].items():
        assert term["page"] in pages, slug
        assert len(term["explanation"].split()) <= 45, slug


def test_loading_the_glossary_and_synonyms(tmp_path, locality):
    OrientationPageFactory(slug="register-with-a-gp")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "synonyms").mkdir()
    (tmp_path / "glossary" / "en.yml").write_text(
        "translation: reviewed\nterms:\n  gp:\n    term: GP\n    also: [GPs]\n"
        "    explanation: A family doctor.\n    page: register-with-a-gp\n"
    )
    (tmp_path / "glossary" / "so.yml").write_text(
        "translation: draft\nterms:\n  gp:\n    term: Dhakhtarka guud (GP)\n"
        "    explanation: Dhakhtarka qoyska.\n"
    )
    (tmp_path / "synonyms" / "en.yml").write_text("groups:\n  - [doctor, GP, surgery]\n")
    data = read_glossary(tmp_path, {"register-with-a-gp"})
    assert save_glossary(data) == 1
    term = GlossaryTerm.objects.get(slug="gp")
    assert (term.term_so, term.page.slug, term.state) == (
        "Dhakhtarka guud (GP)",
        "register-with-a-gp",
        "published",
    )
    assert term.translation_status("so") == TranslationState.DRAFT
    assert list(SearchSynonym.objects.values_list("language", "words")) == [
        ("en", "doctor, GP, surgery")
    ]
    assert search("surgery", "en").results[0].title == "GP"
    # Loading again updates in place.
    save_glossary(read_glossary(tmp_path, {"register-with-a-gp"}))
    assert GlossaryTerm.objects.count() == 1
    assert SearchSynonym.objects.count() == 1


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("glossary/en.yml", "terms: [a, b]\n", "'terms' mapping"),
        ("glossary/en.yml", "terms:\n  gp:\n    term: GP\n", "missing 'explanation'"),
        (
            "glossary/en.yml",
            "terms:\n  gp:\n    term: GP\n    explanation: x\n    page: nope\n",
            "'nope'",
        ),
        ("glossary/en.yml", "terms:\n  Bad Slug:\n    term: x\n    explanation: y\n", "slug"),
        ("synonyms/en.yml", "groups:\n  - [alone]\n", "two or more"),
    ],
)
def test_malformed_files_are_named_and_nothing_is_loaded(tmp_path, locality, file, text, message):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "synonyms").mkdir()
    if not file.startswith("glossary"):
        (tmp_path / "glossary" / "en.yml").write_text("terms: {}\n")
    (tmp_path / file).write_text(text)
    with pytest.raises(ContentError, match=message) as error:
        read_glossary(tmp_path, set())
    assert file.split("/")[-1] in str(error.value)
    assert GlossaryTerm.objects.count() == 0


def test_the_sample_content_loads_glossary_and_synonyms(db):
    from welcome.locality import load_locality

    load_locality(CONTENT)
    assert GlossaryTerm.objects.published().count() >= 40
    assert SearchSynonym.objects.filter(language="fa").exists()
    results = search("دكتور", "ar").results
    pages = [result for result in results if result.kind == "page"]
    assert pages[0].title == "سجّل عند طبيب العائلة (GP)"
    # The Arabic glossary entry for a GP explains the word the reader typed.
    assert any(r.kind == "term" and r.language == "ar" for r in results)


def test_a_term_inside_a_longer_proper_name_is_not_linked(client, locality):
    GlossaryTermFactory(slug="council", term_en="council", explanation_en="Local government.")
    GlossaryTermFactory(slug="gp", term_en="GP", explanation_en="A family doctor.")
    OrientationPageFactory(
        slug="p",
        title_en="P",
        body_en="Call Birmingham City Council today. Your GP can help.\n\n"
        "Pay your council on time.",
    )
    html = client.get("/en/pages/p/").content.decode()
    assert "Birmingham City Council today" in html
    # The first use outside the name links; a title-case word opening a sentence is no name.
    assert 'Pay your <a class="glossary-link" href="/en/glossary/#term-council"' in html
    assert 'Your <a class="glossary-link" href="/en/glossary/#term-gp"' in html


def test_a_proper_name_is_only_joined_by_a_space(client, locality):
    GlossaryTermFactory(slug="arc", term_en="ARC", explanation_en="A card.")
    GlossaryTermFactory(slug="work-coach", term_en="work coach", explanation_en="An adviser.")
    OrientationPageFactory(
        slug="p",
        title_en="P",
        body_en="Show your ARC (Application Registration Card). A Jobcentre work coach helps.",
    )
    html = client.get("/en/pages/p/").content.decode()
    assert 'href="/en/glossary/#term-arc"' in html
    assert 'Jobcentre <a class="glossary-link" href="/en/glossary/#term-work-coach"' in html


def test_reloading_the_locality_deletes_the_terms_its_files_no_longer_hold(tmp_path, db):
    from welcome.locality import load_locality

    folder = tmp_path / "locality"
    shutil.copytree(CONTENT, folder)
    load_locality(folder)
    made_in_the_admin = GlossaryTermFactory(slug="own-word", term_en="Own word")
    assert any(r.kind == "term" for r in search("Application Registration Card", "en").results)
    for path in (folder / "glossary").glob("*.yml"):
        content = yaml.safe_load(path.read_text())
        del content["terms"]["arc"]
        path.write_text(yaml.safe_dump(content, allow_unicode=True))

    load_locality(folder)
    slugs = set(GlossaryTerm.objects.values_list("slug", flat=True))
    assert "arc" not in slugs
    assert {"gp", made_in_the_admin.slug} <= slugs
    assert not any(r.kind == "term" for r in search("Application Registration Card", "en").results)


def test_a_folder_without_a_glossary_file_leaves_the_glossary_as_it_is(tmp_path, locality):
    (tmp_path / "glossary").mkdir()
    english = tmp_path / "glossary" / "en.yml"
    english.write_text("terms:\n  gp:\n    term: GP\n    explanation: A family doctor.\n")
    save_glossary(read_glossary(tmp_path, set()))
    english.unlink()
    save_glossary(read_glossary(tmp_path, set()))
    assert list(GlossaryTerm.objects.values_list("slug", flat=True)) == ["gp"]


def test_a_term_inside_an_organisation_name_is_not_linked(client, locality):
    OrganisationFactory(name="Refugee and Migrant Centre")
    GlossaryTermFactory(slug="refugee", term_en="refugee", explanation_en="A person given asylum.")
    OrientationPageFactory(
        slug="p",
        title_en="P",
        body_en="Ask the Refugee and Migrant Centre. A refugee can work.",
    )
    html = client.get("/en/pages/p/").content.decode()
    assert "Ask the Refugee and Migrant Centre." in html
    assert 'A <a class="glossary-link" href="/en/glossary/#term-refugee"' in html


def test_a_new_organisation_name_is_kept_clear_at_once(client, locality):
    GlossaryTermFactory(slug="bail", term_en="bail", explanation_en="Being let out of detention.")
    OrientationPageFactory(slug="p", title_en="P", body_en="Call Bail for Immigration Detainees.")
    assert 'href="/en/glossary/#term-bail"' in client.get("/en/pages/p/").content.decode()
    OrganisationFactory(name="Bail for Immigration Detainees")
    assert 'href="/en/glossary/#term-bail"' not in client.get("/en/pages/p/").content.decode()
