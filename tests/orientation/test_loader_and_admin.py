"""Files or admin, one truth: the loader creates the pages that are missing and updates those
nobody has edited in the admin since the last load, records a revision for each page it changes,
says which pages it left alone, and never publishes again what an editor archived."""

import pytest
from django.core.management import call_command

from editorial.models import PageRevision
from orientation.loader import LOADED_NOTE
from orientation.models import OrientationPage
from tests.factories import page_form_data
from tests.helpers import PAGE_ADMIN
from welcome.locality import load_locality

pytestmark = pytest.mark.django_db

PAGE = """---
title: {title}
summary: What to do
topics: [health]
organisation: council
last_checked: 2026-01-01
sources:
  - title: Council
    url: https://example.org/
---
{body}
"""


def write_page(folder, slug, title="Hello", body="Welcome."):
    (folder / "pages" / slug).mkdir(parents=True, exist_ok=True)
    (folder / "pages" / slug / "en.md").write_text(PAGE.format(title=title, body=body))


@pytest.fixture
def folder(tmp_path):
    """A small locality with two pages."""
    root = tmp_path / "elsewhere"
    (root / "text").mkdir(parents=True)
    (root / "locality.yml").write_text(
        "slug: elsewhere\nemergency:\n  - key: emergency\n    number: '112'\n"
        "topics:\n  - slug: health\n    icon: health\n"
        "statuses:\n  - slug: student\n    icon: student\n"
        "organisations:\n  - slug: council\n    name: Elsewhere Council\n"
    )
    (root / "text" / "en.yml").write_text(
        "locality_name: Elsewhere\nhome:\n  heading: Welcome to Elsewhere\n"
        "emergency:\n  emergency: Emergency\ntopics:\n  health:\n    name: Health\n"
        "statuses:\n  student:\n    name: Students\n    label: I am a student\n"
    )
    write_page(root, "hello")
    write_page(root, "goodbye", title="Goodbye")
    return root


def loaded_revisions(slug):
    return PageRevision.objects.filter(page__slug=slug, note=LOADED_NOTE)


def test_missing_pages_are_created_published_with_a_revision(folder):
    report = load_locality(folder)
    assert sorted(report.created) == ["goodbye", "hello"]
    assert report.updated == report.skipped == []
    page = OrientationPage.objects.get(slug="hello")
    assert page.state == OrientationPage.State.PUBLISHED
    revision = loaded_revisions("hello").get()
    assert revision.author is None
    assert revision.snapshot["body_en"] == "Welcome."


def test_loading_the_same_files_again_changes_nothing(folder):
    load_locality(folder)
    updated_at = OrientationPage.objects.get(slug="hello").updated_at
    report = load_locality(folder)
    assert report.created == report.updated == report.skipped == []
    assert report.unchanged == 2
    assert OrientationPage.objects.get(slug="hello").updated_at == updated_at
    assert loaded_revisions("hello").count() == 1


def test_a_changed_file_updates_a_page_nobody_edited_and_records_it(folder):
    load_locality(folder)
    write_page(folder, "hello", body="Welcome, with a new rule.")
    report = load_locality(folder)
    assert report.updated == ["hello"]
    assert report.unchanged == 1
    page = OrientationPage.objects.get(slug="hello")
    assert page.body_en == "Welcome, with a new rule."
    assert loaded_revisions("hello").count() == 2
    assert page.revisions.first().snapshot["body_en"] == "Welcome, with a new rule."


def test_a_page_edited_in_the_admin_keeps_the_editors_words(client, as_role, folder, capsys):
    load_locality(folder)
    as_role("portal")
    page = OrientationPage.objects.get(slug="hello")
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/",
        page_form_data(page, body_en="Corrected by an editor.", base_revision=1),
    )
    assert response.status_code == 302
    write_page(folder, "hello", body="The file's older idea.")
    write_page(folder, "goodbye", title="Goodbye", body="Changed in the file.")
    call_command("load_locality", str(folder))
    output = capsys.readouterr().out
    assert "1 page edited in the admin since the last load was left as it is: hello." in output
    page.refresh_from_db()
    assert page.body_en == "Corrected by an editor."
    goodbye = OrientationPage.objects.get(slug="goodbye")
    assert goodbye.body_en == "Changed in the file."  # the other page still follows its file


def test_an_archived_page_is_never_published_again(folder):
    load_locality(folder)
    page = OrientationPage.objects.get(slug="hello")
    page.state = OrientationPage.State.ARCHIVED
    page.save()
    write_page(folder, "hello", body="A new version in the file.")
    report = load_locality(folder)
    assert report.skipped == ["hello"]
    page.refresh_from_db()
    assert page.state == OrientationPage.State.ARCHIVED
    assert page.body_en == "Welcome."


def test_a_page_made_in_the_admin_is_not_taken_over_by_a_file(folder, locality):
    from tests.factories import OrientationPageFactory

    OrientationPageFactory(slug="hello", title_en="Made in the admin", body_en="Ours.")
    report = load_locality(folder)
    assert report.skipped == ["hello"]
    assert report.created == ["goodbye"]
    assert OrientationPage.objects.get(slug="hello").body_en == "Ours."
