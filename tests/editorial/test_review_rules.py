"""Review cannot be bypassed and no edit is lost, on every path that changes a page.

One test (at least) per hole found by trying the admin as an agency editor, a translator and a
reviewer would: translation files, restore, export, translators' reach, waiting changes that
lose fields or a second edit, declining, the audit trail and "view on site".
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from directory.models import Organisation
from editorial import workflow, xliff
from editorial.models import AuditEvent, ReviewNote, StaffProfile
from editorial.revisions import record
from orientation.models import OrientationPage, PageImage, SourceLink
from tests.factories import MigrationStatusFactory, TopicFactory, page_form_data
from tests.helpers import ARABIC, PAGE_ADMIN, fill, jpeg_with_gps

pytestmark = pytest.mark.django_db
LIVE_BODY = "## Steps\n\nGo to [the NHS](https://www.nhs.uk/) or call 111."


@pytest.fixture
def live(pages):
    """The agency's own page, published, with an up-to-date Arabic translation."""
    page = pages["own"]
    page.state = "published"
    page.body_en = LIVE_BODY
    page.save()
    return page


def agency_with_arabic(make_user):
    return make_user("Agency editor", languages=["ar"])


def only(page, language="ar"):
    """An exported file with just this page in it."""
    return xliff.export(language, everything=True, pages=OrientationPage.objects.filter(pk=page.pk))


def upload(data):
    return SimpleUploadedFile("ar.xlf", data, content_type="application/xml")


# Hole 1: translation files reach only the user's pages and languages, and wait for review ----


def test_agency_import_cannot_touch_another_organisations_page(client, make_user, pages):
    other = pages["other"]
    other.body_en = "## Steps\n\nNo links here."
    other.save()
    client.force_login(agency_with_arabic(make_user))
    data = fill(xliff.export("ar", everything=True), title="عنوان", body="نص", summary="ملخص")
    response = client.post(f"{PAGE_ADMIN}/translations/", {"language": "ar", "file": upload(data)})
    assert response.status_code == 200
    assert "other-page: you may not change this page." in response.content.decode()
    other.refresh_from_db()
    assert not other.title_ar


def test_agency_import_cannot_use_a_language_they_do_not_hold(client, make_user, live):
    agency = agency_with_arabic(make_user)
    client.force_login(agency)
    data = fill(xliff.export("fa", everything=True), title="عنوان", body="نص", summary="ملخص")
    response = client.post(f"{PAGE_ADMIN}/translations/", {"language": "fa", "file": upload(data)})
    assert response.status_code == 200
    live.refresh_from_db()
    assert not live.title_fa
    with pytest.raises(xliff.TranslationFileError, match="You do not translate"):
        workflow.import_translations(user=agency, data=data, language="fa")


def test_agency_import_of_a_live_page_waits_for_review(client, make_user, live):
    client.force_login(agency_with_arabic(make_user))
    data = fill(only(live), **ARABIC)
    response = client.post(f"{PAGE_ADMIN}/translations/", {"language": "ar", "file": upload(data)})
    assert response.status_code == 302, response.content.decode()[-3000:]
    live.refresh_from_db()
    assert not live.title_ar  # nothing on the site yet
    waiting = live.revisions.get(pending=True)
    assert waiting.snapshot["title_ar"] == ARABIC["title"]
    assert waiting.note == "imported ar"


# Hole 2: restore follows the rules of an edit ------------------------------------------------


def test_agency_restore_on_a_live_page_waits(client, as_role, live):
    record(live)
    old_title = live.title_en
    live.title_en = "Newer title"
    live.save()
    record(live)
    as_role("agency")
    response = client.post(f"{PAGE_ADMIN}/{live.pk}/revisions/1/restore/")
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title_en == "Newer title"  # still the live text
    assert live.revisions.get(pending=True).snapshot["title_en"] == old_title
    assert AuditEvent.objects.filter(action="restored", details__waiting=True).exists()


