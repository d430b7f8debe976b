"""Facts the checker could not confirm: from the page file, shown to editors, never to readers."""

import shutil

import pytest

from orientation.models import OrientationPage
from tests.factories import page_form_data as _form_data
from tests.helpers import PAGE_ADMIN, SAMPLE
from welcome.locality import ContentError, load_locality, read_locality

pytestmark = pytest.mark.django_db
FACT = "The Tuesday drop-in hours of the law centre."


@pytest.fixture
def sample_copy(tmp_path):
    target = tmp_path / "locality"
    shutil.copytree(SAMPLE, target)
    return target


def set_front_matter(folder, slug, old, new):
    path = folder / "pages" / slug / "en.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_facts_load_from_the_page_file_and_go_when_removed(sample_copy):
    set_front_matter(
        sample_copy,
        "interpreters",
        "\nsources:",
        f'\nto_confirm:\n  - "{FACT}"\n  - Whether the form is still online.\nsources:',
    )
    load_locality(sample_copy)
    page = OrientationPage.objects.get(slug="interpreters")
    assert page.to_confirm == f"{FACT}\nWhether the form is still online."

    shutil.copy(SAMPLE / "pages" / "interpreters" / "en.md", sample_copy / "pages" / "interpreters")
    load_locality(sample_copy)
    page.refresh_from_db()
    assert page.to_confirm == ""


def test_facts_to_confirm_must_be_a_list_of_sentences(sample_copy):
    set_front_matter(sample_copy, "interpreters", "\nsources:", "\nto_confirm: {a: 1}\nsources:")
    with pytest.raises(ContentError, match="to_confirm"):
        read_locality(sample_copy)


def test_a_last_checked_date_still_to_come_is_refused(sample_copy):
    path = sample_copy / "pages" / "interpreters" / "en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "\n".join(
            "last_checked: 2999-01-01" if line.startswith("last_checked:") else line
            for line in text.splitlines()
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="in the future"):
        read_locality(sample_copy)


def test_readers_never_see_the_facts_to_confirm(client, pages):
    page = pages["other"]  # published
    page.to_confirm = FACT
    page.save()
    response = client.get(f"/en/pages/{page.slug}/")
    assert response.status_code == 200
    assert page.title_en in response.content.decode()
    assert "law centre" not in response.content.decode()


def test_editors_see_and_settle_the_facts_in_the_page_admin(client, as_role, pages):
    as_role("portal")
    page = pages["own"]
    page.to_confirm = FACT
    page.save()
    form = client.get(f"{PAGE_ADMIN}/{page.pk}/change/").content.decode()
    assert 'name="to_confirm"' in form
    assert FACT in form

    response = client.post(f"{PAGE_ADMIN}/{page.pk}/change/", _form_data(page, to_confirm=""))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.to_confirm == ""


def test_the_dashboard_lists_each_editors_facts_to_confirm(client, as_role, pages):
    own, other = pages["own"], pages["other"]
    own.to_confirm = FACT
    other.to_confirm = "A fact of another agency's page."
    for page in (own, other):
        page.save()
    as_role("agency")
    html = client.get("/admin/").content.decode()
    assert "Facts to confirm with an adviser" in html
    assert FACT in html
    assert f"/{own.pk}/change/" in html
    assert "another agency" not in html
