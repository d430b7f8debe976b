"""Editors manage glossary terms and search synonyms in the admin, by role, with the same
translation states and review rules as pages."""

import pytest
from django.contrib.auth.models import Group

from editorial.models import StaffProfile
from editorial.permissions import AGENCY_EDITOR, PORTAL_EDITOR, REVIEWER, TRANSLATOR
from editorial.roles import ensure_roles
from orientation.glossary import GlossaryTerm
from orientation.models import SearchSynonym
from portal.translation import TranslationState
from tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/orientation/glossaryterm/"


@pytest.fixture
def login(client, django_user_model):
    ensure_roles()

    def as_role(role, languages=()):
        user = django_user_model.objects.create_user(
            (role or "nobody").replace(" ", "-").lower(), password="pw", is_staff=True
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        StaffProfile.objects.create(user=user, translation_languages=list(languages))
        client.force_login(user)
        return user

    return as_role


@pytest.fixture
def term(locality):
    return GlossaryTermFactory(
        slug="gp", term_en="GP", explanation_en="A family doctor.", state="draft"
    )


def form_data(term, **changes):
    data = {
        "term_en": term.term_en,
        "slug": term.slug,
        "also_known_as_en": term.also_known_as_en or "",
        "explanation_en": term.explanation_en,
        "page": "",
        "order": term.order,
        "state": term.state,
        "last_checked": "2026-11-20",
        "review_by": "2027-05-20",
        "translation_states": "{}",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("role", "changelist", "change"),
    [
        (None, 403, 403),
        (AGENCY_EDITOR, 403, 403),
        (TRANSLATOR, 200, 200),
        (REVIEWER, 200, 200),
        (PORTAL_EDITOR, 200, 200),
    ],
)
def test_who_may_open_the_glossary_admin(client, login, term, role, changelist, change):
    login(role, languages=["ar"])
    assert client.get(CHANGELIST).status_code == changelist
    assert client.get(f"{CHANGELIST}{term.pk}/change/").status_code == change


def test_anonymous_goes_to_login(client, term):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_portal_editor_adds_and_publishes_a_term(client, login, locality):
    login(PORTAL_EDITOR)
    new = GlossaryTerm(term_en="NRPF", slug="nrpf", explanation_en="No public funds.", order=1)
    new.state = "published"
    response = client.post(f"{CHANGELIST}add/", form_data(new))
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = GlossaryTerm.objects.get(slug="nrpf")
    assert saved.state == "published"
    assert client.get("/en/glossary/").content.decode().count("No public funds.") == 1


def test_reviewer_publishes_but_may_not_add_or_delete(client, login, term):
    login(REVIEWER)
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    response = client.post(f"{CHANGELIST}{term.pk}/change/", form_data(term, state="published"))
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.state == "published"
    assert client.post(f"{CHANGELIST}{term.pk}/delete/", {"post": "yes"}).status_code == 403
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()


def test_translator_changes_only_their_language_and_it_counts_as_reviewed(client, login, term):
    login(TRANSLATOR, languages=["ar"])
    response = client.post(
        f"{CHANGELIST}{term.pk}/change/",
        {
            "term_ar": "طبيب عام (GP)",
            "also_known_as_ar": "",
            "explanation_ar": "طبيب العائلة.",
            # A translator's form has no such fields; posted anyway, they must change nothing.
            "explanation_en": "Hijacked.",
            "state": "published",
            "term_fa": "Hijacked",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term.refresh_from_db()
    assert term.term_ar == "طبيب عام (GP)"
    assert term.explanation_en == "A family doctor."
    assert term.state == "draft"
    assert term.term_fa in ("", None)
    assert term.translation_status("ar") == TranslationState.CURRENT
    assert term.translation_states["ar"] == "reviewed"


def test_editor_translation_is_a_draft_and_english_change_makes_it_outdated(client, login, term):
    login(PORTAL_EDITOR)
    data = form_data(term, term_so="Dhakhtarka guud", explanation_so="Dhakhtarka qoyska.")
    assert client.post(f"{CHANGELIST}{term.pk}/change/", data).status_code == 302
    term.refresh_from_db()
    assert term.translation_status("so") == TranslationState.DRAFT
    data = form_data(term, explanation_en="A doctor for everyday problems.")
    data.update(term_so="Dhakhtarka guud", explanation_so="Dhakhtarka qoyska.")
    assert client.post(f"{CHANGELIST}{term.pk}/change/", data).status_code == 302
    term.refresh_from_db()
    assert term.translation_status("so") == TranslationState.OUTDATED


@pytest.mark.parametrize(
    ("role", "published"), [(TRANSLATOR, False), (REVIEWER, True), (PORTAL_EDITOR, True)]
)
def test_bulk_publish_follows_the_rules(client, login, term, role, published):
    login(role, languages=["ar"])
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [term.pk]})
    term.refresh_from_db()
    assert (term.state == "published") is published


def test_synonyms_are_edited_per_language_and_checked(client, login, locality):
    login(PORTAL_EDITOR)
    url = "/admin/orientation/searchsynonym/add/"
    refused = client.post(url, {"language": "fa", "words": "دکتر"})
    assert refused.status_code == 200
    assert SearchSynonym.objects.count() == 0
    assert client.post(url, {"language": "fa", "words": "دکتر, پزشک"}).status_code == 302
    assert SearchSynonym.objects.get().word_list() == ["دکتر", "پزشک"]


@pytest.mark.parametrize("role", [REVIEWER, TRANSLATOR, AGENCY_EDITOR])
def test_only_portal_editors_manage_synonyms(client, login, locality, role):
    login(role, languages=["ar"])
    assert client.get("/admin/orientation/searchsynonym/").status_code == 403
