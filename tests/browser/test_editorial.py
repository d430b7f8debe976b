"""An agency editor changes a page, a reviewer publishes it, readers see it, and the Arabic
translation is now shown as outdated."""

import re

import pytest
from django.contrib.auth.models import Group

from directory.models import Organisation
from editorial.models import StaffProfile
from editorial.roles import ensure_roles
from tests.helpers import screenshot

pytestmark = pytest.mark.browser
NEW_SENTENCE = "From December you can also ask for help at the library."


def staff(django_user_model, username, role, organisation=None):
    ensure_roles()
    user = django_user_model.objects.create_user(username, password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffProfile.objects.create(user=user, organisation=organisation)
    return user


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-for-tests")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_edit_submit_publish_and_the_translation_becomes_outdated(
    browser, editable_sample_site, django_user_model
):
    citizens_advice = Organisation.objects.get(slug="citizens-advice-birmingham")
    staff(django_user_model, "agency", "Agency editor", citizens_advice)
    staff(django_user_model, "reviewer", "Reviewer")
    base = editable_sample_site.url
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()

    log_in(page, base, "agency")
    page.goto(base + "/admin/orientation/orientationpage/?q=evisa")
    page.locator("#result_list a", has_text="eVisa").first.click()
    body = page.locator("textarea[name=body_en]")
    body.fill(body.input_value() + "\n\n" + NEW_SENTENCE)
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert not errors, errors
    page.wait_for_url(re.compile(r"/admin/orientation/orientationpage/(\?.*)?$"))
    screenshot(page, "editorial-1-submitted")
    context.clear_cookies()
    reader = browser.new_context().new_page()
    reader.goto(base + "/en/pages/evisa/")
    assert NEW_SENTENCE not in reader.locator(".prose").inner_text()  # still the old page

    log_in(page, base, "reviewer")
    page.goto(base + "/admin/")
    assert page.locator("#editor-dashboard").get_by_text("eVisa").count() >= 1
    page.locator("#editor-dashboard a", has_text="eVisa").first.click()
    page.get_by_text("A change is waiting for review.").wait_for()
    page.locator("button[form=publish-change-form]").click()
    page.wait_for_load_state()
    screenshot(page, "editorial-2-published")

    # A new visit: the reader's browser may keep the page it saw for a short while.
    reader = browser.new_context().new_page()
    reader.goto(base + "/en/pages/evisa/")
    assert NEW_SENTENCE in reader.locator(".prose").inner_text()
    reader.goto(base + "/ar/pages/evisa/")
    notice = reader.locator(".notice--outdated")
    assert notice.is_visible()
    assert reader.locator(".notice--outdated a").get_attribute("href") == "/en/pages/evisa/"
    screenshot(reader, "editorial-3-arabic-outdated")
    context.close()


FIRST_EDIT = "Bring your passport to the appointment."
NEW_SUMMARY = "An eVisa proves your right to live in the UK. How to get it and share it."
NEW_SOURCE = ("Prove your right to work (GOV.UK)", "https://www.gov.uk/prove-right-to-work")


def test_agency_edits_a_live_page_twice_and_everything_goes_live_after_review(
    browser, editable_sample_site, django_user_model
):
    """The waiting change keeps both edits and the new source; a reviewer previews it in the
    public template and publishes it; readers then get all of it."""
    citizens_advice = Organisation.objects.get(slug="citizens-advice-birmingham")
    staff(django_user_model, "agency", "Agency editor", citizens_advice)
    staff(django_user_model, "reviewer", "Reviewer")
    base = editable_sample_site.url
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    reader = browser.new_context().new_page()

    # First edit: a sentence in the body and a new official source.
    log_in(page, base, "agency")
    page.goto(base + "/admin/orientation/orientationpage/?q=evisa")
    page.locator("#result_list a", has_text="eVisa").first.click()
    assert page.locator(".live-state").inner_text() == "Published"
    assert page.locator("select[name=state]").count() == 0
    body = page.locator("textarea[name=body_en]")
    body.fill(body.input_value() + "\n\n" + FIRST_EDIT)
    sources = page.locator("#sources-group")
    blank = sources.locator("tr.form-row:not(.has_original):not(.empty-form)").last
    blank.locator("input[name$='-title_en']").fill(NEW_SOURCE[0])
    blank.locator("input[name$='-url']").fill(NEW_SOURCE[1])
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r"/admin/orientation/orientationpage/(\?.*)?$"))
    assert "waiting for a reviewer" in page.locator(".messagelist").inner_text()

    # Second edit: the form shows the first one, and the summary changes too.
    page.goto(base + "/admin/orientation/orientationpage/?q=evisa")
    page.locator("#result_list a", has_text="eVisa").first.click()
    assert FIRST_EDIT in page.locator("textarea[name=body_en]").input_value()
    assert page.locator(f"#sources-group input[value='{NEW_SOURCE[1]}']").count() == 1
    page.locator("textarea[name=summary_en], input[name=summary_en]").fill(NEW_SUMMARY)
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r"/admin/orientation/orientationpage/(\?.*)?$"))
    screenshot(page, "editorial-journey-1-waiting")

    reader.goto(base + "/en/pages/evisa/")
    assert FIRST_EDIT not in reader.locator(".prose").inner_text()  # the live page is as it was
    context.clear_cookies()

    # The reviewer sees both edits in the preview, then publishes.
    log_in(page, base, "reviewer")
    page.locator("#editor-dashboard a", has_text="eVisa").first.click()
    page.get_by_text("A change is waiting for review.").wait_for()
    preview_url = page.locator("a.preview-change[lang=en]").first.get_attribute("href")
    preview = context.new_page()
    preview.goto(base + preview_url)
    assert FIRST_EDIT in preview.locator(".prose").inner_text()
    assert NEW_SUMMARY in preview.content()
    assert preview.locator("a[href*='prove-right-to-work']").count() >= 1
    screenshot(preview, "editorial-journey-2-preview")
    preview.close()
    page.locator("button[form=publish-change-form]").click()
    page.wait_for_load_state()
    assert "now on the site" in page.locator(".messagelist").inner_text()

    # A new visit: the reader's browser may keep the page it saw for a short while.
    reader = browser.new_context().new_page()
    reader.goto(base + "/en/pages/evisa/")
    assert FIRST_EDIT in reader.locator(".prose").inner_text()
    assert NEW_SUMMARY in reader.content()
    assert reader.get_by_text(NEW_SOURCE[0]).count() == 1
    screenshot(reader, "editorial-journey-3-live")
    context.close()
