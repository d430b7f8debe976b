"""The admin's page list: the translation filter is decided in the database and agrees with
the model's rule, and the list reads only the columns it shows, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.admin.filters import with_translation_status
from orientation.models import OrientationPage
from portal.translation import STATUSES
from tests.factories import OrientationPageFactory
from tests.helpers import PAGE_ADMIN

pytestmark = pytest.mark.django_db


def pages_in_every_translation_status(organisation):
    missing = OrientationPageFactory(slug="missing", organisation=organisation)
    half = OrientationPageFactory(slug="title-only", organisation=organisation, title_ar="عنوان")
    made = {}
    for slug, state in (("current", "reviewed"), ("draft", "draft"), ("outdated", "reviewed")):
        page = OrientationPageFactory(
            slug=slug, organisation=organisation, title_ar="عنوان", body_ar="نص"
        )
        page.mark_translated("ar")
        page.translation_states = {"ar": state}
        page.save()
        made[slug] = page
    made["outdated"].body_en = "New English."
    made["outdated"].save()
    no_state = OrientationPageFactory(
        slug="no-state", organisation=organisation, title_ar="عنوان", body_ar="نص"
    )
    no_state.mark_translated("ar")
    no_state.save()
    return [missing, half, no_state, *made.values()]


def test_the_translation_filter_agrees_with_the_model_for_every_status(orgs, locality):
    pages = pages_in_every_translation_status(orgs["own"])
    for status in STATUSES:
        in_python = {page.slug for page in pages if page.translation_status("ar") == status}
        in_sql = set(
            with_translation_status(OrientationPage.objects.all(), "ar", status).values_list(
                "slug", flat=True
            )
        )
        assert in_sql == in_python, status
    assert in_python  # the last status ("current") has pages: the check is not vacuous


def test_the_filtered_list_asks_the_same_number_of_queries_however_many_pages(
    client, as_role, orgs, locality
):
    as_role("portal")
    pages_in_every_translation_status(orgs["own"])

    def count_queries(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count_queries(f"{PAGE_ADMIN}/?translation=ar:current")
    for number in range(12):
        OrientationPageFactory(slug=f"more-{number}", organisation=orgs["other"])
    assert count_queries(f"{PAGE_ADMIN}/?translation=ar:current") == few
    assert count_queries(f"{PAGE_ADMIN}/") == count_queries(f"{PAGE_ADMIN}/?translation=ar:missing")


def test_the_list_leaves_the_long_text_in_the_database(client, as_role, orgs, locality):
    as_role("portal")
    pages_in_every_translation_status(orgs["own"])
    response = client.get(f"{PAGE_ADMIN}/")
    rows = list(response.context["cl"].result_list)
    assert rows
    for row in rows:
        deferred = row.get_deferred_fields()
        assert {"body_en", "body_ar", "body_html_en"} <= deferred
    html = response.content.decode()
    assert "ar✓" in html and "ar–" in html and "ar!" in html and "ar✎" in html
