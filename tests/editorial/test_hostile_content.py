"""Stored script, in every text field and every language column, stays inert wherever it shows:
admin lists, forms, diffs, messages, and the public pages."""

import re

import pytest
from django.conf import settings

from editorial.revisions import record
from insights.models import PageFeedback
from orientation.models import SourceLink
from tests.factories import page_form_data as _form_data
from tests.helpers import PAGE_ADMIN

pytestmark = pytest.mark.django_db

HOSTILE = (
    '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    '<svg/onload=alert(3)><a href="javascript:alert(4)">x</a>'
    '<a href="data:text/html,<script>alert(5)</script>">y</a>'
)
LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
ACTIVE = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img src=x onerror", re.I),
    re.compile(r"<svg/onload", re.I),
    re.compile(r"href=\"javascript:", re.I),
    re.compile(r"href=\"data:", re.I),
]


def assert_inert(html, where):
    html = html.replace('<script src="/static/js/map.js" defer></script>', "")
    for pattern in ACTIVE:
        assert not pattern.search(html), (where, pattern.pattern)


@pytest.fixture
def poisoned(pages, orgs):
    page = pages["other"]
    record(page)
    for code in LANGUAGES:
        for field, limit in (("title", 200), ("summary", 400), ("body", None)):
            setattr(page, f"{field}_{code}", HOSTILE[:limit])
    page.mark_translated("ar")
    page.save()
    record(page)
    organisation = orgs["other"]
    organisation.name = HOSTILE[:200]
    for code in LANGUAGES:
        setattr(organisation, f"description_{code}", HOSTILE)
        setattr(organisation, f"services_{code}", HOSTILE)
    organisation.save()
    topic = page.topics.get()
    for code in LANGUAGES:
        setattr(topic, f"name_{code}", HOSTILE[:100])
    topic.save()
    SourceLink.objects.create(page=page, title_en=HOSTILE[:200], url="https://www.gov.uk/x")
    PageFeedback.objects.create(page=page, language="ar", helpful=False, comment=HOSTILE)
    return page


def test_public_pages_in_every_language(client, poisoned):
    topic = poisoned.topics.get()
    for code in LANGUAGES:
        for path in (
            f"/{code}/pages/{poisoned.slug}/",
            f"/{code}/topics/{topic.slug}/",
            f"/{code}/topics/",
            f"/{code}/agencies/",
            f"/{code}/agencies/{poisoned.organisation.slug}/",
            f"/{code}/search/?q=alert",
        ):
            response = client.get(path)
            assert response.status_code == 200, path
            assert_inert(response.content.decode(), path)


def test_admin_lists_forms_diffs_and_messages(client, as_role, poisoned):
    as_role("portal")
    for path in (
        f"{PAGE_ADMIN}/",
        f"{PAGE_ADMIN}/{poisoned.pk}/change/",
        f"{PAGE_ADMIN}/{poisoned.pk}/history/",
        f"{PAGE_ADMIN}/{poisoned.pk}/revisions/",
        f"{PAGE_ADMIN}/{poisoned.pk}/revisions/2/",
        f"{PAGE_ADMIN}/{poisoned.pk}/preview/ar/",
        "/admin/insights/pagefeedback/",
        "/admin/directory/organisation/",
        f"/admin/directory/organisation/{poisoned.organisation.pk}/change/",
        "/admin/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content.decode(), path)
    response = client.post(
        f"{PAGE_ADMIN}/{poisoned.pk}/change/",
        _form_data(poisoned, base_revision=2, **{f"title_{c}": HOSTILE for c in LANGUAGES}),
        follow=True,
    )
    assert response.status_code == 200
    assert_inert(response.content.decode(), "message after saving")
