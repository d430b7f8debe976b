"""The public page cache: what it serves, to whom, and that it forgets nothing."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from directory.models import BankHoliday, Closure, OpeningPeriod, SpokenLanguage
from orientation.models import (
    EmergencyContact,
    FirstStep,
    Locality,
    OrientationPage,
    PageImage,
    SourceLink,
    Topic,
)
from portal.cache import GENERATION_KEY, PublicPageCacheMiddleware, is_public_content
from tests.factories import GlossaryTermFactory, OrganisationFactory
from tests.helpers import jpeg_with_gps
from videos.models import WelcomeVideo

pytestmark = pytest.mark.django_db

PAGE = "/en/pages/register-with-a-gp/"


def test_a_cached_page_asks_nothing_of_the_database_or_the_session(client, site):
    client.get(PAGE)
    with CaptureQueriesContext(connection) as context:
        response = client.get(PAGE)
    assert response.status_code == 200
    assert context.captured_queries == []
    assert "Register with a GP" in response.text
    assert not response.cookies


def test_a_page_rendered_for_one_host_is_never_served_to_another(client, site):
    first = client.get(PAGE, HTTP_HOST="localhost")
    second = client.get(PAGE, HTTP_HOST="127.0.0.1")
    assert '<link rel="canonical" href="http://localhost/en/pages/register-with-a-gp/">' in (
        first.text
    )
    assert '<link rel="canonical" href="http://127.0.0.1/en/pages/register-with-a-gp/">' in (
        second.text
    )
    assert "localhost" not in second.text


def test_a_host_that_is_not_allowed_gets_400_and_nothing_is_stored(client, site):
    assert client.get(PAGE, HTTP_HOST="evil.example").status_code == 400
    assert client.get(PAGE).status_code == 200


def test_zero_seconds_switches_the_cache_off_reads_included(client, site, settings):
    client.get(PAGE)  # stored while the cache was on
    # A change the cache does not hear about (no signal), as after a restore into the database.
    OrientationPage.objects.filter(slug="register-with-a-gp").update(title_en="Find a doctor")
    assert "Register with a GP" in client.get(PAGE).text  # still cached
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    assert "Find a doctor" in client.get(PAGE).text
    keys_before = set(cache._cache)
    client.get("/en/topics/")
    assert set(cache._cache) == keys_before  # nothing written either


def test_query_strings_and_signed_in_staff_are_always_rendered(client, site, django_user_model):
    client.get(PAGE)
    OrientationPage.objects.filter(slug="register-with-a-gp").update(title_en="Find a doctor")
    assert "Find a doctor" in client.get(PAGE + "?utm=1").text
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    assert "Find a doctor" in client.get(PAGE).text


def test_a_page_for_staff_is_not_stored_for_readers(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    client.get(PAGE)
    client.logout()
    OrientationPage.objects.filter(slug="register-with-a-gp").update(title_en="Find a doctor")
    assert "Find a doctor" in client.get(PAGE).text


# Every model a public page shows, and a way to see a change to it on a public page.
def _page(site):
    return site["pages"]["everyone"]


def _organisation(site):
    organisation = OrganisationFactory(slug="advice-centre", name="Advice Centre")
    page = _page(site)
    page.related_organisations.add(organisation)
    return organisation


def _video(site):
    return WelcomeVideo.objects.create(
        language="en", title="Welcome from Amina", transcript="Hello.", published=True
    )


CHANGES = {
    "orientation.Locality": (
        lambda site: Locality.objects.get(),
        PAGE,
        lambda obj: setattr(obj, "name_en", "Sandwell"),
        "Welcome to Sandwell",
    ),
    "orientation.EmergencyContact": (
        lambda site: EmergencyContact.objects.get(key="nhs-111"),
        PAGE,
        lambda obj: setattr(obj, "number", "0800 123 4567"),
        "0800 123 4567",
    ),
    "orientation.Topic": (
        lambda site: Topic.objects.get(slug="health"),
        PAGE,
        lambda obj: setattr(obj, "name_en", "Doctors and dentists"),
        "Doctors and dentists",
    ),
    "orientation.MigrationStatus": (
        lambda site: site["statuses"]["asylum-seeker"],
        "/en/status/",
        lambda obj: setattr(obj, "label_en", "People seeking asylum"),
        "People seeking asylum",
    ),
    "orientation.OrientationPage": (
        _page,
        PAGE,
        lambda obj: setattr(obj, "title_en", "Find a family doctor"),
        "Find a family doctor",
    ),
    "orientation.SourceLink": (
        lambda site: SourceLink.objects.create(
            page=_page(site), title="NHS: find a GP", url="https://www.nhs.uk/"
        ),
        PAGE,
        lambda obj: setattr(obj, "title", "NHS: how to register"),
        "NHS: how to register",
    ),
    "directory.Organisation": (
        _organisation,
        "/en/agencies/advice-centre/",
        lambda obj: setattr(obj, "name", "Neighbourhood Advice"),
        "Neighbourhood Advice",
    ),
    "directory.SpokenLanguage": (
        lambda site: _organisation(site).languages.create(
            code="ti", english_name="Tigrinya", native_name="Tigrinya"
        ),
        "/en/agencies/advice-centre/",
        lambda obj: setattr(obj, "native_name", "ትግርኛ"),
        "ትግርኛ",
    ),
    "directory.OpeningPeriod": (
        lambda site: OpeningPeriod.objects.create(
            organisation=_organisation(site),
            weekday=0,
            opens=datetime.time(9),
            closes=datetime.time(17),
        ),
        "/en/agencies/advice-centre/",
        lambda obj: setattr(obj, "closes", datetime.time(16, 45)),
        "16:45",
    ),
    "directory.Closure": (
        lambda site: Closure.objects.create(
            organisation=_organisation(site), date=datetime.date(2026, 12, 24), note_en="Party"
        ),
        "/en/agencies/advice-centre/",
        lambda obj: setattr(obj, "note_en", "Staff training"),
        "Staff training",
    ),
    "videos.WelcomeVideo": (
        _video,
        "/en/videos/",
        lambda obj: setattr(obj, "title", "A welcome from Hodan"),
        "A welcome from Hodan",
    ),
}
# Listed, but shown only through another model or in a way a single page does not print.
CHANGED_THROUGH_OTHERS = {
    "orientation.FirstStep",  # a status page's first steps: tested with that feature
    "orientation.GlossaryTerm",  # the glossary page: tested with that feature
    "orientation.PageImage",  # needs an uploaded picture: covered by the generic test below
    "directory.BankHoliday",  # changes "open now", which per-minute pages recompute anyway
    "taggit.Tag",  # tags pick a page's "show this to staff" phrases: tested with that card
    "taggit.TaggedItem",
}


@pytest.mark.parametrize("label", sorted(CHANGES))
def test_a_saved_change_is_on_the_public_page_at_once(client, site, label):
    make, path, change, expected = CHANGES[label]
    obj = make(site)
    first = client.get(path)
    assert first.status_code == 200
    assert expected not in first.text
    assert client.get(path).text == first.text  # served from the cache
    change(obj)
    obj.save()
    assert expected in client.get(path).text


def _tagged(site):
    page = site["pages"]["everyone"]
    page.tags.add("interpreter")
    return page.tags.through.objects.filter(object_id=page.pk).first()


# One more of each public model the small site holds none of, to save and delete.
ONE_MORE = {
    "directory.BankHoliday": lambda site: BankHoliday.objects.create(
        date=datetime.date(2026, 12, 25), name_en="Christmas Day"
    ),
    "directory.SpokenLanguage": lambda site: SpokenLanguage.objects.create(
        code="so", english_name="Somali", native_name="Soomaali"
    ),
    "orientation.FirstStep": lambda site: FirstStep.objects.create(
        status=site["statuses"]["asylum-seeker"], page=site["pages"]["asylum_only"]
    ),
    "orientation.GlossaryTerm": lambda site: GlossaryTermFactory(slug="gp", term_en="GP"),
    "orientation.PageImage": lambda site: PageImage.objects.create(
        page=site["pages"]["everyone"],
        image=SimpleUploadedFile("gp.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        alt_en="A doctor's surgery",
    ),
    "taggit.Tag": lambda site: _tagged(site).tag,
    "taggit.TaggedItem": _tagged,
    **{label: make for label, (make, _path, _change, _expected) in CHANGES.items()},
}


@pytest.mark.parametrize("label", sorted(settings.PUBLIC_PAGE_MODELS))
def test_saving_or_deleting_any_public_model_empties_the_cache(client, site, label):
    model = apps.get_model(label)
    obj = model.objects.first() or ONE_MORE[label](site)
    client.get(PAGE)
    OrientationPage.objects.filter(slug="register-with-a-gp").update(title_en="Find a doctor")
    obj.save()
    assert "Find a doctor" in client.get(PAGE).text
    # An organisation that pages name cannot be deleted: delete one that none names.
    doomed = OrganisationFactory() if label == "directory.Organisation" else obj
    client.get(PAGE)
    OrientationPage.objects.filter(slug="register-with-a-gp").update(title_en="See a GP")
    doomed.delete()
    assert "See a GP" in client.get(PAGE).text


def test_the_old_title_of_a_welcome_video_is_not_served(client, site):
    video = _video(site)
    assert "Welcome from Amina" in client.get("/en/").text
    video.title = "Welcome from Hodan"
    video.save()
    assert "Welcome from Hodan" in client.get("/en/").text
    video.delete()
    assert "Welcome from Hodan" not in client.get("/en/").text


def test_topics_added_to_a_page_empty_the_cache(client, site):
    assert "Register with a GP" not in client.get("/en/topics/housing/").text
    _page(site).topics.add(site["topics"]["housing"])
    assert "Register with a GP" in client.get("/en/topics/housing/").text


def test_every_model_a_reader_can_see_is_listed():
    """A new model in a public app must be put in PUBLIC_PAGE_MODELS (or here, with a reason)."""
    never_on_public_pages = {
        # The search index: search results are never cached.
        "orientation.SearchDocument",
        "orientation.SearchWord",
        "orientation.SearchSynonym",
    }
    public_apps = {"orientation", "directory", "videos", "taggit"}
    found = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in public_apps and not model._meta.auto_created
    }
    assert found - never_on_public_pages == set(settings.PUBLIC_PAGE_MODELS)
    assert set(CHANGES) | CHANGED_THROUGH_OTHERS == set(settings.PUBLIC_PAGE_MODELS)


def test_models_outside_the_list_leave_the_cache_alone(client, site, django_user_model):
    assert not is_public_content(django_user_model)
    client.get(PAGE)
    OrientationPage.objects.filter(slug="register-with-a-gp").update(title_en="Find a doctor")
    django_user_model.objects.create_user("someone")
    assert "Register with a GP" in client.get(PAGE).text
    assert BankHoliday in {apps.get_model(label) for label in settings.PUBLIC_PAGE_MODELS}
    assert SpokenLanguage in {apps.get_model(label) for label in settings.PUBLIC_PAGE_MODELS}


def test_a_worker_answers_from_its_own_copy_and_hears_of_changes(client, site, settings):
    settings.PUBLIC_PAGE_GENERATION_CHECK_SECONDS = 60
    client.get(PAGE)
    client.get(PAGE)
    assert cache.delete(PublicPageCacheMiddleware._key(RequestFactory().get(PAGE)))
    # Gone from the shared cache, still answered from this worker's copy: no round trip.
    assert "Register with a GP" in client.get(PAGE).text
    # A change saved through this worker shows at once.
    page = site["pages"]["everyone"]
    page.title_en = "Find a family doctor"
    page.save()
    assert "Find a family doctor" in client.get(PAGE).text
    # One saved through another worker (the shared counter moves) shows once it is read again.
    OrientationPage.objects.filter(pk=page.pk).update(title_en="See a doctor")
    cache.incr(GENERATION_KEY)
    assert "Find a family doctor" in client.get(PAGE).text
    settings.PUBLIC_PAGE_GENERATION_CHECK_SECONDS = 0
    assert "See a doctor" in client.get(PAGE).text