# Hole 3: export only what the user may see ---------------------------------------------------


def test_agency_export_of_every_page_leaves_out_other_organisations(client, make_user, pages):
    other = pages["other"]
    other.state = "draft"
    other.save()
    client.force_login(agency_with_arabic(make_user))
    response = client.get(f"{PAGE_ADMIN}/translations/", {"language": "ar", "everything": "on"})
    assert response.status_code == 200
    assert b'group id="own-page"' in response.content
    assert b"other-page" not in response.content


# Hole 4: translators change only the words of their languages --------------------------------


def test_translator_cannot_submit_or_mark_reviewed(client, as_role, pages):
    page = pages["own"]
    checked = page.last_checked
    as_role("translator")
    client.post(f"{PAGE_ADMIN}/", {"action": "submit_for_review", "_selected_action": [page.pk]})
    client.post(f"{PAGE_ADMIN}/", {"action": "mark_reviewed", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.state == "draft"
    assert page.last_checked == checked
    assert not page.revisions.exists()


def test_the_workflow_refuses_a_translators_change_beyond_their_words(make_user, pages):
    translator = make_user("Translator", languages=["ar"])
    page = pages["other"]
    with pytest.raises(workflow.PermissionDenied):
        workflow.edit(user=translator, page=page, data={"title_en": "Hacked"})
    with pytest.raises(workflow.PermissionDenied):
        workflow.submit(user=translator, page=page)
    page.refresh_from_db()
    assert page.title_en != "Hacked"


# Hole 5: every field travels with a waiting change, and a second edit builds on the first ----


def test_every_field_of_a_waiting_change_is_published(client, as_role, live, make_user, orgs):
    new_topic, status = TopicFactory(slug="housing"), MigrationStatusFactory(slug="refugee")
    helper = Organisation.objects.create(slug="helper", name="Helper")
    as_role("agency")
    data = page_form_data(
        live,
        slug="new-address",
        body_en="A new rule.",
        topics=[new_topic.pk],
        statuses=[status.pk],
        related_organisations=[helper.pk],
        tags="money, forms",
        last_checked="2026-12-01",
        review_by="2027-03-01",
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-title_en": "Council",
            "sources-0-url": "https://www.birmingham.gov.uk/",
            "sources-0-order": "1",
        },
    )
    response = client.post(f"{PAGE_ADMIN}/{live.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    live.refresh_from_db()
    assert (live.slug, live.body_en) == ("own-page", LIVE_BODY)
    assert list(live.sources.values_list("url", flat=True)) == ["https://www.gov.uk/"]

    client.force_login(make_user("Reviewer", organisation="other"))
    assert client.post(f"{PAGE_ADMIN}/{live.pk}/publish-change/").status_code == 302
    live.refresh_from_db()
    assert live.slug == "new-address"
    assert live.body_en == "A new rule."
    assert list(live.topics.all()) == [new_topic]
    assert list(live.statuses.all()) == [status]
    assert list(live.related_organisations.all()) == [helper]
    assert sorted(live.tags.names()) == ["forms", "money"]
    assert live.last_checked == datetime.date(2026, 12, 1)
    assert live.review_by == datetime.date(2027, 3, 1)
    assert sorted(live.sources.values_list("url", flat=True)) == [
        "https://www.birmingham.gov.uk/",
        "https://www.gov.uk/",
    ]
    assert live.state == "published"


def test_a_second_edit_builds_on_the_waiting_one(client, as_role, live, make_user):
    as_role("agency")
    first = page_form_data(
        live,
        body_en="First change.",
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-title_en": "Council",
            "sources-0-url": "https://www.birmingham.gov.uk/",
            "sources-0-order": "1",
        },
    )
    assert client.post(f"{PAGE_ADMIN}/{live.pk}/change/", first).status_code == 302
    form = client.get(f"{PAGE_ADMIN}/{live.pk}/change/").content.decode()
    assert "First change." in form  # the form shows the waiting change, not the live text
    assert "https://www.birmingham.gov.uk/" in form
    assert "what you save now is added to it" in form
    # The browser posts back what the form showed, with one more change.
    second = page_form_data(
        live,
        body_en="First change.",
        title_en="Second change",
        base_revision=1,
        **{
            "sources-TOTAL_FORMS": "2",
            "sources-INITIAL_FORMS": "0",
            "sources-0-title_en": "GOV.UK",
            "sources-0-url": "https://www.gov.uk/",
            "sources-0-order": "0",
            "sources-1-title_en": "Council",
            "sources-1-url": "https://www.birmingham.gov.uk/",
            "sources-1-order": "1",
        },
    )
    response = client.post(f"{PAGE_ADMIN}/{live.pk}/change/", second)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert live.revisions.filter(pending=True).count() == 1
    client.force_login(make_user("Reviewer", organisation="other"))
    client.post(f"{PAGE_ADMIN}/{live.pk}/publish-change/")
    live.refresh_from_db()
    assert (live.title_en, live.body_en) == ("Second change", "First change.")
    assert live.sources.count() == 2


def test_a_picture_added_to_a_live_page_waits_with_the_change(client, as_role, live, make_user):
    as_role("agency")
    data = page_form_data(
        live,
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-image": SimpleUploadedFile("door.jpg", jpeg_with_gps(), "image/jpeg"),
            "images-0-alt_en": "The front door",
            "images-0-order": "0",
        },
    )
    assert client.post(f"{PAGE_ADMIN}/{live.pk}/change/", data).status_code == 302
    assert not PageImage.objects.exists()
    client.force_login(make_user("Reviewer", organisation="other"))
    client.post(f"{PAGE_ADMIN}/{live.pk}/publish-change/")
    picture = PageImage.objects.get(page=live)
    assert picture.alt_en == "The front door"
    assert b"PhoneMaker" not in picture.image.read()


