"""The public views announce searches and video plays; insights, listening, counts them.

Neither view imports the counter (tests/test_layers.py keeps it so): they send the signals of
``orientation.signals`` and ``videos.signals``, and ``InsightsConfig.ready()`` connects the
receivers.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from insights.counting import BUFFER
from insights.models import DailyCount, Metric
from orientation.signals import searched
from videos.signals import video_played

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


def counts():
    BUFFER.flush()
    return {(row.metric, row.key): row.count for row in DailyCount.objects.all()}


@pytest.fixture
def heard():
    """Everything a signal was sent with, while the test runs."""
    sent = []

    def listen(signal):
        def receiver(sender, **kwargs):
            sent.append((signal, kwargs))

        signal.connect(receiver, weak=False, dispatch_uid=f"test-{id(signal)}")
        return receiver

    listen(searched)
    listen(video_played)
    yield sent
    searched.disconnect(dispatch_uid=f"test-{id(searched)}")
    video_played.disconnect(dispatch_uid=f"test-{id(video_played)}")


def reader_request():
    request = RequestFactory().get("/", HTTP_USER_AGENT=PHONE)
    request.user = AnonymousUser()
    return request


def test_the_search_view_announces_what_was_searched(client, locality, heard):
    client.get("/fa/search/?q=wifi+mosque", HTTP_USER_AGENT=PHONE)
    [(signal, sent)] = heard
    assert signal is searched
    assert (sent["query"], sent["language"], sent["found"]) == ("wifi mosque", "fa", False)


def test_an_empty_search_announces_nothing(client, locality, heard):
    client.get("/fa/search/?q=", HTTP_USER_AGENT=PHONE)
    assert heard == []


def test_the_video_view_announces_a_play_in_the_videos_language(client, heard):
    response = client.post("/video-played/so/", HTTP_ORIGIN="http://testserver")
    assert response.status_code == 204
    [(signal, sent)] = heard
    assert signal is video_played
    assert sent["language"] == "so"


def test_a_refused_play_announces_nothing(client, heard):
    assert client.post("/video-played/so/", HTTP_ORIGIN="https://evil.example").status_code == 403
    assert heard == []


def test_insights_counts_an_announced_search():
    searched.send(
        sender=None, request=reader_request(), query="wifi mosque", language="fa", found=False
    )
    searched.send(sender=None, request=reader_request(), query="doctor", language="fa", found=True)
    found = counts()
    assert found[(Metric.SEARCH, "wifi mosque")] == 1
    assert found[(Metric.SEARCH_EMPTY, "fa:wifi mosque")] == 1
    assert found[(Metric.SEARCH, "doctor")] == 1
    assert (Metric.SEARCH_EMPTY, "fa:doctor") not in found


def test_insights_counts_an_announced_play_by_language_only():
    video_played.send(sender=None, request=reader_request(), language="so")
    assert counts() == {(Metric.VIDEO, "so"): 1}


def test_insights_leaves_out_robots_and_staff(django_user_model):
    robot = RequestFactory().get("/", HTTP_USER_AGENT="Googlebot/2.1")
    robot.user = AnonymousUser()
    staff = reader_request()
    staff.user = django_user_model.objects.create_user("editor", is_staff=True)
    for request in (robot, staff):
        searched.send(sender=None, request=request, query="doctor", language="en", found=True)
        video_played.send(sender=None, request=request, language="en")
    assert counts() == {}
