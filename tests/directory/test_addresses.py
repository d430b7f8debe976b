"""Addresses are one isolated unit (RTL pages cannot reorder them) and postcodes never split."""

import pytest

from tests.factories import OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db

INLINE = (
    '<bdi class="address">1 Example Street, Testville, '
    '<bdi class="postcode" dir="ltr">B1 1AA</bdi></bdi>'
)


@pytest.fixture
def agency(locality):
    return OrganisationFactory(slug="clinic", name="Clinic", listed=True, key_agency=True)


@pytest.mark.parametrize("language", ["ar", "en", "ps"])
def test_agency_card_isolates_the_address(client, agency, language):
    html = client.get(f"/{language}/agencies/").content.decode()
    assert INLINE in html


def test_agency_page_puts_each_part_on_its_own_line_in_one_unit(client, agency):
    html = client.get("/fa/agencies/clinic/").content.decode()
    assert (
        '<address><bdi class="address">1 Example Street<br>Testville<br>'
        '<bdi class="postcode" dir="ltr">B1 1AA</bdi></bdi></address>'
    ) in html


def test_page_and_home_map_isolate_addresses_too(client, agency):
    page = OrientationPageFactory(slug="gp", organisation=agency)
    page.related_organisations.set([agency])
    assert INLINE in client.get("/ckb/pages/gp/").content.decode()
    assert INLINE in client.get("/ar/").content.decode()


def test_address_without_street_has_no_stray_comma(client, locality):
    OrganisationFactory(slug="office", name="Office", listed=True, street="")
    html = client.get("/en/agencies/").content.decode()
    no_street = '<bdi class="address">Testville, <bdi class="postcode" dir="ltr">B1 1AA</bdi></bdi>'
    assert no_street in html