def test_a_reviewers_later_edit_survives_publishing_an_older_waiting_change(live, make_user):
    agency = make_user("Agency editor")
    workflow.edit(user=agency, page=live, data={"body_en": "Agency text."})
    reviewer = make_user("Reviewer", organisation="other")
    workflow.edit(user=reviewer, page=live, data={"summary_en": "Reviewer's summary."})
    workflow.publish_change(user=reviewer, page=live)
    live.refresh_from_db()
    assert (live.body_en, live.summary_en) == ("Agency text.", "Reviewer's summary.")


# Hole 6: decline a waiting change, and the page stays up ---------------------------------------


def test_reviewer_declines_a_waiting_change_and_the_page_stays_up(client, as_role, live, make_user):
    agency = make_user("Agency editor")
    workflow.edit(user=agency, page=live, data={"body_en": "A wrong change."})
    reviewer = make_user("Reviewer", organisation="other")
    client.force_login(reviewer)
    assert client.get(f"{PAGE_ADMIN}/{live.pk}/decline-change/").status_code == 200
    response = client.post(
        f"{PAGE_ADMIN}/{live.pk}/decline-change/", {"comment": "Cite the source."}
    )
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.state == "published"
    assert "A wrong change." not in live.body_en
    assert not live.revisions.filter(pending=True).exists()
    assert ReviewNote.objects.get(page=live).text == "Cite the source."
    assert client.get(f"/en/pages/{live.slug}/").status_code == 200


# Hole 8: the audit trail ---------------------------------------------------------------------


