"""Status "first steps": the few pages editors put first on a status page, in their order."""

import shutil

import pytest
import yaml
from django.conf import settings

from orientation.models import FirstStep, MigrationStatus, OrientationPage
from tests.factories import MigrationStatusFactory, OrientationPageFactory, TopicFactory
from tests.helpers import SAMPLE
from welcome.locality import ContentError, load_locality, read_locality

pytestmark = pytest.mark.django_db


@pytest.fixture
def status_with_steps(locality):
    status = MigrationStatusFactory(slug="refugee", name_en="Refugees")
    health = TopicFactory(slug="health", name_en="Health")
    move_on = OrientationPageFactory(slug="move-on", title_en="Zebra: the 28 days", topics=[health])
    credit = OrientationPageFactory(slug="credit", title_en="Apple: Universal Credit")
    FirstStep.objects.create(status=status, page=move_on, order=0)
    FirstStep.objects.create(status=status, page=credit, order=1)
    return status


def test_a_status_page_starts_with_its_first_steps_in_the_editors_order(client, status_with_steps):
    html = client.get("/en/status/refugee/").content.decode()
    zebra, apple = html.index("Zebra: the 28 days"), html.index("Apple: Universal Credit")
    assert zebra < apple  # the editors' order, not the alphabet
    assert apple < html.index('id="status-topics-heading"')  # before the topics
    assert 'href="/en/pages/move-on/"' in html


def test_a_first_step_that_is_not_published_is_not_shown(client, status_with_steps):
    OrientationPage.objects.filter(slug="credit").update(state=OrientationPage.State.DRAFT)
    html = client.get("/en/status/refugee/").content.decode()
    assert "Zebra: the 28 days" in html
    assert "Apple: Universal Credit" not in html


def test_a_status_without_first_steps_shows_only_its_topics(client, locality):
    MigrationStatusFactory(slug="student")
    html = client.get("/en/status/student/").content.decode()
    assert 'id="first-steps-heading"' not in html
    assert 'id="status-topics-heading"' in html


def test_first_steps_are_marked_when_shown_in_english(client, status_with_steps):
    OrientationPage.objects.filter(slug="move-on").update(title_ar="٢٨ يوما", body_ar="نص")
    html = client.get("/ar/status/refugee/").content.decode()
    assert "٢٨ يوما" in html
    assert '<h3 lang="en" dir="ltr"><a href="/ar/pages/credit/">Apple: Universal Credit' in html


def test_editors_set_first_steps_in_the_status_admin(client, django_user_model, locality):
    editor = django_user_model.objects.create_superuser("editor", "e@example.invalid", "pw")
    client.force_login(editor)
    status = MigrationStatusFactory(slug="refugee")
    first, second = OrientationPageFactory(slug="first"), OrientationPageFactory(slug="second")
    data = {"slug": "refugee", "icon": "refugee", "order": "0"}
    for code in settings.MODELTRANSLATION_LANGUAGES:
        data |= {f"name_{code}": "", f"label_{code}": "", f"description_{code}": ""}
    data |= {"name_en": "Refugees", "label_en": "I am a refugee"}
    data |= {
        "first_steps-TOTAL_FORMS": "2",
        "first_steps-INITIAL_FORMS": "0",
        "first_steps-MIN_NUM_FORMS": "0",
        "first_steps-MAX_NUM_FORMS": "1000",
        "first_steps-0-order": "2",
        "first_steps-0-page": str(first.pk),
        "first_steps-1-order": "1",
        "first_steps-1-page": str(second.pk),
    }
    form_page = client.get(f"/admin/orientation/migrationstatus/{status.pk}/change/")
    assert b"first_steps-TOTAL_FORMS" in form_page.content
    response = client.post(f"/admin/orientation/migrationstatus/{status.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [step.page.slug for step in status.first_steps.all()] == ["second", "first"]


def test_the_sample_content_gives_each_status_its_first_steps():
    load_locality(SAMPLE)
    refugee = MigrationStatus.objects.get(slug="refugee")
    assert [step.page.slug for step in refugee.first_steps.all()] == [
        "after-refugee-status",
        "universal-credit",
        "homeless-help",
        "evisa",
    ]
    for slug in ("asylum-seeker", "refused-asylum-seeker", "young-person-alone", "student"):
        assert MigrationStatus.objects.get(slug=slug).first_steps.count() >= 3, slug


@pytest.fixture
def sample_copy(tmp_path):
    target = tmp_path / "locality"
    shutil.copytree(SAMPLE, target)
    return target


def set_first_steps(folder, status_slug, steps):
    """Rewrite locality.yml with ``steps`` (None removes the key) for one status."""
    path = folder / "locality.yml"
    structure = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in structure["statuses"]:
        if item["slug"] == status_slug:
            if steps is None:
                item.pop("first_steps", None)
            else:
                item["first_steps"] = steps
    path.write_text(yaml.safe_dump(structure, allow_unicode=True), encoding="utf-8")


def test_a_first_step_that_is_not_a_page_is_refused_and_names_the_file(sample_copy):
    set_first_steps(sample_copy, "refugee", ["after-refugee-status", "no-such-page"])
    with pytest.raises(ContentError) as error:
        read_locality(sample_copy)
    assert "locality.yml" in str(error.value)
    assert "no-such-page" in str(error.value)


def test_a_page_named_twice_in_first_steps_is_refused(sample_copy):
    set_first_steps(sample_copy, "refugee", ["evisa", "evisa"])
    with pytest.raises(ContentError, match="twice"):
        read_locality(sample_copy)


def test_first_steps_must_be_a_list(sample_copy):
    set_first_steps(sample_copy, "refugee", "evisa")
    with pytest.raises(ContentError, match="must be a list"):
        read_locality(sample_copy)


def test_reloading_replaces_listed_first_steps_and_keeps_unlisted_ones(sample_copy):
    load_locality(sample_copy)
    student = MigrationStatus.objects.get(slug="student")
    kept = [step.page.slug for step in student.first_steps.all()]
    set_first_steps(sample_copy, "refugee", ["evisa", "after-refugee-status"])
    set_first_steps(sample_copy, "student", None)  # editors keep this one in the admin
    load_locality(sample_copy)
    refugee = MigrationStatus.objects.get(slug="refugee")
    assert [step.page.slug for step in refugee.first_steps.all()] == [
        "evisa",
        "after-refugee-status",
    ]
    assert [step.page.slug for step in student.first_steps.all()] == kept
