"""Two-factor sign-in (django-otp, TOTP): optional for staff, required for portal editors and
superusers when PORTAL_TWO_FACTOR_REQUIRED is on (production), off in local and test settings."""

import time

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.permissions import AGENCY_EDITOR, PORTAL_EDITOR
from editorial.roles import ensure_roles

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-password-42"


@pytest.fixture
def make_staff(django_user_model):
    ensure_roles()

    def make(role, username=None):
        user = django_user_model.objects.create_user(
            username or role.lower().replace(" ", "-"), password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def required(settings):
    settings.PORTAL_TWO_FACTOR_REQUIRED = True


def sign_in(client, user):
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    return response


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_production_requires_it_and_local_settings_do_not():
    from welcome.settings import base

    assert base.PORTAL_TWO_FACTOR_REQUIRED is False
    production = (
        __import__("pathlib").Path(base.BASE_DIR, "welcome/settings/production.py").read_text()
    )
    assert 'PORTAL_TWO_FACTOR_REQUIRED = env_bool("PORTAL_TWO_FACTOR_REQUIRED", True)' in (
        production
    )


def test_a_portal_editor_without_a_device_cannot_reach_the_admin_when_required(
    client, make_staff, required
):
    editor = make_staff(PORTAL_EDITOR)
    sign_in(client, editor)
    for url in ("/admin/", "/admin/orientation/orientationpage/", "/admin/auth/user/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/?next=")
    setup = client.get("/admin/two-factor/")
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "Set up two-factor sign-in" in html
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed is False
    assert 'src="data:image/svg+xml' in html  # the QR code is drawn here, by no other service
    assert "otpauth://totp/" in html


def test_setting_up_with_a_right_code_lets_the_portal_editor_in(
    client, make_staff, required, settings
):
    # django-otp pauses a device for a second after a wrong code; no pause within this test.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor = make_staff(PORTAL_EDITOR)
    sign_in(client, editor)
    client.get("/admin/two-factor/")
    device = TOTPDevice.objects.get(user=editor)
    wrong = client.post("/admin/two-factor/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code did not match" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post("/admin/two-factor/", {"code": current_code(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get("/admin/").status_code == 200


def test_a_verified_portal_editor_reaches_the_admin_and_an_unverified_one_does_not(
    client, make_staff, required
):
    editor = make_staff(PORTAL_EDITOR)
    device = confirmed_device(editor)
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 302
    page = client.get("/admin/two-factor/")
    assert "Type the six-digit code your authenticator app shows now." in page.content.decode()
    client.post("/admin/two-factor/", {"code": current_code(device)})
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/orientation/orientationpage/").status_code == 200


def test_superusers_are_held_to_it_too(client, django_user_model, required):
    admin = django_user_model.objects.create_superuser("boss", password=PASSWORD)
    sign_in(client, admin)
    assert client.get("/admin/").status_code == 302


def test_other_roles_may_sign_in_without_it(client, make_staff, required):
    sign_in(client, make_staff(AGENCY_EDITOR))
    assert client.get("/admin/").status_code == 200


def test_anyone_who_turned_it_on_must_use_it_even_when_not_required(client, make_staff):
    agency = make_staff(AGENCY_EDITOR)
    device = confirmed_device(agency)
    sign_in(client, agency)
    assert client.get("/admin/").status_code == 302
    client.post("/admin/two-factor/", {"code": current_code(device)})
    assert client.get("/admin/").status_code == 200


def test_not_required_in_test_settings(client, make_staff):
    sign_in(client, make_staff(PORTAL_EDITOR))
    assert client.get("/admin/").status_code == 200


def test_the_next_address_must_be_on_this_site(client, make_staff, required):
    editor = make_staff(PORTAL_EDITOR)
    device = confirmed_device(editor)
    sign_in(client, editor)
    response = client.post(
        "/admin/two-factor/", {"code": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_visitors_cannot_open_the_two_factor_page(client):
    response = client.get("/admin/two-factor/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
