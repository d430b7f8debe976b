"""An agency's "pages about their help" list the reader's language first, like every page list.

Before, the list was sorted by the title shown, so in Arabic or Somali the English stand-ins
("Benefits...", "Care workers...") came before the pages a reader could read (issue 12).
"""

import re

import pytest

from orientation.models import OrientationPage
from tests.factories import OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db

PAGE_LINK = re.compile(r'href="/\w+/pages/([\w-]+)/"')


@pytest.fixture
def advice(locality):
    advice = OrganisationFactory(slug="advice", name="Advice Centre")
    OrientationPageFactory(slug="aaa-english", title_en="AAA English only", organisation=advice)
    OrientationPageFactory(
        slug="zzz-somali",
        title_en="ZZZ translated",
        title_so="Zzz af Soomaali",
        body_so="Qoraal.",
        organisation=advice,
    )
    # A page kept by someone else that sends readers to this agency, in Somali too.
    helped = OrientationPageFactory(
        slug="mmm-somali-elsewhere",
        title_en="MMM elsewhere",
        title_so="Mmm meel kale",
        body_so="Qoraal.",
    )
    helped.related_organisations.add(advice)
    # Kept by it and also linked to it: listed once.
    both = OrientationPageFactory(slug="bbb-english-both", title_en="BBB both", organisation=advice)
    both.related_organisations.add(advice)
    OrientationPageFactory(
        slug="ccc-draft",
        title_en="CCC draft",
        organisation=advice,
        state=OrientationPage.State.DRAFT,
    )
    return advice


def pages_section(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('class="agency__pages"') :].split("</ul>")[0]


def test_pages_in_the_readers_language_come_first_then_marked_english(client, advice):
    section = pages_section(client, "/so/agencies/advice/")
    assert PAGE_LINK.findall(section) == [
        "mmm-somali-elsewhere",
        "zzz-somali",
        "aaa-english",
        "bbb-english-both",
    ]
    assert section.count('<span lang="en" dir="ltr">') == 2
    assert section.count("Hadda waa Ingiriisi") == 2  # "In English for now", once per stand-in


def test_english_readers_get_alphabetical_order_without_marks(client, advice):
    section = pages_section(client, "/en/agencies/advice/")
    assert PAGE_LINK.findall(section) == [
        "aaa-english",
        "bbb-english-both",
        "mmm-somali-elsewhere",
        "zzz-somali",
    ]
    assert "In English for now" not in section
