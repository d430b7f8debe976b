"""Links to other sites go through a counter that only goes where published content points."""

import pytest

from insights.counting import BUFFER
from insights.models import DailyCount
from tests.factories import OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(locality):
    page = OrientationPageFactory(
        slug="gp", body_en="[Find a GP](https://www.nhs.uk/service-search/find-a-gp?a=1&b=2)"
    )
    OrganisationFactory(website="https://advice.example.org/")
    draft = OrientationPageFactory(
        slug="draft", state="draft", body_en="[x](https://draft.example/)"
    )
    return page, draft


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gov.uk/",  # a page's official source (from the factory)
        "https://www.nhs.uk/service-search/find-a-gp?a=1&b=2",  # a link in a page body
        "https://advice.example.org/",  # an organisation's website
    ],
)
def test_published_links_redirect_and_are_counted(client, content, url):
    response = client.get("/out/", {"to": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert response["Referrer-Policy"] == "no-referrer"
    BUFFER.flush()
    assert DailyCount.objects.filter(metric="outbound").exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/",
        "https://draft.example/",  # only in an unpublished page
        "javascript:alert(1)",
        "//evil.example/",
        "https://www.gov.uk.evil.example/",
        "",
    ],
)
def test_anything_else_is_refused(client, content, url):
    response = client.get("/out/", {"to": url})
    assert response.status_code == 400
    assert "Location" not in response


def test_page_sources_link_through_the_counter(client, content):
    html = client.get("/en/pages/gp/").content.decode()
    assert 'href="/out/?to=https%3A%2F%2Fwww.gov.uk%2F"' in html