def test_profile_changes_and_review_decisions_are_audited(make_user, live, orgs):
    agency = make_user("Agency editor")
    profile = StaffProfile.objects.get(user=agency)
    profile.organisation = orgs["other"]
    profile.save()
    profile.translation_languages = ["so"]
    profile.save()
    changes = AuditEvent.objects.filter(action="permissions", details__relation="staff_profile")
    assert [event.details["languages"] for event in changes.order_by("pk")][-1] == [[], ["so"]]
    assert changes.filter(details__organisation=[orgs["own"].pk, orgs["other"].pk]).exists()

    profile.organisation = orgs["own"]
    profile.save()
    reviewer = make_user("Reviewer", organisation="other")
    workflow.edit(user=agency, page=live, data={"body_en": "One."})
    workflow.publish_change(user=reviewer, page=live)
    workflow.edit(user=agency, page=live, data={"body_en": "Two."})
    workflow.decline_change(user=reviewer, page=live, comment="No.")
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"change_published", "change_declined"} <= actions
    assert AuditEvent.objects.get(action="change_published").actor == reviewer


# Hole 9: "view on site" reveals nothing the user may not see -------------------------------------


def test_view_on_site_is_a_404_for_pages_the_user_may_not_see(client, as_role, pages):
    as_role("agency")
    content_type = ContentType.objects.get_for_model(OrientationPage).pk
    response = client.get(f"/admin/r/{content_type}/{pages['other'].pk}/")
    assert response.status_code == 404
    assert "other-page" not in response.get("Location", "")
    own = client.get(f"/admin/r/{content_type}/{pages['own'].pk}/")
    assert own.status_code == 302 and own["Location"].endswith("/pages/own-page/")


# What editors get ----------------------------------------------------------------------------


def test_the_diff_shows_only_changed_fields_by_label_and_direction(
    client, as_role, live, make_user
):
    agency = make_user("Agency editor")
    outcome = workflow.edit(user=agency, page=live, data={"body_ar": "نص جديد"})
    as_role("reviewer")
    html = client.get(
        f"{PAGE_ADMIN}/{live.pk}/revisions/{outcome.revision.number}/"
    ).content.decode()
    assert "Body (Markdown) (Arabic)" in html
    assert 'lang="ar" dir="rtl"' in html
    assert "Title (English)" not in html and "Body (Markdown) (Polish)" not in html


def test_reviewer_previews_the_waiting_change_in_the_public_template(
    client, as_role, live, make_user
):
    agency = make_user("Agency editor")
    workflow.edit(user=agency, page=live, data={"body_en": "Coming soon: a new office."})
    as_role("reviewer")
    response = client.get(f"{PAGE_ADMIN}/{live.pk}/waiting-change/preview/en/")
    assert response.status_code == 200
    assert "Coming soon: a new office." in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    live.refresh_from_db()
    assert "Coming soon" not in live.body_en  # the preview changed nothing
    assert "Coming soon" not in client.get(f"/en/pages/{live.slug}/").content.decode()


def test_translator_sees_what_changed_in_the_english(client, as_role, live, make_user):
    portal = make_user("Portal editor", organisation="other")
    live.title_ar, live.summary_ar, live.body_ar = "عنوان", "ملخص", "نص"
    live.mark_translated("ar")
    live.save()
    record(live, author=portal)
    workflow.edit(user=portal, page=live, data={"body_en": "## Steps\n\nA brand new sentence."})
    as_role("translator")
    html = client.get(f"{PAGE_ADMIN}/{live.pk}/change/").content.decode()
    assert "Changed in the English since the العربية translation was made" in html
    assert "+ A brand new sentence." in html
    assert "- Go to [the NHS]" in html


@pytest.mark.parametrize(("role", "state"), [("translator", "reviewed"), ("portal", "draft")])
def test_form_and_file_end_in_the_same_translation_state(client, as_role, live, role, state):
    user = as_role(role)
    if role == "portal":
        StaffProfile.objects.filter(user=user).update(translation_languages=["ar"])
    words = {
        "title_ar": ARABIC["title"],
        "summary_ar": ARABIC["summary"],
        "body_ar": ARABIC["body"],
    }
    fields = page_form_data(live, **words) if role == "portal" else words
    assert client.post(f"{PAGE_ADMIN}/{live.pk}/change/", fields).status_code == 302
    live.refresh_from_db()
    by_form = live.translation_states["ar"]
    OrientationPage.objects.filter(pk=live.pk).update(
        title_ar="", summary_ar="", body_ar="", translation_states={}, translation_versions={}
    )
    data = fill(only(live), **ARABIC)
    client.post(f"{PAGE_ADMIN}/translations/", {"language": "ar", "file": upload(data)})
    live.refresh_from_db()
    assert live.title_ar == ARABIC["title"]
    assert (by_form, live.translation_states["ar"]) == (state, state)


