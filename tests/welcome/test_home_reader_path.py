"""The home page on a phone: the reader's choices first, the welcome after them, and a
video in another language that switches the site to that language."""

import pytest
from django.conf import settings

from tests.factories import MigrationStatusFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def choices(locality):
    MigrationStatusFactory(slug="asylum-seeker", label_en="I am an asylum seeker")
    TopicFactory(slug="health", name_en="Health")


def test_the_choices_come_before_the_welcome_video(client, choices, videos):
    html = client.get("/so/").content.decode()
    h1 = html.index("<h1")
    statuses = html.index('id="statuses-heading"')
    topics = html.index('id="topics-heading"')
    video = html.index('id="video-heading"')
    assert h1 < statuses < topics < video < html.index("<video")
    assert html.index("/so/status/asylum-seeker/") < video
    assert html.index("/so/topics/health/") < video


def test_the_welcome_words_sit_with_the_video_not_above_the_choices(client, choices, videos):
    html = client.get("/en/").content.decode()
    intro = html.index('<p class="lead">Help for people new to Testville.')
    assert html.index('id="topics-heading"') < intro < html.index("<video")


def test_another_languages_video_switches_the_site_to_that_language(client, choices, videos):
    html = client.get("/en/").content.decode()
    assert 'href="/language/so/?next=/en/videos/so/"' in html
    assert "The site changes to that language too." in html
    response = client.get("/language/so/?next=/en/videos/so/")
    assert response.status_code == 302
    assert response["Location"] == "/so/videos/so/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "so"
    page = client.get("/so/videos/so/")
    assert '<html lang="so"' in page.content.decode()
    assert client.get("/")["Location"] == "/so/"


def test_without_a_video_the_welcome_words_still_show(client, choices):
    html = client.get("/en/").content.decode()
    assert '<p class="lead">Help for people new to Testville.</p>' in html
    assert "<video" not in html
