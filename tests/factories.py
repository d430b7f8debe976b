import datetime
from decimal import Decimal

import factory

from directory.models import Organisation
from orientation.models import (
    EmergencyContact,
    Locality,
    MigrationStatus,
    OrientationPage,
    SourceLink,
    Topic,
)


class LocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locality
        django_get_or_create = ("slug",)

    slug = "testville"
    name_en = "Testville"
    heading_en = "Welcome to Testville"
    intro_en = "Help for people new to Testville."


class EmergencyContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmergencyContact

    key = factory.Sequence(lambda n: f"number-{n}")
    number = "999"
    label_en = "Police, fire or ambulance"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    icon = "health"
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    summary_en = "What this topic is about."
    order = factory.Sequence(int)


class MigrationStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MigrationStatus

    slug = factory.Sequence(lambda n: f"status-{n}")
    icon = "refugee"
    name_en = factory.Sequence(lambda n: f"Status {n}")
    label_en = factory.Sequence(lambda n: f"I am status {n}")
    description_en = "Who this covers."
    order = factory.Sequence(int)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    website = "https://example.org/"
    description_en = "Free advice for people new to the city."
    street = "1 Example Street"
    town = "Testville"
    postcode = "B1 1AA"
    latitude = Decimal("52.48000")
    longitude = Decimal("-1.90000")
    phone = "+441213031111"


class OrientationPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrientationPage
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"page-{n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    summary_en = "A short summary."
    body_en = "## What to do\n\nGo to the office.\n\n- Bring your letter."
    organisation = factory.SubFactory(OrganisationFactory)
    state = OrientationPage.State.PUBLISHED
    last_checked = datetime.date(2026, 11, 20)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            self.topics.set(extracted if extracted is not None else [TopicFactory()])

    @factory.post_generation
    def statuses(self, create, extracted, **kwargs):
        if create and extracted:
            self.statuses.set(extracted)

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if create:
            SourceLink.objects.create(page=self, title_en="GOV.UK", url="https://www.gov.uk/")


def page_form_data(page, **changes):
    """What the page admin form posts for this page, with ``changes`` applied."""
    data = {
        "title_en": page.title_en,
        "slug": page.slug,
        "summary_en": page.summary_en,
        "body_en": page.body_en,
        "topics": [topic.pk for topic in page.topics.all()],
        "organisation": page.organisation_id,
        "state": page.state,
        "last_checked": "2026-11-20",
        "review_by": "2027-05-20",
        "to_confirm": page.to_confirm,
        "tags": "",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "orientation.GlossaryTerm"

    slug = factory.Sequence(lambda n: f"term-{n}")
    term_en = factory.Sequence(lambda n: f"Term {n}")
    explanation_en = "A plain explanation."
    state = "published"
    order = factory.Sequence(int)
    last_checked = datetime.date(2026, 11, 20)


class SearchSynonymFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "orientation.SearchSynonym"

    language = "en"
    words = "doctor, GP, surgery"