def test_the_form_shows_the_real_state_of_a_live_page(client, as_role, live):
    as_role("agency")
    html = client.get(f"{PAGE_ADMIN}/{live.pk}/change/").content.decode()
    assert '<select name="state"' not in html
    assert '<span class="live-state">Published</span>' in html


def test_agency_editors_add_pictures_to_their_own_draft(client, as_role, pages):
    as_role("agency")
    page = pages["own"]
    data = page_form_data(
        page,
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-image": SimpleUploadedFile("door.jpg", jpeg_with_gps(), "image/jpeg"),
            "images-0-alt_en": "The front door",
            "images-0-order": "0",
        },
    )
    assert client.post(f"{PAGE_ADMIN}/{page.pk}/change/", data).status_code == 302
    assert PageImage.objects.get(page=page).alt_en == "The front door"
    assert SourceLink.objects.filter(page=page).count() == 1  # kept: not in the post


# The command line follows the same rules when it names the account it acts for ------------------


def test_import_command_as_an_agency_editor_waits_and_stays_in_their_pages(
    make_user, live, pages, tmp_path
):
    from django.core.management import CommandError, call_command

    agency_with_arabic(make_user)
    mine, theirs = tmp_path / "mine.xlf", tmp_path / "theirs.xlf"
    mine.write_bytes(fill(only(live), **ARABIC))
    theirs.write_bytes(fill(only(pages["other"]), title="عنوان", summary="ملخص", body="نص"))
    with pytest.raises(CommandError, match="you may not change this page"):
        call_command("import_translations", "ar", str(theirs), user="agency-editor")
    assert not OrientationPage.objects.get(pk=pages["other"].pk).title_ar
    call_command("import_translations", "ar", str(mine), user="agency-editor")
    live.refresh_from_db()
    assert not live.title_ar
    assert live.revisions.get(pending=True).snapshot["title_ar"] == ARABIC["title"]
    call_command("import_translations", "ar", str(mine))  # the operators: live, as a draft
    live.refresh_from_db()
    assert (live.title_ar, live.translation_states["ar"]) == (ARABIC["title"], "draft")


def test_translators_translate_picture_descriptions_and_nothing_else(client, as_role, pages):
    page = pages["other"]
    picture = PageImage.objects.create(
        page=page,
        image=SimpleUploadedFile("door.jpg", jpeg_with_gps(), "image/jpeg"),
        alt_en="The front door",
    )
    as_role("translator")  # Arabic
    html = client.get(f"{PAGE_ADMIN}/{page.pk}/change/").content.decode()
    assert 'name="images-0-alt_ar"' in html
    assert 'name="images-0-alt_en"' not in html
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        {
            "title_ar": "عنوان",
            "summary_ar": "ملخص",
            "body_ar": "نص",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "1",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "images-0-id": str(picture.pk),
            "images-0-page": str(page.pk),
            "images-0-alt_ar": "الباب الأمامي",
            "images-0-alt_en": "Hacked",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    picture.refresh_from_db()
    assert (picture.alt_ar, picture.alt_en) == ("الباب الأمامي", "The front door")
    with pytest.raises(workflow.PermissionDenied):
        translator = picture.page.revisions.first().author
        rows = [{**row, "alt_en": "Hacked"} for row in workflow.revisions.snapshot(page)["images"]]
        workflow.edit(user=translator, page=page, data={"images": rows})
