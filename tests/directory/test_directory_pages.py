"""The public directory: filters that work without JavaScript, agency pages, the feed, queries."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import SpokenLanguage
from tests.factories import OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db
MONDAY_NOON = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
MONDAY_EVENING = datetime.datetime(2026, 11, 23, 19, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen(monkeypatch):
    def freeze(moment):
        monkeypatch.setattr("directory.hours.timezone.now", lambda: moment)

    return freeze


def names(response):
    html = response.content.decode()
    return {
        name
        for name in ("Health Clinic", "Advice Centre", "Government Department")
        if f"<bdi>{name}</bdi></a></h3>" in html
    }


def test_list_shows_listed_organisations_only(client, directory):
    response = client.get("/en/agencies/")
    assert response.status_code == 200
    assert names(response) == {"Health Clinic", "Advice Centre"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"topic": "health"}, {"Health Clinic"}),
        ({"topic": "housing"}, {"Advice Centre"}),
        ({"language": "fa"}, {"Health Clinic"}),
        ({"language": "ar"}, {"Advice Centre"}),
        ({"free": "on"}, {"Health Clinic"}),
        # The clinic helps everyone; the advice centre helps asylum seekers.
        ({"status": "asylum-seeker"}, {"Health Clinic", "Advice Centre"}),
        ({"topic": "housing", "language": "fa"}, set()),
        ({"topic": "no-such-topic"}, {"Health Clinic", "Advice Centre"}),
    ],
)
def test_filters_are_plain_get_parameters(client, directory, query, expected):
    assert names(client.get("/en/agencies/", query)) == expected


def test_open_now_filter_uses_the_clock(client, directory, frozen):
    frozen(MONDAY_NOON)
    assert names(client.get("/en/agencies/", {"open_now": "on"})) == {"Health Clinic"}
    frozen(MONDAY_EVENING)
    assert names(client.get("/en/agencies/", {"open_now": "on"})) == {"Advice Centre"}


def test_open_badge_is_shown(client, directory, frozen):
    frozen(MONDAY_NOON)
    html = client.get("/en/agencies/clinic/").content.decode()
    assert "badge--open" in html
    assert 'class="hours__today" aria-current="date"' in html


def test_invalid_filter_explains_itself_in_the_readers_language(client, directory):
    html = client.get("/so/agencies/", {"topic": "nope"}).content.decode()
    assert 'class="field-error"' in html
    assert "That choice is not in the list" not in html  # translated into Somali


def test_filter_form_labels_languages_by_their_own_names(client, directory):
    html = client.get("/fa/agencies/").content.decode()
    assert '<option value="fa">فارسی – Persian (Farsi)</option>' in html


def test_agency_page_has_everything_to_get_there(client, directory, frozen):
    frozen(datetime.datetime(2026, 12, 10, 12, 0, tzinfo=datetime.UTC))  # a fortnight before
    html = client.get("/en/agencies/clinic/").content.decode()
    assert "<h1><bdi>Health Clinic</bdi></h1>" in html
    assert 'href="tel:+441213031111"' in html
    assert '<bdi dir="ltr">0121 303 1111</bdi>' in html
    assert '<bdi class="postcode" dir="ltr">B1 1AA</bdi>' in html
    assert "https://www.openstreetmap.org/directions?to=52.48000%2C-1.90000" in html
    assert "Appointment needed" in html
    assert "Monday" in html and "09:00–17:00" in html
    assert "Special days" in html
    assert "Christmas Eve" in html  # the clinic's own closure, within the coming month
    # The map is a list of places first; the button and the canvas are for JavaScript to show.
    assert 'data-lat="52.48000"' in html
    assert '<button type="button" class="button" hidden data-map-open>' in html
    assert "tile.openstreetmap.org" not in html.split("data-tile-url=")[0]


def test_special_days_more_than_a_month_ahead_are_not_shown_yet(client, directory, frozen):
    frozen(MONDAY_NOON)  # 31 days before Christmas Eve
    html = client.get("/en/agencies/clinic/").content.decode()
    assert "Christmas Eve" not in html
    assert "Special days" not in html


def test_unlisted_organisation_has_no_page(client, directory):
    assert client.get("/en/agencies/helpline/").status_code == 404


def test_description_falls_back_to_marked_english(client, directory):
    farsi = client.get("/fa/agencies/clinic/").content.decode()
    assert '<p class="lead">کلینیک سلامت</p>' in farsi
    arabic = client.get("/ar/agencies/clinic/").content.decode()
    assert (
        '<p class="lead" lang="en" dir="ltr">Free advice for people new to the city.</p>' in arabic
    )


def test_pages_and_agencies_point_at_each_other(client, directory):
    page = OrientationPageFactory(slug="see-a-doctor", title_en="See a doctor")
    page.related_organisations.set([directory["clinic"]])
    page_html = client.get("/en/pages/see-a-doctor/").content.decode()
    assert "Where to get help" in page_html
    assert 'href="/en/agencies/clinic/"' in page_html
    agency_html = client.get("/en/agencies/clinic/").content.decode()
    assert 'href="/en/pages/see-a-doctor/"' in agency_html


def test_home_page_lists_key_agencies_for_the_map(client, directory):
    html = client.get("/en/").content.decode()
    assert 'data-name="Health Clinic"' in html
    assert 'data-name="Advice Centre"' not in html  # not a key agency


def test_geojson_feed(client, directory):
    response = client.get("/en/agencies/agencies.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    by_id = {feature["id"]: feature for feature in data["features"]}
    assert set(by_id) == {"clinic", "advice"}
    clinic = by_id["clinic"]
    assert clinic["geometry"] == {"type": "Point", "coordinates": [-1.9, 52.48]}
    assert clinic["properties"]["languages"] == ["fa"]
    assert clinic["properties"]["opening_hours"][0] == {
        "day": 0,
        "opens": "09:00",
        "closes": "17:00",
    }
    assert clinic["properties"]["url"] == "http://testserver/en/agencies/clinic/"
    farsi = json.loads(client.get("/fa/agencies/agencies.geojson").content)
    assert {f["id"]: f for f in farsi["features"]}["clinic"]["properties"][
        "description"
    ] == "کلینیک سلامت"


def count_queries(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        "/en/agencies/",
        "/en/agencies/?language=fa&open_now=on&topic=health",
        "/en/agencies/clinic/",
        "/en/agencies/agencies.geojson",
        "/en/",
    ],
)
def test_query_count_is_constant_as_agencies_grow(client, directory, path):
    before = count_queries(client, path)
    for index in range(12):
        organisation = OrganisationFactory(key_agency=True)
        organisation.languages.set([SpokenLanguage.for_code("fa"), SpokenLanguage.for_code("so")])
        organisation.topics.set(directory["clinic"].topics.all())
        OrientationPageFactory(organisation=directory["clinic"], title_en=f"Extra {index}")
    assert count_queries(client, path) == before


def test_language_filter_includes_places_that_book_interpreters(client, directory):
    directory["advice"].interpreting = True
    directory["advice"].save()
    html = client.get("/en/agencies/", {"language": "fa"}).content.decode()
    assert "<bdi>Advice Centre</bdi>" in html
    assert "Interpreters available" in html


def test_the_geojson_feed_comes_a_page_at_a_time(client, directory, monkeypatch):
    monkeypatch.setattr("directory.views.GEOJSON_FEATURES_PER_PAGE", 1)
    first = json.loads(client.get("/en/agencies/agencies.geojson").content)
    assert [feature["id"] for feature in first["features"]] == ["advice"]
    assert first["links"] == [
        {
            "rel": "next",
            "href": "http://testserver/en/agencies/agencies.geojson?page=2",
            "type": "application/geo+json",
        }
    ]
    second = json.loads(client.get("/en/agencies/agencies.geojson?page=2").content)
    assert [feature["id"] for feature in second["features"]] == ["clinic"]
    assert "links" not in second


def test_the_geojson_feed_reads_only_the_readers_language(client, directory):
    with CaptureQueriesContext(connection) as context:
        client.get("/fa/agencies/agencies.geojson")
    organisation_query = next(
        query["sql"]
        for query in context.captured_queries
        if query["sql"].startswith('SELECT "directory_organisation"."id"')
    )
    assert "description_fa" in organisation_query
    assert "description_en" in organisation_query  # the stand-in
    assert "description_ar" not in organisation_query
