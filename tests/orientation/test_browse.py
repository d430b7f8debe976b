"""Browsing by subject and by migration status; what is public; translation notices."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_topics_statuses_and_emergency_numbers(client, site):
    html = client.get("/en/").content.decode()
    assert "Welcome to Testville" in html
    assert 'href="/en/topics/health/"' in html
    assert 'href="/en/status/asylum-seeker/"' in html
    assert "I am status" in html
    assert '<a class="emergency__number" href="tel:999"><bdi dir="ltr">999</bdi></a>' in html


def test_topic_lists_its_published_pages_only(client, site):
    html = client.get("/en/topics/health/").content.decode()
    assert "Register with a GP" in html
    assert "Unfinished draft page" not in html
    assert "Asylum support" not in html


def test_status_shows_only_topics_that_have_pages_for_it(client, site):
    html = client.get("/en/status/student/").content.decode()
    assert 'href="/en/status/student/housing/"' in html
    assert 'href="/en/status/student/health/"' in html  # the GP page is for everyone


def test_status_by_topic_shows_pages_for_that_status_and_for_everyone(client, site):
    asylum = client.get("/en/status/asylum-seeker/housing/").content.decode()
    assert "Asylum support" in asylum
    assert "Student housing" not in asylum
    students = client.get("/en/status/student/housing/").content.decode()
    assert "Student housing" in students
    assert "Asylum support" not in students
    health = client.get("/en/status/student/health/").content.decode()
    assert "Register with a GP" in health
    assert "Unfinished draft page" not in health


@pytest.mark.parametrize("state", ["draft", "in_review", "archived"])
def test_unpublished_pages_are_invisible_everywhere(client, site, state):
    page = site["pages"]["draft"]
    page.state = state
    page.save()
    assert client.get(f"/en/pages/{page.slug}/").status_code == 404
    for path in ("/en/topics/health/", "/en/status/student/health/", "/en/search/?q=unfinished"):
        assert "Unfinished draft page" not in client.get(path).content.decode(), path


def test_page_shows_everything_a_reader_needs(client, site):
    html = client.get("/en/pages/asylum-support/").content.decode()
    assert "<h1>Asylum support</h1>" in html
    assert "A short summary." in html
    assert "<h2>What to do</h2>" in html
    assert "Who this page is for" in html
    assert 'href="/en/status/asylum-seeker/"' in html
    assert '<time datetime="2026-11-20">20 November 2026</time>' in html
    assert 'href="/out/?to=https%3A%2F%2Fwww.gov.uk%2F" rel="noopener noreferrer external"' in html
    assert "opens another website" in html
    assert 'href="/en/topics/housing/"' in html
    assert 'aria-current="page">Asylum support<' in html  # breadcrumbs


def test_page_for_everyone_says_so(client, site):
    html = client.get("/en/pages/register-with-a-gp/").content.decode()
    assert "Everyone" in html


def test_missing_translation_shows_english_marked_as_english_with_a_notice(client, site):
    html = client.get("/pl/pages/asylum-support/").content.decode()
    assert '<h1 lang="en" dir="ltr">Asylum support</h1>' in html
    assert '<div lang="en" dir="ltr"><h2>What to do</h2>' in html
    assert "notice--fallback" in html


def test_draft_translation_is_announced_with_a_link_to_english(client, site):
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert "<h1>التسجيل لدى طبيب عام</h1>" in html
    assert "notice--draft" in html
    assert 'href="/en/pages/register-with-a-gp/"' in html
    assert "notice--fallback" not in html


def test_reviewed_translation_has_no_notice(client, site):
    page = site["pages"]["everyone"]
    page.translation_states = {"ar": "reviewed"}
    page.save()
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert "notice--draft" not in html
    assert "notice--fallback" not in html


def test_english_page_has_no_translation_notice(client, site):
    html = client.get("/en/pages/register-with-a-gp/").content.decode()
    assert "notice--" not in html


def test_topic_names_fall_back_to_marked_english(client, site):
    html = client.get("/ar/topics/").content.decode()
    assert "الصحة" in html
    assert '<span lang="en" dir="ltr">Housing</span>' in html


def test_editing_a_page_shows_at_once_despite_the_page_cache(client, site):
    page = site["pages"]["everyone"]
    assert "Register with a GP" in client.get("/en/pages/register-with-a-gp/").content.decode()
    page.title_en = "Register with a doctor"
    page.save()
    assert "Register with a doctor" in client.get("/en/pages/register-with-a-gp/").content.decode()


def test_unpublishing_removes_a_cached_page(client, site):
    page = site["pages"]["everyone"]
    assert client.get("/en/pages/register-with-a-gp/").status_code == 200
    page.state = "archived"
    page.save()
    assert client.get("/en/pages/register-with-a-gp/").status_code == 404


def test_a_translation_of_older_english_is_announced_as_outdated(client, site):
    page = site["pages"]["everyone"]
    page.body_en = "## What to do now\n\nPhone the surgery first."
    page.save()  # a real change to the English: the Arabic was made from the old one
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert "notice--outdated" in html
    assert 'href="/en/pages/register-with-a-gp/"' in html


def test_a_minor_english_edit_keeps_translations_current(client, site):
    page = site["pages"]["everyone"]
    page.body_en = page.body_en.replace("office", "office.")
    page.save(minor_edit=True)
    html = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert "notice--outdated" not in html
    assert "notice--draft" in html
