"""A reviewer sees what a waiting directory change would change, field by field in every
language, and previews the entry's public page as publishing would make it; nobody else does."""

import pytest

from directory.models import Organisation
from editorial.models import DirectoryChange
from tests.helpers import HOURS, ORGANISATION_ADMIN, entry_form

pytestmark = pytest.mark.django_db
NEW_WEBSITE = "https://new-site.example.org/"
ARABIC = "نساعد في السكن والمال"


@pytest.fixture
def waiting(client, make_user, orgs):
    """The agency's change to its own entry: a new name, website, Arabic words and hours."""
    own = orgs["own"]
    own.listed = True
    own.save()
    author = make_user("Agency editor")
    author.username = "author"  # frees the role's name for another agency editor in a test
    author.save()
    client.force_login(author)
    response = client.post(
        f"{ORGANISATION_ADMIN}/{own.pk}/change/",
        entry_form(
            own,
            name="Renamed Advice",
            website=NEW_WEBSITE,
            description_ar=ARABIC,
            last_checked=own.last_checked.isoformat(),
            **HOURS,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert DirectoryChange.objects.filter(organisation=own, status="waiting").exists()
    client.logout()
    return own


def review_page(organisation):
    return f"{ORGANISATION_ADMIN}/{organisation.pk}/waiting-change/"


def preview(organisation, language):
    return f"{ORGANISATION_ADMIN}/{organisation.pk}/waiting-change/preview/{language}/"


def test_the_reviewer_sees_only_the_changed_fields_by_label(client, as_role, waiting):
    before_name = waiting.name
    as_role("reviewer")
    response = client.get(review_page(waiting))
    assert response.status_code == 200
    html = response.content.decode()
    changed = [change["field"] for change in response.context["changes"]]
    assert changed == ["Name", "What they do (Arabic)", "Website", "Opening hours"]
    assert f"- <bdi>{before_name}</bdi>" in html
    assert "+ <bdi>Renamed Advice</bdi>" in html
    assert "+ <bdi>Monday 09:00:00–17:00:00</bdi>" in html
    assert f'lang="ar" dir="rtl"><span class="diff-added">+ <bdi>{ARABIC}</bdi>' in html
    assert "Postcode" not in changed and "What they do (English)" not in changed


def test_the_change_form_links_the_reviewer_to_it(client, as_role, waiting):
    as_role("reviewer")
    html = client.get(f"{ORGANISATION_ADMIN}/{waiting.pk}/change/").content.decode()
    assert review_page(waiting) in html
    assert "Changed: Name, What they do (Arabic), Website, Opening hours" in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_reviewer_previews_the_entry_as_it_would_be(client, as_role, waiting, language):
    as_role("reviewer")
    response = client.get(preview(waiting, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Renamed Advice" in html
    assert NEW_WEBSITE in html
    assert f'lang="{language}"' in html
    if language == "ar":
        assert ARABIC in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    # The preview changed nothing: the site still shows the live entry.
    waiting.refresh_from_db()
    assert waiting.name != "Renamed Advice"
    assert not waiting.opening_periods.exists()
    public = client.get(f"/en/agencies/{waiting.slug}/").content.decode()
    assert "Renamed Advice" not in public
    assert DirectoryChange.objects.get(organisation=waiting).status == "waiting"


def test_an_unknown_language_is_a_404(client, as_role, waiting):
    as_role("reviewer")
    assert client.get(preview(waiting, "xx")).status_code == 404


@pytest.mark.parametrize(
    ("role", "organisation", "expected"),
    [
        ("Portal editor", "other", 200),
        ("Reviewer", "other", 200),
        ("Agency editor", "own", 403),  # the author's own entry: they do not review it
        ("Agency editor", "other", 404),  # another agency's entry does not exist for them
        ("Translator", "own", 403),
    ],
)
def test_only_reviewers_see_the_change_and_its_preview(
    client, make_user, orgs, waiting, role, organisation, expected
):
    client.force_login(make_user(role, organisation=organisation, languages=["ar"]))
    assert client.get(review_page(waiting)).status_code == expected
    assert client.get(preview(waiting, "en")).status_code == expected


def test_signed_out_visitors_are_sent_to_sign_in(client, waiting):
    for url in (review_page(waiting), preview(waiting, "en")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_without_a_waiting_change_there_is_nothing_to_review(client, as_role, orgs):
    as_role("reviewer")
    other = Organisation.objects.get(pk=orgs["other"].pk)
    assert client.get(review_page(other)).status_code == 404
    assert client.get(preview(other, "en")).status_code == 404
