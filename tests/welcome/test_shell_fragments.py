"""What every page repeats (brand, emergency numbers, footer) is rendered once per language and
content generation, and an editor's change shows on the next page all the same."""

import pytest
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key

from orientation.models import EmergencyContact
from portal.cache import current_generation

pytestmark = pytest.mark.django_db

FRAGMENTS = ["shell-brand", "shell-emergency-link", "shell-emergency", "shell-footer"]


@pytest.fixture(autouse=True)
def _fragments_only(settings):
    # The page cache off: every request renders, so only the fragments can be reused.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


def stored_fragments(language):
    generation = current_generation()
    return [
        name
        for name in FRAGMENTS
        if caches["fragments"].get(make_template_fragment_key(name, [language, generation]))
        is not None
    ]


def test_each_fragment_is_kept_per_language_not_per_page(client, site):
    client.get("/ar/pages/register-with-a-gp/")
    assert stored_fragments("ar") == FRAGMENTS
    assert stored_fragments("en") == []
    client.get("/ar/topics/health/")
    client.get("/ar/status/asylum-seeker/")
    # Other pages in the same language found the same fragments: none was added for them.
    assert len(caches["fragments"]._cache) == len(FRAGMENTS)


def test_a_kept_fragment_is_what_the_page_shows(client, site):
    first = client.get("/en/topics/health/").content.decode()
    kept = caches["fragments"].get(
        make_template_fragment_key("shell-emergency", ["en", current_generation()])
    )
    assert 'href="tel:999"' in kept
    assert kept in first
    assert kept in client.get("/en/pages/register-with-a-gp/").content.decode()


def test_an_edited_emergency_number_shows_at_once(client, site):
    assert 'href="tel:999"' in client.get("/ar/pages/register-with-a-gp/").content.decode()
    contact = EmergencyContact.objects.get(key="emergency")
    contact.number = "112"
    contact.save()
    page = client.get("/ar/pages/register-with-a-gp/").content.decode()
    assert 'href="tel:112"' in page
    assert 'href="tel:999"' not in page


def test_a_renamed_locality_shows_in_the_brand_at_once(client, site, locality):
    client.get("/en/topics/")
    locality.name = "Wolverhampton"
    locality.save()
    assert "Welcome to Wolverhampton</span></a>" in client.get("/en/topics/").content.decode()


def test_each_language_gets_its_own_fragments(client, site):
    client.get("/ar/topics/")
    english = client.get("/en/topics/").content.decode()
    footer = english[english.index('<footer class="site-footer">') :]
    assert 'href="/en/glossary/"' in footer
    assert 'href="/ar/glossary/"' not in footer
    assert 'class="brand" href="/en/"' in english
