"""Who may do what, on every admin path, written as one table.

Each row: role, whose page (own organisation's or another's), endpoint, expected status. A new
endpoint without rows here is an endpoint nobody has checked.
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from directory.models import Organisation
from editorial.models import DirectoryChange
from orientation.models import OrientationPage
from tests.factories import page_form_data as _form_data
from tests.helpers import PAGE_ADMIN

pytestmark = pytest.mark.django_db

# endpoint name -> (method, url template); {pk} is the page's id.
ENDPOINTS = {
    "change": ("get", PAGE_ADMIN + "/{pk}/change/"),
    "delete": ("get", PAGE_ADMIN + "/{pk}/delete/"),
    "history": ("get", PAGE_ADMIN + "/{pk}/history/"),
    "preview": ("get", PAGE_ADMIN + "/{pk}/preview/ar/"),
    "revisions": ("get", PAGE_ADMIN + "/{pk}/revisions/"),
    "revision": ("get", PAGE_ADMIN + "/{pk}/revisions/1/"),
    "restore": ("post", PAGE_ADMIN + "/{pk}/revisions/1/restore/"),
    "send_back": ("get", PAGE_ADMIN + "/{pk}/send-back/"),
    "publish_change": ("post", PAGE_ADMIN + "/{pk}/publish-change/"),
    "decline_change": ("post", PAGE_ADMIN + "/{pk}/decline-change/"),
    "preview_change": ("get", PAGE_ADMIN + "/{pk}/waiting-change/preview/ar/"),
    "view_on_site": ("get", "/admin/r/{content_type}/{pk}/"),
    "entry_publish_change": (
        "post",
        "/admin/directory/organisation/{organisation}/publish-change/",
    ),
    "entry_decline_change": (
        "post",
        "/admin/directory/organisation/{organisation}/decline-change/",
    ),
}
# Endpoints that need a change waiting for review before they are tried.
NEEDS_WAITING_CHANGE = {"publish_change", "decline_change", "preview_change"}
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
    ("portal", "other", "decline_change", REDIRECT),
    ("reviewer", "other", "decline_change", REDIRECT),
    ("agency", "own", "decline_change", NO),
    ("agency", "other", "decline_change", HIDDEN),
    ("translator", "other", "decline_change", NO),
    ("reviewer", "other", "preview_change", OK),
    ("agency", "own", "preview_change", OK),
    ("agency", "other", "preview_change", HIDDEN),
    ("translator", "other", "preview_change", OK),
    ("portal", "other", "view_on_site", REDIRECT),
    ("agency", "own", "view_on_site", REDIRECT),
    ("agency", "other", "view_on_site", HIDDEN),
    ("reviewer", "other", "view_on_site", REDIRECT),
    ("translator", "other", "view_on_site", REDIRECT),
    ("portal", "other", "entry_publish_change", REDIRECT),
    ("reviewer", "other", "entry_publish_change", REDIRECT),
    ("agency", "own", "entry_publish_change", NO),
    ("agency", "other", "entry_publish_change", HIDDEN),
    ("translator", "other", "entry_publish_change", NO),
    ("portal", "other", "entry_decline_change", REDIRECT),
    ("reviewer", "other", "entry_decline_change", REDIRECT),
    ("agency", "own", "entry_decline_change", NO),
    ("agency", "other", "entry_decline_change", HIDDEN),
    ("translator", "other", "entry_decline_change", NO),
]


def test_every_endpoint_has_rows():
    assert {row[2] for row in TABLE} == set(ENDPOINTS)


@pytest.mark.parametrize(("role", "whose", "endpoint", "expected"), TABLE)
def test_permission_table(client, as_role, pages, role, whose, endpoint, expected):
    as_role(role)
    page = pages[whose]
    from editorial.revisions import record

    record(page)  # revision 1 exists for the revision endpoints
    if endpoint in NEEDS_WAITING_CHANGE:
        record(page, pending=True, note="waiting for review")
    if endpoint.startswith("entry_"):
        DirectoryChange.objects.create(organisation=page.organisation, data={"name": "Renamed"})
    before = OrientationPage.objects.filter(pk=page.pk).values().get()
    entry_before = Organisation.objects.filter(pk=page.organisation_id).values().get()
    method, template = ENDPOINTS[endpoint]
    url = template.format(
        pk=page.pk,
        organisation=page.organisation_id,
        content_type=ContentType.objects.get_for_model(OrientationPage).pk,
    )
    data = {"comment": "Not this time."} if method == "post" else None
    response = getattr(client, method)(url, data)
    assert response.status_code == expected, response.content[:300]
    if expected in {NO, HIDDEN}:
        assert OrientationPage.objects.filter(pk=page.pk).values().get() == before
        assert Organisation.objects.filter(pk=page.organisation_id).values().get() == entry_before
        assert page.revisions.filter(pending=True).count() == (endpoint in NEEDS_WAITING_CHANGE)
        if endpoint.startswith("entry_"):
            assert DirectoryChange.objects.get().status == "waiting"


def test_anonymous_visitors_are_sent_to_log_in(client, pages):
    response = client.get(f"{PAGE_ADMIN}/{pages['own'].pk}/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ["portal", "agency", "reviewer", "translator"])
def test_staff_who_lose_their_role_get_nothing(client, as_role, pages, role):
    user = as_role(role)
    assert client.get(f"{PAGE_ADMIN}/").status_code == 200  # the role alone opened the door
    user.groups.clear()
    assert client.get(f"{PAGE_ADMIN}/{pages['own'].pk}/change/").status_code == 403
    assert client.get(f"{PAGE_ADMIN}/").status_code == 403


def test_agency_editor_lists_only_their_pages(client, as_role, pages):
    as_role("agency")
    html = client.get(f"{PAGE_ADMIN}/").content.decode()
    assert f"/{pages['other'].pk}/change/" not in html
    assert f"/{pages['own'].pk}/change/" in html


def test_agency_editor_cannot_delete_another_agencys_page_by_posting(client, as_role, pages):
    as_role("agency")
    other = pages["other"]
    client.post(f"{PAGE_ADMIN}/{other.pk}/delete/", {"post": "yes"})
    client.post(
        f"{PAGE_ADMIN}/",
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )
    assert OrientationPage.objects.filter(pk=other.pk).exists()


def test_bulk_publish_by_agency_editor_changes_nothing(client, as_role, pages):
    as_role("agency")
    own = pages["own"]
    client.post(f"{PAGE_ADMIN}/", {"action": "publish", "_selected_action": [own.pk]})
    own.refresh_from_db()
    assert own.state == "draft"


def test_crafted_post_cannot_move_a_page_to_another_organisation_or_publish(
    client, as_role, pages, orgs
):
    as_role("agency")
    own = pages["own"]
    response = client.post(
        f"{PAGE_ADMIN}/{own.pk}/change/",
        _form_data(own, organisation=orgs["other"].pk, state="published", title_en="Changed"),
    )
    own.refresh_from_db()
    assert own.organisation == orgs["own"]
    assert own.state == "draft"
    assert response.status_code == 200  # the form comes back with an error, nothing saved
    assert "Select a valid choice" in response.content.decode()


def test_agency_with_self_publishing_may_publish(client, as_role, pages, orgs):
    orgs["own"].self_publishing = True
    orgs["own"].save()
    as_role("agency")
    own = pages["own"]
    client.post(f"{PAGE_ADMIN}/{own.pk}/change/", _form_data(own, state="published"))
    own.refresh_from_db()
    assert own.state == "published"


def test_translator_changes_only_their_languages(client, as_role, pages):
    as_role("translator")
    page = pages["other"]
    html = client.get(f"{PAGE_ADMIN}/{page.pk}/change/").content.decode()
    assert 'name="title_ar"' in html
    assert 'name="title_en"' not in html and 'name="title_fa"' not in html
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
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
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["results"]}
    assert ids == {str(orgs["own"].pk)}


def test_agency_editor_edits_only_their_own_directory_entry(client, as_role, orgs):
    as_role("agency")
    assert client.get(f"/admin/directory/organisation/{orgs['own'].pk}/change/").status_code == 200
    assert (
        client.get(f"/admin/directory/organisation/{orgs['other'].pk}/change/").status_code == 404
    )


# Translation files, per page and language: which pages a file may carry out or in, and whether
# what comes in is live, waits for review, or is refused.
LIVE, WAITS, REFUSED, IN_FILE, NOT_IN_FILE = "live", "waits", "refused", "in", "out"
FILE_TABLE = [
    # role, their languages, whose page, language, export expectation, import expectation
    ("portal", [], "other", "ar", IN_FILE, LIVE),
    ("reviewer", [], "other", "fa", IN_FILE, LIVE),
    ("translator", ["ar"], "other", "ar", IN_FILE, LIVE),
    ("translator", ["ar"], "other", "fa", NOT_IN_FILE, REFUSED),
    ("agency", ["ar"], "own", "ar", IN_FILE, WAITS),
    ("agency", ["ar"], "own", "fa", NOT_IN_FILE, REFUSED),
    ("agency", ["ar"], "other", "ar", NOT_IN_FILE, REFUSED),
    ("agency", [], "own", "ar", NOT_IN_FILE, REFUSED),
]


@pytest.mark.parametrize(
    ("role", "languages", "whose", "language", "exported", "imported"), FILE_TABLE
)
def test_translation_file_table(
    client, make_user, pages, role, languages, whose, language, exported, imported
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from editorial import xliff
    from tests.helpers import fill

    role_name = {
        "portal": "Portal editor",
        "reviewer": "Reviewer",
        "translator": "Translator",
        "agency": "Agency editor",
    }[role]
    client.force_login(make_user(role_name, languages=languages))
    page = pages[whose]
    page.state = "published"
    page.save()
    response = client.get(f"{PAGE_ADMIN}/translations/", {"language": language, "everything": "on"})
    assert response.status_code == 200
    assert (f'group id="{page.slug}"'.encode() in response.content) == (exported == IN_FILE)

    only_this_page = OrientationPage.objects.filter(pk=page.pk)
    data = fill(
        xliff.export(language, everything=True, pages=only_this_page),
        title="عنوان",
        summary="ملخص",
        body=page.body_en.replace("Go to the office.", "اذهب إلى المكتب."),
    )
    upload = SimpleUploadedFile("file.xlf", data, content_type="application/xml")
    response = client.post(f"{PAGE_ADMIN}/translations/", {"language": language, "file": upload})
    page.refresh_from_db()
    waiting = page.revisions.filter(pending=True).first()
    outcome = {
        (302, True, False): LIVE,
        (302, False, True): WAITS,
        (200, False, False): REFUSED,
    }[(response.status_code, getattr(page, f"title_{language}") == "عنوان", waiting is not None)]
    assert outcome == imported
