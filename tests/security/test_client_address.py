"""Behind nginx, every per-visitor limit and count reads the client's own address, the same one the
sign-in lock-out reads (portal.http.client_address), not nginx's REMOTE_ADDR, and a client cannot
pick a new address by writing its own X-Forwarded-For."""

import pytest
from django.test import Client, RequestFactory

from insights.counting import BUFFER
from insights.models import DailyCount, PageFeedback
from insights.views import FEEDBACK_RATE
from portal.http import client_address, client_rate_key
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db
NGINX = "172.18.0.5"  # REMOTE_ADDR of every request that comes through nginx
FEEDBACK = "/en/pages/register-with-a-gp/feedback/"
PAGE = "/en/pages/register-with-a-gp/"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}
PHONE = "Mozilla/5.0 (Linux; Android 13; SM-A135F) Chrome/120.0 Mobile Safari/537.36"
ALLOWANCE = int(FEEDBACK_RATE.split("/")[0])


@pytest.fixture
def page(locality):
    return OrientationPageFactory(slug="register-with-a-gp")


def answer(client, **headers):
    return client.post(FEEDBACK, {"helpful": "yes"}, **SAME_SITE, **headers)


def through_nginx(forwarded_for):
    """Headers of a request as nginx passes it on: it appends the address it saw."""
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": forwarded_for}


def visit(client, **headers):
    return client.get(PAGE, HTTP_USER_AGENT=PHONE, **headers)


def visitors_counted():
    BUFFER.flush()
    return DailyCount.objects.get(metric="uniques", key="").count


def use_up_the_allowance(client, headers_for_answer):
    for number in range(ALLOWANCE):
        assert answer(client, **headers_for_answer(number)).status_code == 200


def test_two_visitors_behind_nginx_have_their_own_feedback_allowance(behind_nginx, page):
    first, second = Client(), Client()
    use_up_the_allowance(first, lambda _number: through_nginx("198.51.100.7"))
    assert answer(first, **through_nginx("198.51.100.7")).status_code == 429

    assert answer(second, **through_nginx("203.0.113.9")).status_code == 200
    assert PageFeedback.objects.count() == ALLOWANCE + 1


def test_a_forged_forwarded_for_does_not_give_a_new_feedback_allowance(client, behind_nginx, page):
    # The client writes any X-Forwarded-For it likes; nginx adds the real address after it.
    use_up_the_allowance(client, lambda number: through_nginx(f"10.9.8.{number}, 198.51.100.7"))
    response = answer(client, **through_nginx("192.0.2.200, 198.51.100.7"))
    assert response.status_code == 429
    assert PageFeedback.objects.count() == ALLOWANCE


def test_two_visitors_behind_nginx_count_as_two(behind_nginx, page):
    visit(Client(), **through_nginx("198.51.100.7"))
    visit(Client(), **through_nginx("203.0.113.9"))
    assert visitors_counted() == 2


def test_a_forged_forwarded_for_does_not_count_as_a_new_visitor(client, behind_nginx, page):
    for number in range(3):
        visit(client, **through_nginx(f"10.9.8.{number}, 198.51.100.7"))
    assert visitors_counted() == 1


def test_in_development_the_socket_address_is_the_visitor(client, page):
    """No proxy in front: REMOTE_ADDR is the client, and a header it sends is not read."""
    use_up_the_allowance(client, lambda number: {"HTTP_X_FORWARDED_FOR": f"203.0.113.{number}"})
    assert answer(client, HTTP_X_FORWARDED_FOR="203.0.113.200").status_code == 429
    assert answer(Client(), REMOTE_ADDR="198.51.100.7").status_code == 200

    visit(Client(), REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.1")
    visit(Client(), REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.2")
    visit(Client(), REMOTE_ADDR="198.51.100.21")
    assert visitors_counted() == 2


def test_the_address_is_the_one_nginx_appended(behind_nginx):
    request = RequestFactory().get(PAGE, **through_nginx("192.0.2.200, 198.51.100.7"))
    assert client_address(request) == "198.51.100.7"
    assert client_address(RequestFactory().get(PAGE, REMOTE_ADDR=NGINX)) == NGINX


def test_an_ipv6_visitor_is_limited_by_its_network(behind_nginx):
    """One home is given a whole /64; picking another address in it is not a new allowance."""
    request = RequestFactory().get(PAGE, **through_nginx("2001:db8:5:7:a1b2:c3d4:e5f6:1"))
    assert client_address(request) == "2001:db8:5:7:a1b2:c3d4:e5f6:1"
    assert client_rate_key("insights.feedback", request) == "2001:db8:5:7::"
