"""Fixtures every part of the test suite may use. Shared constants and helpers are in
tests/helpers.py; no test module imports another."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from editorial.models import StaffProfile
from editorial.roles import ensure_roles
from orientation.models import OrientationPage
from tests.factories import (
    EmergencyContactFactory,
    LocalityFactory,
    MigrationStatusFactory,
    OrganisationFactory,
    OrientationPageFactory,
    TopicFactory,
)
from tests.helpers import ROLES, SAMPLE, SAMPLE_VIDEOS, upload
from videos.models import WelcomeVideo


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Every test gets its own media folder and an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="class")
def _sample_for_the_class(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Birmingham sample, loaded once for a class of tests that only read it.

    It is written inside a transaction that is rolled back after the class, so the tests outside
    the class never see it; each test's own transaction nests inside it and is rolled back too.
    """
    from django.db import transaction
    from django.test import override_settings

    from welcome.locality import load_locality

    media = tmp_path_factory.mktemp("sample-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_locality(SAMPLE)
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def sample(_sample_for_the_class, db, settings):
    """Use in a test class: the sample locality is in the database (loaded once per class)."""
    settings.MEDIA_ROOT = _sample_for_the_class


@pytest.fixture
def locality(db):
    locality = LocalityFactory()
    EmergencyContactFactory(key="emergency", number="999", label_en="Police, fire or ambulance")
    EmergencyContactFactory(key="nhs-111", number="111", label_en="NHS 111")
    return locality


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


@pytest.fixture
def as_role(client, make_user):
    def login(role_key):
        role, options = ROLES[role_key]
        user = make_user(role, **options)
        client.force_login(user)
        return user

    return login


@pytest.fixture
def site(locality):
    """A small site: two topics, two statuses, pages for everyone, for one status, and a draft."""
    health = TopicFactory(slug="health", name_en="Health", name_ar="الصحة", icon="health")
    housing = TopicFactory(slug="housing", name_en="Housing", icon="housing")
    asylum = MigrationStatusFactory(slug="asylum-seeker", name_en="Asylum seekers")
    student = MigrationStatusFactory(slug="student", name_en="Students")
    everyone = OrientationPageFactory(
        slug="register-with-a-gp",
        title_en="Register with a GP",
        title_ar="التسجيل لدى طبيب عام",
        summary_ar="كيف تسجل.",
        body_ar="## ماذا تفعل\n\nاذهب إلى العيادة.",
        translation_states={"ar": "draft"},
        topics=[health],
    )
    everyone.mark_translated("ar")  # made from the English as it is now
    everyone.save()
    asylum_only = OrientationPageFactory(
        slug="asylum-support", title_en="Asylum support", topics=[housing], statuses=[asylum]
    )
    students_only = OrientationPageFactory(
        slug="student-housing", title_en="Student housing", topics=[housing], statuses=[student]
    )
    draft = OrientationPageFactory(
        slug="secret-draft",
        title_en="Unfinished draft page",
        topics=[health],
        state=OrientationPage.State.DRAFT,
    )
    return {
        "topics": {"health": health, "housing": housing},
        "statuses": {"asylum-seeker": asylum, "student": student},
        "pages": {
            "everyone": everyone,
            "asylum_only": asylum_only,
            "students_only": students_only,
            "draft": draft,
        },
    }


@pytest.fixture
def videos(locality):
    for code in ("so", "en", "ar"):
        WelcomeVideo.objects.create(
            language=code,
            title=f"Title {code}",
            transcript=f"First line {code}\nSecond line {code}",
            transcript_state="draft" if code != "en" else "original",
            video_mp4=upload(SAMPLE_VIDEOS / code / "welcome.mp4"),
            video_webm=upload(SAMPLE_VIDEOS / code / "welcome.webm"),
            video_small=upload(SAMPLE_VIDEOS / code / "welcome-small.mp4"),
            captions=upload(SAMPLE_VIDEOS / code / "captions.vtt"),
            poster=upload(SAMPLE_VIDEOS / code / "poster.jpg"),
            duration_seconds=24,
            is_sample=True,
        )
