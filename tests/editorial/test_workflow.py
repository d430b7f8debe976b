"""Drafts, review, publishing, revisions, conflicts and the audit trail, through the admin."""

import pytest
from django.contrib.auth.models import Group

from editorial.models import AuditEvent, ReviewNote
from editorial.revisions import record
from tests.factories import page_form_data as _form_data
from tests.helpers import PAGE_ADMIN

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)><svg onload=alert(2)>'


def test_every_save_keeps_a_revision_with_its_author(client, as_role, pages):
    user = as_role("portal")
    page = pages["own"]
    client.post(f"{PAGE_ADMIN}/{page.pk}/change/", _form_data(page, title_en="Version two"))
    client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        _form_data(page, title_en="Version three", base_revision=1),
    )
    numbers = list(page.revisions.values_list("number", "author", "snapshot__title_en"))
    assert numbers == [(2, user.pk, "Version three"), (1, user.pk, "Version two")]


def test_a_second_editor_gets_a_conflict_and_keeps_their_text(client, as_role, pages, make_user):
    as_role("portal")
    page = pages["own"]
    record(page)  # both editors opened the page at revision 1
    other = make_user(None, organisation="own")
    other.is_superuser = True
    other.save()
    record(page, author=other)  # ...and the other one saved first
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        _form_data(page, title_en="My careful rewrite", base_revision=1),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "after you opened it" in html
    assert 'value="My careful rewrite"' in html  # their text is still in the form
    page.refresh_from_db()
    assert page.title_en != "My careful rewrite"


