"""Who may do what, on every admin path, written as one table.

Each row: role, whose page (own organisation's or another's), endpoint, expected status. A new
endpoint without rows here is an endpoint nobody has checked.
"""

import pytest

from orientation.models import OrientationPage
from tests.factories import page_form_data as _form_data

pytestmark = pytest.mark.django_db

BASE = "/admin/orientation/orientationpage"
# endpoint name -> (method, url template); {pk} is the page's id.
ENDPOINTS = {
    "change": ("get", BASE + "/{pk}/change/"),
    "delete": ("get", BASE + "/{pk}/delete/"),
    "history": ("get", BASE + "/{pk}/history/"),
    "preview": ("get", BASE + "/{pk}/preview/ar/"),
    "revisions": ("get", BASE + "/{pk}/revisions/"),
    "revision": ("get", BASE + "/{pk}/revisions/1/"),
    "restore": ("post", BASE + "/{pk}/revisions/1/restore/"),
    "send_back": ("get", BASE + "/{pk}/send-back/"),
    "publish_change": ("post", BASE + "/{pk}/publish-change/"),
}
OK, NO, HIDDEN = 200, 403, 404
REDIRECT = 302

TABLE = [
    # role, whose page, endpoint, expected
    ("portal", "own", "change", OK),
    ("portal", "other", "change", OK),
    ("portal", "other", "delete", OK),
    ("portal", "other", "history", OK),
    ("portal", "other", "preview", OK),
    ("portal", "other", "revisions", OK),
    ("portal", "other", "revision", OK),
    ("portal", "other", "restore", REDIRECT),
    ("portal", "other", "send_back", OK),
    ("agency", "own", "change", OK),
    ("agency", "own", "delete", OK),
    ("agency", "own", "history", OK),
    ("agency", "own", "preview", OK),
    ("agency", "own", "revisions", OK),
    ("agency", "own", "revision", OK),
    ("agency", "own", "restore", REDIRECT),
    ("agency", "own", "send_back", NO),
    ("agency", "other", "change", HIDDEN),
    ("agency", "other", "delete", HIDDEN),
    ("agency", "other", "history", HIDDEN),
    ("agency", "other", "preview", HIDDEN),
    ("agency", "other", "revisions", HIDDEN),
    ("agency", "other", "revision", HIDDEN),
    ("agency", "other", "restore", HIDDEN),
    ("agency", "other", "send_back", HIDDEN),
    ("reviewer", "other", "change", OK),
    ("reviewer", "other", "delete", NO),
    ("reviewer", "other", "history", OK),
    ("reviewer", "other", "preview", OK),
    ("reviewer", "other", "revisions", OK),
    ("reviewer", "other", "send_back", OK),
    ("translator", "other", "change", OK),
    ("translator", "other", "delete", NO),
    ("translator", "other", "history", OK),
    ("translator", "other", "preview", OK),
    ("translator", "other", "revisions", OK),
    ("translator", "other", "restore", NO),
    ("translator", "other", "send_back", NO),
    ("portal", "other", "publish_change", REDIRECT),
    ("agency", "own", "publish_change", NO),
    ("agency", "other", "publish_change", HIDDEN),
    ("reviewer", "other", "publish_change", REDIRECT),
    ("translator", "other", "publish_change", NO),
]


def test_every_endpoint_has_rows():
    assert {row[2] for row in TABLE} == set(ENDPOINTS)


@pytest.mark.parametrize(("role", "whose", "endpoint", "expected"), TABLE)
def test_permission_table(client, as_role, pages, role, whose, endpoint, expected):
    as_role(role)
    page = pages[whose]
    from editorial.revisions import record

    record(page)  # revision 1 exists for the revision endpoints
    if endpoint == "publish_change":
        record(page, pending=True, note="waiting for review")
    before = OrientationPage.objects.filter(pk=page.pk).values().get()
    method, template = ENDPOINTS[endpoint]
    response = getattr(client, method)(template.format(pk=page.pk))
    assert response.status_code == expected, response.content[:300]
    if expected in {NO, HIDDEN}:
        assert OrientationPage.objects.filter(pk=page.pk).values().get() == before


