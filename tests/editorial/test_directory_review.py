"""Directory entries follow the review rule of pages: an agency without self-publishing changes
its entry, the entry stays as it is (and a new website is no /out/ target) until a reviewer
publishes the change; a reviewer can decline it instead."""

import pytest

from editorial import workflow
from editorial.models import AuditEvent, DirectoryChange
from tests.helpers import HOURS, ORGANISATION_ADMIN, entry_form

pytestmark = pytest.mark.django_db
NEW_WEBSITE = "https://new-site.example.org/"


def test_an_agencys_entry_change_waits_and_a_reviewer_publishes_it(
    client, as_role, orgs, make_user
):
    own = orgs["own"]
    as_role("agency")
    response = client.post(
        f"{ORGANISATION_ADMIN}/{own.pk}/change/",
        entry_form(own, name="Renamed", website=NEW_WEBSITE, description_en="New words", **HOURS),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    own.refresh_from_db()
    assert own.name != "Renamed"
    assert own.website == "https://example.org/"
    assert not own.opening_periods.exists()
    assert client.get("/out/", {"to": NEW_WEBSITE}).status_code == 400

    # A second edit builds on the waiting one.
    form = client.get(f"{ORGANISATION_ADMIN}/{own.pk}/change/").content.decode()
    assert 'value="Renamed"' in form and NEW_WEBSITE in form
    assert 'name="opening_periods-0-opens" value="09:00' in form
    change = DirectoryChange.objects.get(organisation=own)
    assert change.status == "waiting"

    reviewer = make_user("Reviewer", organisation="other")
    client.force_login(reviewer)
    html = client.get(f"{ORGANISATION_ADMIN}/{own.pk}/change/").content.decode()
    assert "A change is waiting for review." in html
    assert client.post(f"{ORGANISATION_ADMIN}/{own.pk}/publish-change/").status_code == 302
    own.refresh_from_db()
    assert (own.name, own.website, own.description_en) == ("Renamed", NEW_WEBSITE, "New words")
    assert [(p.weekday, f"{p.opens:%H:%M}") for p in own.opening_periods.all()] == [(0, "09:00")]
    assert client.get("/out/", {"to": NEW_WEBSITE}).status_code == 302
    assert AuditEvent.objects.filter(action="change_published", object_id=str(own.pk)).exists()


def test_a_reviewer_declines_an_entry_change(client, as_role, orgs, make_user):
    own = orgs["own"]
    agency = make_user("Agency editor")
    workflow.edit_organisation(
        user=agency, organisation=own, data={"website": NEW_WEBSITE}, apply=None
    )
    client.force_login(make_user("Reviewer", organisation="other"))
    response = client.post(
        f"{ORGANISATION_ADMIN}/{own.pk}/decline-change/", {"comment": "Old site."}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.website == "https://example.org/"
    change = DirectoryChange.objects.get()
    assert (change.status, change.comment) == ("declined", "Old site.")
    assert AuditEvent.objects.filter(action="change_declined").exists()


def test_a_self_publishing_agencys_entry_change_is_live(client, as_role, orgs):
    own = orgs["own"]
    own.self_publishing = True
    own.save()
    as_role("agency")
    response = client.post(
        f"{ORGANISATION_ADMIN}/{own.pk}/change/", entry_form(own, website=NEW_WEBSITE, **HOURS)
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.website == NEW_WEBSITE
    assert own.opening_periods.count() == 1
    assert not DirectoryChange.objects.exists()


@pytest.mark.parametrize(
    ("role", "whose", "expected"),
    [
        ("agency", "own", 403),
        ("agency", "other", 404),
        ("translator", "own", 403),
        ("reviewer", "own", 302),
        ("portal", "other", 302),
    ],
)
def test_who_may_publish_an_entry_change(client, as_role, orgs, make_user, role, whose, expected):
    organisation = orgs[whose]
    DirectoryChange.objects.create(organisation=organisation, data={"website": NEW_WEBSITE})
    as_role(role)
    response = client.post(f"{ORGANISATION_ADMIN}/{organisation.pk}/publish-change/")
    assert response.status_code == expected
    organisation.refresh_from_db()
    assert (organisation.website == NEW_WEBSITE) == (expected == 302)


def test_a_portal_editor_adds_an_entry_with_its_hours(client, as_role, orgs):
    as_role("portal")
    template = orgs["own"]
    data = entry_form(
        template,
        name="New Centre",
        slug="new-centre",
        listed="on",
        translation_states="{}",
        **HOURS,
    )
    response = client.post(f"{ORGANISATION_ADMIN}/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = type(template).objects.get(slug="new-centre")
    assert created.name == "New Centre"
    assert created.opening_periods.count() == 1
