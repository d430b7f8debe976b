"""Topic and status lists: the reader's language first, English stand-ins marked, paginated."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from orientation.views import PAGES_PER_LIST_PAGE
from tests.factories import MigrationStatusFactory, OrientationPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

PAGE_LINK = re.compile(r'href="/\w+/pages/([\w-]+)/"')


@pytest.fixture
def health(locality):
    return TopicFactory(slug="health", name_en="Health")


@pytest.fixture
def asylum(locality):
    return MigrationStatusFactory(slug="asylum-seeker")


def english_page(slug, title, topic, **extra):
    return OrientationPageFactory(slug=slug, title_en=title, topics=[topic], **extra)


def arabic_page(slug, title, topic, **extra):
    return OrientationPageFactory(
        slug=slug, title_en=title, title_ar=f"عربي {title}", body_ar="نص", topics=[topic], **extra
    )


def listed_slugs(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return PAGE_LINK.findall(response.content.decode())


def test_pages_in_the_readers_language_come_first_in_a_topic(client, health):
    english_page("aaa-english", "AAA English only", health)
    english_page("bbb-english", "BBB English only", health)
    arabic_page("zzz-arabic", "ZZZ translated", health)
    assert listed_slugs(client, "/ar/topics/health/") == [
        "zzz-arabic",
        "aaa-english",
        "bbb-english",
    ]
    # English readers get plain alphabetical order.
    assert listed_slugs(client, "/en/topics/health/") == [
        "aaa-english",
        "bbb-english",
        "zzz-arabic",
    ]


def test_a_title_without_a_body_is_not_a_translation(client, health):
    english_page("half", "AAA half", health, title_ar="نصف")
    arabic_page("whole", "ZZZ whole", health)
    assert listed_slugs(client, "/ar/topics/health/") == ["whole", "half"]


def test_english_stand_ins_are_marked_as_english(client, health):
    english_page("english-only", "English only page", health)
    arabic_page("translated", "Translated page", health)
    html = client.get("/ar/topics/health/").content.decode()
    heading = html.index('id="in-english"')
    translated_title = 'عربي <bdi dir="ltr">Translated page</bdi>'  # its English words isolated
    assert html.index(translated_title) < heading < html.index("English only page")
    assert '<h3 lang="en" dir="ltr"><a href="/ar/pages/english-only/">English only page' in html
    assert f'<h3><a href="/ar/pages/translated/">{translated_title}' in html
    assert html.count("بالإنجليزية حاليًا") == 2  # "In English for now": the heading and a badge


def test_the_english_site_has_no_stand_in_group(client, health):
    english_page("english-only", "English only page", health)
    assert 'id="in-english"' not in client.get("/en/topics/health/").content.decode()


def test_status_and_topic_lists_put_the_readers_language_first(client, health, asylum):
    english_page("aaa-for-everyone", "AAA for everyone", health)
    arabic_page("zzz-asylum", "ZZZ asylum", health, statuses=[asylum])
    assert listed_slugs(client, "/ar/status/asylum-seeker/health/") == [
        "zzz-asylum",
        "aaa-for-everyone",
    ]


def test_long_lists_come_a_page_at_a_time_in_one_order(client, health):
    for number in range(23):
        english_page(f"english-{number:02}", f"English {number:02}", health)
    for number in range(22):
        arabic_page(f"arabic-{number:02}", f"Arabic {number:02}", health)
    first = listed_slugs(client, "/ar/topics/health/")
    second = listed_slugs(client, "/ar/topics/health/?page=2")
    third = listed_slugs(client, "/ar/topics/health/?page=3")
    assert len(first) == PAGES_PER_LIST_PAGE == 20
    assert (len(second), len(third)) == (20, 5)
    everything = first + second + third
    assert len(set(everything)) == 45  # no page twice, none skipped
    assert everything == [f"arabic-{n:02}" for n in range(22)] + [
        f"english-{n:02}" for n in range(23)
    ]
    html = client.get("/ar/topics/health/?page=2").content.decode()
    assert 'href="?page=1" rel="prev"' in html
    assert 'href="?page=3" rel="next"' in html


def test_a_page_number_out_of_range_shows_the_last_page(client, health):
    for number in range(21):
        english_page(f"page-{number:02}", f"Page {number:02}", health)
    assert listed_slugs(client, "/en/topics/health/?page=99") == ["page-20"]


def queries_for(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path", ["/ar/topics/health/", "/ar/status/asylum-seeker/health/", "/ar/status/asylum-seeker/"]
)
def test_a_large_region_asks_as_many_queries_as_a_small_one(client, health, asylum, path):
    arabic_page("one", "One", health, statuses=[asylum])
    few = queries_for(client, path)
    for number in range(60):
        page_maker = arabic_page if number % 2 else english_page
        page_maker(f"more-{number}", f"More {number}", health, statuses=[asylum])
    assert queries_for(client, path) == few
    assert queries_for(client, path + "?page=3") == few
