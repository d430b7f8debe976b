"""Counting page views on the server, without anything that could identify a reader."""

import pytest
from django.core.cache import cache

from insights.counting import BUFFER, device_class, search_key
from insights.models import DailyCount, PageFeedback
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db

PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36"
)
ADDRESS = "203.0.113.77"


def counts():
    BUFFER.flush()
    return {(row.metric, row.key): row.count for row in DailyCount.objects.all()}


def visit(client, path, **headers):
    defaults = {"HTTP_USER_AGENT": PHONE, "REMOTE_ADDR": ADDRESS}
    defaults.update(headers)
    return client.get(path, **defaults)


@pytest.fixture
def page(locality):
    return OrientationPageFactory(slug="register-with-a-gp")


def test_a_page_view_is_counted_with_its_dimensions(client, page):
    topic = page.topics.get().slug
    visit(
        client,
        "/ar/pages/register-with-a-gp/?src=leaflet-gp",
        HTTP_REFERER="https://www.facebook.com/groups/123",
        HTTP_ACCEPT_LANGUAGE="ti,en;q=0.5",
    )
    visit(client, f"/ar/topics/{topic}/", HTTP_REFERER="http://testserver/ar/")
    found = counts()
    assert found[("views", "")] == 2
    assert found[("visits", "")] == 1  # the second view came from inside the site
    assert found[("page", "page:register-with-a-gp")] == 1
    assert found[("page", f"topic:{topic}")] == 1
    assert found[("topic", topic)] == 1
    assert found[("language", "ar")] == 2
    assert found[("device", "mobile")] == 2
    assert found[("referrer", "facebook.com")] == 1
    assert found[("campaign", "leaflet-gp")] == 1
    assert found[("unmet_language", "ti")] == 1
    assert found[("uniques", "")] == 1  # same address and browser: one visitor today


def test_nothing_personal_is_ever_written(client, page, django_user_model):
    visit(client, "/en/pages/register-with-a-gp/", HTTP_REFERER="https://example.org/a?name=Ali")
    visit(client, "/en/search/", data={"q": "my number is 07700 900123 ali@example.org"})
    client.post(
        "/en/pages/register-with-a-gp/feedback/",
        {"helpful": "no"},
        HTTP_ORIGIN="http://testserver",
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=PHONE,
    )
    BUFFER.flush()
    stored = " ".join(f"{row.metric} {row.key}" for row in DailyCount.objects.all()) + " ".join(
        f"{row.language} {row.comment}" for row in PageFeedback.objects.all()
    )
    for personal in (ADDRESS, "Android", "SM-A135F", "07700", "900123", "ali@", "name=Ali"):
        assert personal not in stored, personal
    assert ("search", "my number is ##### ######") in counts()
    # The daily salt and the visitor hashes live only in the cache, and only until midnight.
    assert not any("insights" in field.name for field in PageFeedback._meta.fields)


@pytest.mark.parametrize(
    "agent",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "WhatsApp/2.23.20.0",
        "facebookexternalhit/1.1",
        "curl/8.4.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0",
        "",
    ],
)
def test_robots_and_link_previews_are_not_counted(client, page, agent):
    response = visit(client, "/en/pages/register-with-a-gp/", HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert counts() == {}


@pytest.mark.parametrize("header", [{"HTTP_DNT": "1"}, {"HTTP_SEC_GPC": "1"}])
def test_do_not_track_and_gpc_are_served_and_left_out_of_the_unique_estimate(client, page, header):
    response = visit(client, "/en/pages/register-with-a-gp/", **header)
    assert response.status_code == 200
    found = counts()
    assert found[("views", "")] == 1
    assert ("uniques", "") not in found


def test_staff_are_not_counted(client, page, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    visit(client, "/en/pages/register-with-a-gp/")
    assert counts() == {}


def test_errors_and_admin_pages_are_not_counted(client, page):
    visit(client, "/en/pages/no-such-page/")
    visit(client, "/admin/login/")
    visit(client, "/healthz")
    assert counts() == {}


def test_the_unique_estimate_changes_with_the_day_salt(client, page):
    visit(client, "/en/")
    visit(client, "/en/topics/")
    assert counts()[("uniques", "")] == 1
    cache.clear()  # what midnight does: the salt and the hashes are gone
    visit(client, "/en/")
    assert counts()[("uniques", "")] == 2


def test_a_page_is_served_when_counting_fails(client, page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database is read-only")

    monkeypatch.setattr("insights.counting.write_counts", broken)
    assert visit(client, "/en/pages/register-with-a-gp/").status_code == 200


def test_counts_gather_in_memory_and_are_written_in_bulk(client, page, settings):
    settings.INSIGHTS_FLUSH_AFTER_KEYS = 1000
    settings.INSIGHTS_FLUSH_AFTER_SECONDS = 3600
    for _ in range(5):
        visit(client, "/en/pages/register-with-a-gp/")
    assert not DailyCount.objects.exists()
    assert counts()[("views", "")] == 5


@pytest.mark.parametrize(
    ("agent", "expected"),
    [
        (PHONE, "mobile"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", "mobile"),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", "tablet"),
        ("Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Safari/537.36", "tablet"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36", "desktop"),
    ],
)
def test_device_classes(agent, expected):
    assert device_class(agent) == expected


def test_search_keys_keep_words_and_drop_what_identifies():
    assert search_key("  GP  Registration ") == "gp registration"
    assert search_key("call 0121 303 1111") == "call #### ### ####"
    assert search_key("ali@example.org dentist") == "dentist"
    assert search_key("ثبت‌نام") == "ثبت‌نام"


def test_pages_answered_from_the_page_cache_are_counted_with_their_dimensions(client, page):
    visit(client, "/ar/pages/register-with-a-gp/")  # rendered and stored
    visit(client, "/ar/pages/register-with-a-gp/")  # answered from the cache
    visit(client, "/ar/pages/register-with-a-gp/", REMOTE_ADDR="198.51.100.9")
    found = counts()
    assert found[("views", "")] == 3
    assert found[("page", "page:register-with-a-gp")] == 3
    assert found[("language", "ar")] == 3
    assert found[("device", "mobile")] == 3
    assert found[("uniques", "")] == 2


def test_a_revalidated_page_is_counted(client, page):
    etag = visit(client, "/en/pages/register-with-a-gp/")["ETag"]
    assert (
        visit(client, "/en/pages/register-with-a-gp/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    )
    assert counts()[("views", "")] == 2


def test_counting_a_cached_page_asks_the_cache_nothing_until_the_counts_are_written(
    client, page, settings, monkeypatch
):
    """Counting is in memory; the unique estimate's cache lookups wait for the bulk write."""
    settings.INSIGHTS_FLUSH_AFTER_KEYS = 1000
    settings.INSIGHTS_FLUSH_AFTER_SECONDS = 3600
    visit(client, "/en/pages/register-with-a-gp/")
    calls = []
    depth = []  # the local-memory cache's get_many calls its own get: count outer calls only

    def recorded(name, original):
        def call(*args, **kwargs):
            if not depth:
                calls.append(name)
            depth.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                depth.pop()

        return call

    for name in ("get", "get_many", "add", "set", "set_many", "incr"):
        monkeypatch.setattr(cache, name, recorded(name, getattr(cache, name)))
    for number in range(5):
        visit(client, "/en/pages/register-with-a-gp/", REMOTE_ADDR=f"198.51.100.{number}")
    assert calls == ["get_many"] * 5  # the page cache's one lookup per request, nothing else
    calls.clear()
    assert counts()[("uniques", "")] == 6
    assert calls.count("get_many") == 1  # one lookup for all the day's visitors
