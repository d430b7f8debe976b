"""Behind nginx, the sign-in lock-out counts each client's own address, not nginx's, and a
client cannot dodge it by sending its own X-Forwarded-For (production settings, django-ipware)."""

from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "the-right-password-42"
NGINX = "172.18.0.5"  # REMOTE_ADDR of every request that comes through nginx
NGINX_CONF = Path(__file__).resolve().parents[2] / "deploy/nginx/nginx.conf"


@pytest.fixture
def staff(django_user_model):
    for name in ("alice", "bob"):
        django_user_model.objects.create_user(name, password=PASSWORD, is_staff=True)


def through_nginx(client, username, password, forwarded_for):
    """A sign-in as nginx passes it on: it appends the address it saw to X-Forwarded-For."""
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_nginx_appends_the_address_it_saw():
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in NGINX_CONF.read_text()


def test_production_trusts_only_the_entry_nginx_appended(production_proxy_settings):
    assert production_proxy_settings == {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
        "AXES_IPWARE_PROXY_ORDER": "left-most",
        "AXES_IPWARE_PROXY_COUNT": 0,
        "IPWARE_STRICT": False,
    }


def test_two_clients_behind_nginx_are_counted_apart(client, behind_nginx, staff):
    for number in range(settings.AXES_FAILURE_LIMIT):
        through_nginx(client, f"guess-{number}", "wrong", "198.51.100.7")
    assert through_nginx(client, "alice", PASSWORD, "198.51.100.7").status_code == 429

    other = Client()
    response = through_nginx(other, "bob", PASSWORD, "203.0.113.9")
    assert response.status_code == 302
    assert "_auth_user_id" in other.session
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_a_forged_forwarded_for_does_not_dodge_the_lockout(client, behind_nginx, staff):
    # The client writes any X-Forwarded-For it likes; nginx adds the real address after it.
    for number in range(settings.AXES_FAILURE_LIMIT):
        through_nginx(client, f"guess-{number}", "wrong", f"10.9.8.{number}, 198.51.100.7")
    response = through_nginx(client, "alice", PASSWORD, "192.0.2.200, 198.51.100.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_a_client_behind_its_own_proxy_keeps_its_own_count(client, behind_nginx, staff):
    """An office proxy adds its own entry before nginx's: the header is still read, not thrown
    away, so such clients are not all counted as nginx."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        through_nginx(client, f"guess-{number}", "wrong", "10.0.0.3, 198.51.100.7")
    assert through_nginx(Client(), "bob", PASSWORD, "10.0.0.4, 203.0.113.9").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_a_forged_real_ip_header_is_not_read(client, behind_nginx, staff):
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": f"guess-{number}", "password": "wrong"},
            REMOTE_ADDR=NGINX,
            HTTP_X_FORWARDED_FOR="198.51.100.7",
            HTTP_X_REAL_IP=f"10.9.8.{number}",
        )
    assert through_nginx(client, "alice", PASSWORD, "198.51.100.7").status_code == 429


def test_without_nginx_the_socket_address_counts(client, behind_nginx, staff):
    """The container's health check and a local run talk to the app directly."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": f"guess-{number}", "password": "wrong"}, REMOTE_ADDR=NGINX)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True).distinct()) == [NGINX]