def test_diffs_show_hostile_text_as_text(client, as_role, pages):
    as_role("portal")
    page = pages["own"]
    record(page)
    page.title_en = HOSTILE
    page.body_en = HOSTILE
    page.save()
    record(page)
    html = client.get(f"{PAGE_ADMIN}/{page.pk}/revisions/2/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_restoring_brings_back_the_words_as_a_new_revision(client, as_role, pages):
    as_role("portal")
    page = pages["own"]
    original_title = page.title_en
    record(page)
    page.title_en = "Replaced"
    page.save()
    record(page)
    response = client.post(f"{PAGE_ADMIN}/{page.pk}/revisions/1/restore/")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_en == original_title
    assert page.revisions.first().note == "restored #1"
    assert AuditEvent.objects.filter(action="restored").exists()


def test_reviewer_sends_back_with_a_comment(client, as_role, pages):
    reviewer = as_role("reviewer")
    page = pages["own"]
    page.state = "in_review"
    page.save()
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/send-back/", {"comment": "Add the phone number."}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.state == "draft"
    note = ReviewNote.objects.get()
    assert (note.author, note.text) == (reviewer, "Add the phone number.")


def test_agency_editor_submits_and_reviewer_publishes(client, as_role, pages, make_user):
    as_role("agency")
    page = pages["own"]
    client.post(f"{PAGE_ADMIN}/", {"action": "submit_for_review", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.state == "in_review"
    client.force_login(make_user("Reviewer", organisation="other"))
    client.post(f"{PAGE_ADMIN}/", {"action": "publish", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.state == "published"
    assert AuditEvent.objects.filter(action="published", object_id=str(page.pk)).exists()


def test_staff_preview_a_draft_in_the_public_template_in_any_language(client, as_role, pages):
    as_role("agency")
    page = pages["own"]
    assert client.get(f"/ar/pages/{page.slug}/").status_code == 404  # not public
    response = client.get(f"{PAGE_ADMIN}/{page.pk}/preview/ar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "Preview for staff" not in html  # said in Arabic
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_mark_as_reviewed_is_one_action(client, as_role, pages):
    as_role("agency")
    page = pages["own"]
    client.post(f"{PAGE_ADMIN}/", {"action": "mark_reviewed", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert (page.review_by - page.last_checked).days == 182


def test_publish_unpublish_delete_and_permissions_are_audited(as_role, pages):
    page = pages["other"]
    user = as_role("translator")
    before = AuditEvent.objects.order_by("pk").last().pk
    page.state = "archived"
    page.save()
    page.state = "published"
    page.save()
    user.groups.add(Group.objects.get(name="Reviewer"))
    page.delete()
    trail = AuditEvent.objects.filter(pk__gt=before).order_by("pk")
    assert list(trail.values_list("action", "object_type")) == [
        ("unpublished", "orientation.OrientationPage"),
        ("published", "orientation.OrientationPage"),
        ("permissions", "auth.User"),
        ("deleted", "orientation.OrientationPage"),
    ]


def test_english_edit_outdates_translations_and_minor_edit_does_not(client, as_role, pages):
    as_role("portal")
    page = pages["own"]
    page.title_ar, page.summary_ar, page.body_ar = "عنوان", "ملخص", "نص\nسطر"
    page.mark_translated("ar")
    page.save()
    # Browsers send text areas back with CRLF: that is not a change to the Arabic.
    arabic = {"title_ar": "عنوان", "summary_ar": "ملخص", "body_ar": "نص\r\nسطر"}
    client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        _form_data(page, body_en=page.body_en + " Typo.", minor_edit="on", **arabic),
    )
    page.refresh_from_db()
    assert page.translation_status("ar") != "outdated"
    client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        _form_data(page, body_en="A new paragraph about a new rule.", base_revision=1, **arabic),
    )
    page.refresh_from_db()
    assert page.translation_status("ar") == "outdated"
    listing = client.get(f"{PAGE_ADMIN}/", {"translation": "ar:outdated"}).content.decode()
    assert f"/{page.pk}/change/" in listing


def test_revision_admin_lists_only_visible_pages(client, as_role, pages):
    own = record(pages["own"])
    other = record(pages["other"])
    as_role("agency")
    html = client.get("/admin/editorial/pagerevision/").content.decode()
    assert f"/admin/editorial/pagerevision/{own.pk}/change/" in html
    assert f"/admin/editorial/pagerevision/{other.pk}/change/" not in html
    assert "1 page revision" in html


def test_dashboard_shows_each_editor_what_is_due_for_their_organisation(client, as_role, pages):
    import datetime

    own, other = pages["own"], pages["other"]
    for page in (own, other):
        page.review_by = datetime.date(2020, 1, 1)
        page.save()
    as_role("agency")
    html = client.get("/admin/").content.decode()
    assert "Review overdue" in html
    assert f"/{own.pk}/change/" in html
    assert f"/{other.pk}/change/" not in html


def test_an_agencys_change_to_a_live_page_waits_and_the_page_stays_up(
    client, as_role, pages, make_user
):
    page = pages["own"]
    page.state = "published"
    page.title_ar, page.summary_ar, page.body_ar = "عنوان", "ملخص", "نص"
    page.mark_translated("ar")
    page.save()
    old_body = page.body_en
    as_role("agency")
    arabic = {"title_ar": "عنوان", "summary_ar": "ملخص", "body_ar": "نص"}
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        _form_data(page, body_en="A new rule from December.", state="in_review", **arabic),
        follow=True,
    )
    assert "waiting for a reviewer" in response.content.decode()
    page.refresh_from_db()
    assert page.state == "published" and page.body_en == old_body
    assert client.get(f"/en/pages/{page.slug}/").status_code == 200
    waiting = page.revisions.get(pending=True)
    assert waiting.snapshot["body_en"] == "A new rule from December."

    reviewer = make_user("Reviewer", organisation="other")
    client.force_login(reviewer)
    html = client.get(f"{PAGE_ADMIN}/{page.pk}/change/").content.decode()
    assert "A change is waiting for review." in html
    assert client.post(f"{PAGE_ADMIN}/{page.pk}/publish-change/").status_code == 302
    page.refresh_from_db()
    assert page.body_en == "A new rule from December."
    assert not page.revisions.filter(pending=True).exists()
    assert page.translation_status("ar") == "outdated"
    assert "A new rule from December." in client.get(f"/en/pages/{page.slug}/").content.decode()
