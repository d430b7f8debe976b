import datetime

import pytest

from directory.models import BankHoliday, Closure, OpeningPeriod, SpokenLanguage
from tests.factories import MigrationStatusFactory, OrganisationFactory, TopicFactory


def weekdays(organisation, opens, closes, days=range(7)):
    for day in days:
        OpeningPeriod.objects.create(
            organisation=organisation,
            weekday=day,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )


@pytest.fixture
def directory(locality):
    health = TopicFactory(slug="health", name_en="Health", icon="health")
    housing = TopicFactory(slug="housing", name_en="Housing", icon="housing")
    asylum = MigrationStatusFactory(slug="asylum-seeker", name_en="Asylum seekers")
    farsi = SpokenLanguage.for_code("fa")
    arabic = SpokenLanguage.for_code("ar")
    clinic = OrganisationFactory(
        slug="clinic",
        name="Health Clinic",
        description_fa="کلینیک سلامت",
        key_agency=True,
        free=True,
        appointment="required",
    )
    clinic.topics.set([health])
    clinic.languages.set([farsi])
    weekdays(clinic, "09:00", "17:00", days=range(5))
    advice = OrganisationFactory(slug="advice", name="Advice Centre", free=False)
    advice.topics.set([housing])
    advice.statuses.set([asylum])
    advice.languages.set([arabic])
    weekdays(advice, "18:00", "21:00")
    helpline = OrganisationFactory(slug="helpline", name="Government Department", listed=False)
    Closure.objects.create(
        organisation=clinic,
        date=datetime.date(2026, 12, 24),
        opens=datetime.time(9, 30),
        closes=datetime.time(12, 0),
        note_en="Christmas Eve",
    )
    BankHoliday.objects.create(date=datetime.date(2026, 12, 25), name_en="Christmas Day")
    return {"clinic": clinic, "advice": advice, "helpline": helpline, "asylum": asylum}
