"""XLIFF out and back in: round trips, and a bad file changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from editorial import workflow, xliff
from orientation.models import OrientationPage
from tests.factories import OrientationPageFactory
from tests.helpers import ARABIC, PAGE_ADMIN, fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(locality):
    return OrientationPageFactory(
        slug="gp",
        title_en="Register with a GP",
        summary_en="How to register.",
        body_en="## Steps\n\nGo to [the NHS](https://www.nhs.uk/) or call 111.",
    )


def test_export_lists_what_needs_translating(page):
    data = xliff.export("ar")
    assert b'target-language="ar"' in data
    assert b'<trans-unit id="gp/title">' in data
    assert f'portal:source-version="{page.english_version}"'.encode() in data


def test_round_trip(page):
    report = workflow.import_translations(
        user=None, data=fill(xliff.export("ar"), **ARABIC), language="ar"
    )
    assert report.pages == 1
    page.refresh_from_db()
    assert page.title_ar == ARABIC["title"]
    assert page.body_ar == ARABIC["body"]
    assert page.translation_status("ar") == "draft"
    assert b'<trans-unit id="gp/title">' not in xliff.export("ar")  # nothing left to do
    assert page.revisions.first().note == "imported ar"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.replace(b'target-language="ar"', b'target-language="fa"'), "not “ar”"),
        (lambda data: data.replace(b'group id="gp"', b'group id="no-such-page"'), "no page"),
        (lambda data: data.replace(b'id="gp/title"', b'id="gp/secret"'), "unknown id"),
        (lambda data: b"<html>not xliff</html>", "not an XLIFF"),
        (
            lambda data: b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaa'>]><x>&a;</x>",
            "not an XLIFF",
        ),
    ],
)
def test_a_bad_file_is_refused_whole(page, change, message):
    data = change(fill(xliff.export("ar"), **ARABIC))
    with pytest.raises(xliff.TranslationFileError) as error:
        workflow.import_translations(user=None, data=data, language="ar")
    assert message in str(error.value)
    page.refresh_from_db()
    assert not page.title_ar


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("## الخطوات\n\n<script>alert(1)</script>", "HTML"),
        ("## الخطوات\n\nاذهب إلى [NHS](https://www.nhs.uk/", "broken"),
        ("اذهب إلى [NHS](https://evil.example/)", "not in the English"),
        ("اذهب إلى NHS", "missing from the translation"),
    ],
)
def test_broken_markdown_and_changed_links_are_refused(page, body, message):
    data = fill(xliff.export("ar"), **{**ARABIC, "body": body})
    with pytest.raises(xliff.TranslationFileError) as error:
        workflow.import_translations(user=None, data=data, language="ar")
    assert message in str(error.value)
    assert not OrientationPage.objects.get(pk=page.pk).body_ar


def test_a_file_for_an_older_english_is_stale(page):
    data = fill(xliff.export("ar"), **ARABIC)
    page.body_en = "## Steps\n\nSomething new. [the NHS](https://www.nhs.uk/)"
    page.save()
    with pytest.raises(xliff.TranslationFileError) as error:
        workflow.import_translations(user=None, data=data, language="ar")
    assert "the English has changed" in str(error.value)


def test_translator_downloads_and_uploads_in_the_admin(client, as_role, page):
    as_role("translator")  # translates Arabic
    response = client.get(f"{PAGE_ADMIN}/translations/", {"language": "ar"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="pages-ar.xlf"'
    assert client.get(f"{PAGE_ADMIN}/translations/", {"language": "fa"}).status_code == 200
    assert b"<xliff" not in client.get(f"{PAGE_ADMIN}/translations/", {"language": "fa"}).content
    upload = SimpleUploadedFile("ar.xlf", fill(response.content, **ARABIC))
    response = client.post(f"{PAGE_ADMIN}/translations/", {"language": "ar", "file": upload})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_ar == ARABIC["title"]


def test_admin_lists_every_problem_and_changes_nothing(client, as_role, page):
    as_role("portal")
    data = fill(xliff.export("ar"), **{**ARABIC, "body": "<b>bold</b>"})
    response = client.post(
        f"{PAGE_ADMIN}/translations/",
        {"language": "ar", "file": SimpleUploadedFile("ar.xlf", data)},
    )
    assert response.status_code == 200
    assert "remove the HTML" in response.content.decode()
    page.refresh_from_db()
    assert not page.title_ar
