import pytest
from django.contrib.auth.models import Group

from editorial.models import StaffProfile
from editorial.permissions import AGENCY_EDITOR, PORTAL_EDITOR, REVIEWER, TRANSLATOR
from editorial.roles import ensure_roles
from tests.factories import OrganisationFactory, OrientationPageFactory


@pytest.fixture
def orgs(db):
    return {
        "own": OrganisationFactory(slug="own-agency"),
        "other": OrganisationFactory(slug="other-agency"),
    }


@pytest.fixture
def pages(orgs, locality):
    return {
        "own": OrientationPageFactory(slug="own-page", organisation=orgs["own"], state="draft"),
        "other": OrientationPageFactory(
            slug="other-page", organisation=orgs["other"], state="published"
        ),
    }


@pytest.fixture
def make_user(django_user_model, orgs):
    ensure_roles()

    def make(role, *, languages=(), organisation="own"):
        username = (role or "anonymous").lower().replace(" ", "-")
        user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
        if role:
            user.groups.add(Group.objects.get(name=role))
        StaffProfile.objects.create(
            user=user, organisation=orgs.get(organisation), translation_languages=list(languages)
        )
        return user

    return make


ROLES = {
    "portal": (PORTAL_EDITOR, {}),
    "agency": (AGENCY_EDITOR, {}),
    "reviewer": (REVIEWER, {}),
    "translator": (TRANSLATOR, {"languages": ["ar"]}),
}


@pytest.fixture
def as_role(client, make_user):
    def login(role_key):
        role, options = ROLES[role_key]
        user = make_user(role, **options)
        client.force_login(user)
        return user

    return login
