"""What readers get when the database or the cache is down."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client

from portal.cache import LOCAL
from tests.factories import OrientationPageFactory
from welcome.cache_backend import ResilientRedisCache

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: connections are refused at once.
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def page(locality):
    LOCAL.clear()
    yield OrientationPageFactory(slug="register-with-a-gp", title_ar="التسجيل لدى طبيب عام")
    LOCAL.clear()


def database_down():
    return mock.patch.object(
        connection, "ensure_connection", side_effect=OperationalError("database is down")
    )


def test_cached_pages_are_served_with_the_database_down(page):
    client = Client(raise_request_exception=False)
    first = client.get("/ar/pages/register-with-a-gp/")
    assert first.status_code == 200

    with database_down():
        again = client.get("/ar/pages/register-with-a-gp/")

    assert again.status_code == 200
    assert again.content == first.content


def test_other_pages_get_a_translated_error_page_with_the_emergency_numbers(page):
    client = Client(raise_request_exception=False)
    client.get("/ar/pages/register-with-a-gp/")  # this worker now knows the numbers

    with database_down():
        # A query string is never answered from the page cache.
        response = client.get("/ar/pages/register-with-a-gp/?from=search")

    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "حدث خطأ ما" in html  # "Something went wrong"
    assert "أرقام الطوارئ والمساعدة" in html  # "Emergency and help numbers"
    assert '<bdi dir="ltr">999</bdi>' in html
    assert '<bdi dir="ltr">111</bdi>' in html
    assert response["Cache-Control"] == "no-store"


def test_error_page_renders_without_any_copy_of_the_numbers(page):
    LOCAL.clear()  # a worker that has served nothing yet
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/fa/pages/register-with-a-gp/")

    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="fa" dir="rtl"' in html
    assert "<bdi>999</bdi>" in html  # the settings' number, in "In an emergency, call ..."


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "welcome.cache_backend.ResilientRedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
        # Each worker's own memory, as in production: Redis being down does not touch it.
        "fragments": settings.CACHES["fragments"],
    }
    LOCAL.clear()
    yield
    LOCAL.clear()


@pytest.mark.parametrize("path", ["/en/", "/ar/pages/register-with-a-gp/", "/so/search/?q=doctor"])
def test_pages_are_rendered_without_the_cache_when_redis_is_down(page, cache_down, path):
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 200
    assert client.get(path).status_code == 200


def test_health_check_reports_the_cache_down_without_crashing(page, cache_down):
    response = Client(raise_request_exception=False).get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["cache"] == "error: not stored"


def test_the_backend_degrades_to_misses_and_dropped_writes():
    backend = ResilientRedisCache(UNREACHABLE_REDIS, {"OPTIONS": {"socket_connect_timeout": 0.25}})
    assert backend.get("key", "default") == "default"
    assert backend.get_many(["a", "b"]) == {}
    assert backend.set("key", "value") is None
    assert backend.add("key", "value") is False
    with pytest.raises(ValueError):
        backend.incr("counter")
