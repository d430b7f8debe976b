"""'Was this page helpful?': no account, no personal data, no cookies, rate-limited, escaped."""

import re

import pytest

from insights.models import DailyCount, PageFeedback
from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db
URL = "/so/pages/register-with-a-gp/feedback/"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def page(locality):
    return OrientationPageFactory(slug="register-with-a-gp", title_en="Register with a GP")


def answer(client, **data):
    return client.post(URL, data, **SAME_SITE)


def test_the_page_asks_with_a_form_that_works_without_javascript(client, page):
    html = client.get("/so/pages/register-with-a-gp/").content.decode()
    assert f'<form method="post" action="{URL}"' in html
    assert 'name="helpful" value="yes"' in html
    assert 'name="helpful" value="no"' in html
    assert "csrfmiddlewaretoken" not in html  # no token, so no cookie for visitors


def test_an_answer_is_stored_and_a_comment_can_follow(client, page):
    response = answer(client, helpful="no")
    assert response.status_code == 200
    assert not response.cookies
    feedback = PageFeedback.objects.get()
    assert (feedback.page, feedback.language, feedback.helpful) == (page, "so", False)
    assert DailyCount.objects.filter(metric="feedback", key="no").exists()
    html = response.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    assert "Please do not write your name" not in html  # warned, in Somali
    response = answer(client, token=token, comment="Ma jiro macluumaad ku saabsan dhakhtarka")
    assert response.status_code == 200
    feedback.refresh_from_db()
    assert feedback.comment == "Ma jiro macluumaad ku saabsan dhakhtarka"


def test_a_comment_cannot_be_attached_twice_or_with_a_forged_token(client, page):
    answer(client, helpful="yes")
    feedback = PageFeedback.objects.get()
    assert answer(client, token="1:forged", comment="spam").status_code == 400
    from django.core import signing

    token = signing.dumps(feedback.pk, salt="insights.feedback")
    answer(client, token=token, comment="first")
    answer(client, token=token, comment="second")
    feedback.refresh_from_db()
    assert feedback.comment == "first"


def test_the_honeypot_catches_robots_quietly(client, page):
    response = answer(client, helpful="yes", website="http://spam.example")
    assert response.status_code == 200
    assert not PageFeedback.objects.exists()


def test_posts_from_other_sites_are_refused(client, page):
    response = client.post(URL, {"helpful": "yes"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = client.post(URL, {"helpful": "yes"})  # no Origin, no Referer
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_answers_are_rate_limited(client, page):
    for _ in range(10):
        assert answer(client, helpful="yes").status_code == 200
    response = answer(client, helpful="yes")
    assert response.status_code == 429
    assert PageFeedback.objects.count() == 10


@pytest.mark.parametrize("data", [{"helpful": "maybe"}, {}, {"token": "x", "comment": "x" * 1001}])
def test_bad_answers_explain_themselves_in_the_readers_language(client, page, data):
    response = answer(client, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="field-error"' in html
    assert '<html lang="so"' in html  # the page comes back in the reader's language
    assert not PageFeedback.objects.exists()


def test_feedback_on_unpublished_pages_is_refused(client, page):
    page.state = "draft"
    page.save()
    assert answer(client, helpful="yes").status_code == 404


def test_hostile_comments_are_shown_to_staff_as_text(client, page, django_user_model):
    PageFeedback.objects.create(
        page=page, language="en", helpful=False, comment='<script>alert("x")</script><b>hi</b>'
    )
    client.force_login(
        django_user_model.objects.create_superuser("boss", "b@example.invalid", "pw")
    )
    html = client.get("/admin/insights/pagefeedback/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    page_admin = client.get("/admin/orientation/orientationpage/").content.decode()
    assert "0% (1)" in page_admin  # the helpful share on the page list


def test_staff_mark_feedback_handled(client, page, django_user_model):
    item = PageFeedback.objects.create(page=page, language="en", helpful=False, comment="x")
    boss = django_user_model.objects.create_superuser("boss", "b@example.invalid", "pw")
    client.force_login(boss)
    client.post(
        "/admin/insights/pagefeedback/",
        {"action": "mark_handled", "_selected_action": [item.pk]},
    )
    item.refresh_from_db()
    assert item.handled and item.handled_by == boss
