"""The admin works for staff, keeps its scripts local, and types each language in its direction."""

import pytest

from tests.factories import OrientationPageFactory, page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/admin/orientation/orientationpage/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_page_change_form_has_language_tabs_with_local_scripts(staff_client, locality):
    page = OrientationPageFactory()
    response = staff_client.get(f"/admin/orientation/orientationpage/{page.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html
    assert 'name="title_ar"' in html
    assert 'lang="ar" dir="rtl"' in html
    assert 'lang="ps" dir="rtl"' in html
    assert 'lang="pl" dir="ltr"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/orientation/topic/",
        "/admin/orientation/migrationstatus/",
        "/admin/directory/organisation/",
        "/admin/directory/organisation/add/",
        "/admin/directory/spokenlanguage/",
        "/admin/directory/bankholiday/",
        "/admin/orientation/orientationpage/",
        "/admin/orientation/orientationpage/add/",
        "/admin/orientation/locality/",
        "/admin/orientation/emergencycontact/",
    ],
)
def test_admin_views_answer(staff_client, locality, path):
    OrientationPageFactory()
    assert staff_client.get(path).status_code == 200


def test_saving_a_page_in_the_admin_renders_its_body(staff_client, locality):
    page = OrientationPageFactory()
    topic = page.topics.get()
    response = staff_client.post(
        f"/admin/orientation/orientationpage/{page.pk}/change/",
        page_form_data(
            page,
            title_en="New title",
            summary_en="New summary",
            body_en="## Heading\n\n<script>alert(1)</script>Text",
            topics=[topic.pk],
            state="published",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title_en == "New title"
    assert page.body_html_en.startswith("<h2>Heading</h2>")
    assert "<script" not in page.body_html_en


def test_organisation_form_stores_phone_in_e164_and_offers_a_map(staff_client, locality):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory()
    url = f"/admin/directory/organisation/{organisation.pk}/change/"
    html = staff_client.get(url).content.decode()
    assert 'value="0121 303 1111"' in html  # shown as people write it
    assert "data-map-latitude" in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/js/admin-map.js" in html