@pytest.mark.parametrize("role", ["portal", "agency", "reviewer", "translator"])
def test_anonymous_and_roleless_staff_get_nothing(client, make_user, pages, role):
    response = client.get(f"{BASE}/{pages['own'].pk}/change/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(make_user(None))
    assert client.get(f"{BASE}/{pages['own'].pk}/change/").status_code == 403
    assert client.get(f"{BASE}/").status_code == 403


def test_agency_editor_lists_only_their_pages(client, as_role, pages):
    as_role("agency")
    html = client.get(f"{BASE}/").content.decode()
    assert "own-page" in html or "Page" in html
    assert f"/{pages['other'].pk}/change/" not in html
    assert f"/{pages['own'].pk}/change/" in html


def test_agency_editor_cannot_delete_another_agencys_page_by_posting(client, as_role, pages):
    as_role("agency")
    other = pages["other"]
    client.post(f"{BASE}/{other.pk}/delete/", {"post": "yes"})
    client.post(
        f"{BASE}/",
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )
    assert OrientationPage.objects.filter(pk=other.pk).exists()


def test_bulk_publish_by_agency_editor_changes_nothing(client, as_role, pages):
    as_role("agency")
    own = pages["own"]
    client.post(f"{BASE}/", {"action": "publish", "_selected_action": [own.pk]})
    own.refresh_from_db()
    assert own.state == "draft"


def test_crafted_post_cannot_move_a_page_to_another_organisation_or_publish(
    client, as_role, pages, orgs
):
    as_role("agency")
    own = pages["own"]
    response = client.post(
        f"{BASE}/{own.pk}/change/",
        _form_data(own, organisation=orgs["other"].pk, state="published", title_en="Changed"),
    )
    own.refresh_from_db()
    assert own.organisation == orgs["own"]
    assert own.state == "draft"
    assert response.status_code in {200, 302}


def test_agency_with_self_publishing_may_publish(client, as_role, pages, orgs):
    orgs["own"].self_publishing = True
    orgs["own"].save()
    as_role("agency")
    own = pages["own"]
    client.post(f"{BASE}/{own.pk}/change/", _form_data(own, state="published"))
    own.refresh_from_db()
    assert own.state == "published"


def test_translator_changes_only_their_languages(client, as_role, pages):
    as_role("translator")
    page = pages["other"]
    html = client.get(f"{BASE}/{page.pk}/change/").content.decode()
    assert 'name="title_ar"' in html
    assert 'name="title_en"' not in html and 'name="title_fa"' not in html
    response = client.post(
        f"{BASE}/{page.pk}/change/",
        {
            "title_ar": "عنوان",
            "summary_ar": "ملخص",
            "body_ar": "نص",
            "title_en": "Hacked",
            "title_fa": "هک",
            "state": "archived",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title_ar == "عنوان"
    assert page.title_en != "Hacked" and page.title_fa != "هک"
    assert page.state == "published"
    assert page.translation_status("ar") == "current"  # an assigned translator's work


def test_organisation_autocomplete_is_limited_for_agency_editors(client, as_role, pages, orgs):
    as_role("agency")
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "orientation", "model_name": "orientationpage", "field_name": "organisation"},
    )
    assert response.status_code in {200, 403}
    if response.status_code == 200:
        ids = {item["id"] for item in response.json()["results"]}
        assert str(orgs["other"].pk) not in ids


def test_agency_editor_edits_only_their_own_directory_entry(client, as_role, orgs):
    as_role("agency")
    assert client.get(f"/admin/directory/organisation/{orgs['own'].pk}/change/").status_code == 200
    assert (
        client.get(f"/admin/directory/organisation/{orgs['other'].pk}/change/").status_code == 404
    )
