"""Staff sign-in is paused after repeated failures, per account and per address (django-axes),
with a clear message; a portal manager can unlock; only failed attempts are kept, briefly."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "the-right-password-42"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client, username, password, address="203.0.113.5"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_forty_wrong_passwords_then_the_right_one_is_refused(client, editor):
    for _attempt in range(40):
        sign_in(client, "editor", "wrong")
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    html = response.content.decode()
    assert "Too many failed sign-ins for this account or from this network" in html
    assert f"Wait {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in html


def test_a_few_mistakes_do_not_lock_anyone_out(client, editor):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "editor", "wrong").status_code == 200
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_the_account_is_locked_whatever_the_address(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong", address=f"198.51.100.{number}")
    assert sign_in(client, "editor", PASSWORD, address="192.0.2.77").status_code == 429
    assert not signed_in(client)


def test_the_address_is_locked_whatever_the_account(client, editor, django_user_model):
    django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{number}", "wrong", address="198.51.100.9")
    assert sign_in(client, "other", PASSWORD, address="198.51.100.9").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "other", PASSWORD, address="192.0.2.1").status_code == 302


def test_the_message_is_in_the_staff_members_language(client, editor):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.post(
        LOGIN, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" not in response.content.decode()
    assert 'lang="ar"' in response.content.decode()


def test_a_portal_manager_unlocks_from_the_admin(client, editor, django_user_model):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 429

    manager = django_user_model.objects.create_superuser("manager", password=PASSWORD)
    client.force_login(manager)
    changelist = client.get("/admin/axes/accessattempt/", REMOTE_ADDR="192.0.2.10")
    assert changelist.status_code == 200
    assert "editor" in changelist.content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302
    assert AccessAttempt.objects.count() == 0
    client.logout()

    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_only_failed_attempts_are_kept_and_only_for_the_cool_off(client, editor):
    sign_in(client, "editor", "wrong")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "editor"
    assert attempt.failures_since_start == 1
    sign_in(client, "editor", PASSWORD)
    assert AccessAttempt.objects.count() == 0  # forgotten on success
    assert AccessLog.objects.count() == 0  # successful sign-ins are not logged

    sign_in(client, "someone", "wrong", address="198.51.100.3")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    )
    sign_in(client, "another", "wrong", address="198.51.100.4")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["another"]


def test_visitors_public_pages_leave_no_trace(client, locality):
    client.get("/en/", REMOTE_ADDR="198.51.100.20")
    assert AccessAttempt.objects.count() == 0
    assert AccessLog.objects.count() == 0
