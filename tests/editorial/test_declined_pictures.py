"""A picture uploaded with a waiting change leaves storage when that change never goes live
(declined, replaced by a later edit, or its page deleted); the live page's pictures stay."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from editorial import workflow
from orientation.models import PageImage
from tests.factories import page_form_data
from tests.helpers import PAGE_ADMIN, jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(pages):
    """The agency's own page, published, with a picture of its own."""
    page = pages["own"]
    page.state = "published"
    page.save()
    PageImage.objects.create(
        page=page, image=ContentFile(jpeg_with_gps(), name="map.jpg"), alt_en="The map"
    )
    return page


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Files leave storage when the transaction commits: run those callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def live_picture(page):
    return page.images.get().image.name


def waiting_pictures(page):
    return workflow.pictures_of(workflow.revisions.pending_revision(page).snapshot)


def with_new_picture(page, name="door.jpg"):
    """The form, keeping the live picture and adding a new one."""
    live_row = page.images.get()
    return page_form_data(
        page,
        **{
            "images-TOTAL_FORMS": "2",
            "images-INITIAL_FORMS": "1",
            "images-0-id": str(live_row.pk),
            "images-0-page": str(page.pk),
            "images-0-alt_en": live_row.alt_en,
            "images-0-order": "0",
            "images-1-image": SimpleUploadedFile(name, jpeg_with_gps(), "image/jpeg"),
            "images-1-alt_en": "The front door",
            "images-1-order": "1",
        },
    )


@pytest.fixture
def agency(make_user):
    return make_user("Agency editor")


def agency_uploads(client, agency, page):
    client.force_login(agency)
    with_picture = with_new_picture(page)
    assert client.post(f"{PAGE_ADMIN}/{page.pk}/change/", with_picture).status_code == 302
    uploaded = waiting_pictures(page) - {live_picture(page)}
    assert len(uploaded) == 1
    (name,) = uploaded
    assert default_storage.exists(name)
    return name


def test_declining_in_the_admin_removes_the_upload_and_keeps_the_live_picture(
    client, make_user, agency, live, on_commit
):
    upload = agency_uploads(client, agency, live)
    kept = live_picture(live)
    client.force_login(make_user("Reviewer", organisation="other"))
    # The preview draws renditions of the waiting picture: they must go with it.
    assert client.get(f"{PAGE_ADMIN}/{live.pk}/waiting-change/preview/en/").status_code == 200
    renditions_before = set(default_storage.listdir("renditions")[1])
    with on_commit():
        response = client.post(
            f"{PAGE_ADMIN}/{live.pk}/decline-change/", {"comment": "Not this one."}
        )
    assert response.status_code == 302
    assert not default_storage.exists(upload)
    assert default_storage.exists(kept)
    assert live_picture(live) == kept
    renditions_after = set(default_storage.listdir("renditions")[1])
    assert renditions_after < renditions_before  # the upload's renditions went, the live ones stay
    assert renditions_after


def test_declining_through_the_workflow_removes_the_upload(
    client, make_user, agency, live, on_commit
):
    upload = agency_uploads(client, agency, live)
    kept = live_picture(live)
    reviewer = make_user("Reviewer", organisation="other")
    with on_commit():
        workflow.decline_change(user=reviewer, page=live, comment="No.")
    assert not default_storage.exists(upload)
    assert default_storage.exists(kept)


def test_a_picture_the_second_edit_took_out_is_removed(client, make_user, agency, live, on_commit):
    first = agency_uploads(client, agency, live)
    second = workflow.revisions.pending_revision(live).snapshot
    rows = [row for row in second["images"] if row["image"] != first]
    with on_commit():
        outcome = workflow.edit(user=agency, page=live, data={"images": rows})
    assert outcome.waiting
    assert not default_storage.exists(first)
    assert default_storage.exists(live_picture(live))


def test_a_picture_kept_by_the_second_edit_stays_until_published(
    client, make_user, agency, live, on_commit
):
    upload = agency_uploads(client, agency, live)
    with on_commit():
        workflow.edit(user=agency, page=live, data={"body_en": "Words changed too."})
    assert default_storage.exists(upload)
    with on_commit():
        workflow.publish_change(user=make_user("Reviewer", organisation="other"), page=live)
    assert default_storage.exists(upload)
    assert upload in set(live.images.values_list("image", flat=True))


def test_deleting_a_page_with_a_waiting_change_removes_its_upload(
    client, make_user, agency, live, on_commit
):
    upload = agency_uploads(client, agency, live)
    kept = live_picture(live)
    with on_commit():
        live.delete()
    assert not default_storage.exists(upload)
    assert not default_storage.exists(kept)  # deleted with its record, as before
