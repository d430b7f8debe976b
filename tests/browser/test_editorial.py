"""An agency editor changes a page, a reviewer publishes it, readers see it, and the Arabic
translation is now shown as outdated."""

import re

import pytest
from django.contrib.auth.models import Group

from directory.models import Organisation
from editorial.models import StaffProfile
from editorial.roles import ensure_roles
from tests.browser.conftest import screenshot

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
    browser, sample_site, django_user_model
):
    citizens_advice = Organisation.objects.get(slug="citizens-advice-birmingham")
    staff(django_user_model, "agency", "Agency editor", citizens_advice)
    staff(django_user_model, "reviewer", "Reviewer")
    base = sample_site.url
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()

    log_in(page, base, "agency")
    page.goto(base + "/admin/orientation/orientationpage/?q=evisa")
    page.locator("#result_list a", has_text="eVisa").first.click()
    body = page.locator("textarea[name=body_en]")
    body.fill(body.input_value() + "\n\n" + NEW_SENTENCE)
    page.select_option("select[name=state]", "in_review")
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

    reader.goto(base + "/en/pages/evisa/")
    assert NEW_SENTENCE in reader.locator(".prose").inner_text()
    reader.goto(base + "/ar/pages/evisa/")
    notice = reader.locator(".notice--outdated")
    assert notice.is_visible()
    assert reader.locator(".notice--outdated a").get_attribute("href") == "/en/pages/evisa/"
    screenshot(reader, "editorial-3-arabic-outdated")
    context.close()
