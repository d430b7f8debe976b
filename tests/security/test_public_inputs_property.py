"""Property-based test (hypothesis) of every public input: search words, the feedback form,
the directory filters, the language choice and its `next`, `/out/?to=`, and any query string
on any public page. Whatever arrives, the answer is a normal page or a 4xx (never a 500: the
test client raises the view's exception), a redirect never leaves the site except to a link
the portal publishes, and the input is never echoed unescaped.

Runs a fixed, modest set of examples (profile "ci"); `HYPOTHESIS_PROFILE=explore` tries many
random ones locally.
"""

import os
from urllib.parse import quote, urlsplit

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.models import SpokenLanguage
from tests.factories import (
    MigrationStatusFactory,
    OrganisationFactory,
    OrientationPageFactory,
    TopicFactory,
)

settings.register_profile(
    "ci",
    max_examples=15,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "ar", "fa", "ckb", "pl", "ps", "ru", "so"]
# Markup that, echoed as it is, would run in the reader's browser.
INJECTIONS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "</textarea><script>alert(1)</script>",
]
PUBLIC_PATHS = [
    "/",
    "/{lang}/",
    "/{lang}/topics/",
    "/{lang}/topics/housing/",
    "/{lang}/status/",
    "/{lang}/status/refugee/",
    "/{lang}/status/refugee/housing/",
    "/{lang}/pages/register-with-a-gp/",
    "/{lang}/agencies/",
    "/{lang}/agencies/citizens-advice/",
    "/{lang}/agencies/agencies.geojson",
    "/{lang}/search/",
    "/{lang}/glossary/",
    "/{lang}/videos/",
    "/{lang}/privacy/",
    "/healthz",
]
OK = {200, 204, 301, 302, 304}
REFUSED = set(range(400, 500))

any_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=120)
hostile = st.builds(
    lambda before, injection, after: before + injection + after,
    any_text,
    st.sampled_from(INJECTIONS),
    any_text,
)
some_text = st.one_of(any_text, hostile)
# Addresses that try to lead a reader off the site.
OFF_SITE = [
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https:evil.example",
    "/%2F%2Fevil.example",
    " //evil.example",
]
off_site = st.one_of(
    st.sampled_from(OFF_SITE),
    st.builds(lambda start, rest: start + rest, st.sampled_from(OFF_SITE), any_text),
)
language = st.sampled_from(LANGUAGES)
query = st.dictionaries(
    st.one_of(st.sampled_from(["q", "page", "next", "to", "lang"]), any_text), some_text, max_size=4
)


@pytest.fixture
def site(locality):
    housing = TopicFactory(slug="housing", name_en="Housing")
    refugee = MigrationStatusFactory(slug="refugee", name_en="Refugee")
    advice = OrganisationFactory(slug="citizens-advice", name="Citizens Advice", listed=True)
    for code in LANGUAGES:
        SpokenLanguage.objects.get_or_create(
            code=code, defaults={"english_name": code, "native_name": code}
        )
    OrientationPageFactory(
        slug="register-with-a-gp",
        title_en="Register with a GP",
        organisation=advice,
        topics=[housing],
        statuses=[refugee],
    )


def assert_safe(response, sent):
    assert response.status_code in OK | REFUSED, response.status_code
    body = response.content.decode("utf-8", "replace")
    for injection in INJECTIONS:
        if injection in sent:
            assert injection not in body
    location = response.get("Location", "")
    if location:
        parts = urlsplit(location)
        assert parts.netloc in {"", "testserver"}, location
        assert not location.startswith("//")


@given(lang=language, words=some_text)
def test_search_words(client, site, lang, words):
    response = client.get(f"/{lang}/search/", {"q": words})
    assert response.status_code == 200
    assert_safe(response, words)


@given(
    lang=language,
    filters=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            ("topic", "status", "language", "free", "open_now", "page"), some_text
        ),
    ),
)
def test_directory_filters(client, site, lang, filters):
    response = client.get(f"/{lang}/agencies/", filters)
    # A filter the form does not know is explained on the page; a page number past the end
    # shows the last page: the list always answers.
    assert response.status_code == 200
    assert_safe(response, " ".join(filters.values()))


@given(code=st.one_of(language, any_text), next_url=st.one_of(some_text, off_site))
def test_language_choice_and_where_it_goes_next(client, site, code, next_url):
    response = client.get(f"/language/{quote(code, safe='')}/", {"next": next_url})
    # Any code is remembered as a language (an unknown one as English), so it redirects; only a
    # path that is no language code at all (empty, or with a slash once decoded) is not found.
    expected = 404 if not code or "/" in code else 302
    assert response.status_code == expected, code
    assert_safe(response, next_url)


@given(target=st.one_of(some_text, off_site))
def test_outbound_links_go_only_where_the_portal_links(client, site, target):
    response = client.get("/out/", {"to": target})
    assert response.status_code == 400
    assert_safe(response, target)


@given(
    lang=language,
    form=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(("helpful", "comment", "token", "website"), some_text),
    ),
)
def test_feedback_form(client, site, lang, form):
    cache.clear()  # past the rate limit, so every example reaches the form
    response = client.post(f"/{lang}/pages/register-with-a-gp/feedback/", form)
    assert_safe(response, " ".join(form.values()))


@given(path=st.sampled_from(PUBLIC_PATHS), lang=language, params=query)
def test_any_query_string_on_any_public_page(client, site, path, lang, params):
    response = client.get(path.format(lang=lang), params)
    assert_safe(response, " ".join([*params, *params.values()]))


@given(lang=language, segment=some_text)
def test_any_address_under_the_public_paths(client, site, lang, segment):
    for prefix in ("pages", "topics", "status", "agencies", "videos"):
        response = client.get(f"/{lang}/{prefix}/{quote(segment, safe='')}/")
        assert_safe(response, segment)
