"""Organisations, hours and bank holidays load from the locality folder; bad ones load nothing."""

import shutil

import pytest
from django.conf import settings

from directory.models import BankHoliday, Organisation
from tests.helpers import SAMPLE
from welcome.locality import ContentError, load_locality

pytestmark = pytest.mark.django_db

GOOD = """
name: Test Advice Centre
description: Free advice.
services: [Housing advice, Benefits advice]
topics: [housing]
statuses: [asylum-seeker]
languages: [en, fa, ti]
interpreting: true
free: true
appointment: required
address: {street: 1 High Street, town: Birmingham, postcode: b1 1aa}
location: {lat: 52.4801, lon: -1.9025}
phone: "0121 303 1111"
website: https://example.org/
hours:
  monday: ["09:00-12:30", "13:30-17:00"]
  saturday: ["10:00-12:00"]
closures:
  - date: 2026-12-24
    hours: ["09:00-12:00"]
    note: Christmas Eve
last_checked: 2026-11-20
translations:
  fa:
    description: مشاوره رایگان
"""


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "locality"
    shutil.copytree(SAMPLE, target)
    return target


def write(folder, text, name="test-advice"):
    path = folder / "organisations" / f"{name}.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_organisation_loads_with_hours_languages_and_translations(folder):
    write(folder, GOOD)
    load_locality(folder)
    organisation = Organisation.objects.get(slug="test-advice")
    assert organisation.phone == "+441213031111"
    assert organisation.phone_display == "0121 303 1111"
    assert organisation.postcode == "B1 1AA"
    assert organisation.service_list == ["Housing advice", "Benefits advice"]
    assert sorted(organisation.languages.values_list("code", flat=True)) == ["en", "fa", "ti"]
    assert organisation.languages.get(code="ti").native_name == "ትግርኛ"
    assert organisation.opening_periods.count() == 3
    assert organisation.closures.get().note_en == "Christmas Eve"
    assert organisation.description_fa == "مشاوره رایگان"
    assert organisation.translation_state("fa") == "draft"
    assert organisation.statuses.get().slug == "asylum-seeker"


def test_the_sample_directory_has_twenty_places_and_bank_holidays():
    load_locality(SAMPLE)
    places = Organisation.objects.on_map()
    assert places.count() >= 20
    assert Organisation.objects.filter(key_agency=True).exists()
    assert BankHoliday.objects.filter(date="2026-12-25").exists()
    for organisation in places:
        assert organisation.description_en, organisation.slug
        assert organisation.postcode.startswith("B"), organisation.slug
        assert organisation.last_checked, organisation.slug


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("0121 303 1111", "12345678901234"), "phone"),
        (('["09:00-12:30", "13:30-17:00"]', '["17:00-09:00"]'), "closes before it opens"),
        (('["09:00-12:30", "13:30-17:00"]', '["9am-5pm"]'), "not a time range"),
        (("monday:", "mondey:"), "'mondey' is not a weekday"),
        (("topics: [housing]", "topics: [shopping]"), "topic 'shopping'"),
        (("lat: 52.4801", "lat: 152.4801"), "not on Earth"),
        (("appointment: required", "appointment: maybe"), "'appointment'"),
        (("website: https://example.org/", "website: javascript:alert(1)"), "web address"),
        (("languages: [en, fa, ti]", "languages: [en, '<b>']"), "language code"),
        (("  fa:\n", "  de:\n"), "'de' is not a portal language"),
    ],
)
def test_a_bad_organisation_file_names_itself_and_loads_nothing(folder, change, message):
    old, new = change
    assert old in GOOD
    path = write(folder, GOOD.replace(old, new))
    with pytest.raises(ContentError) as error:
        load_locality(folder)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)
    assert not Organisation.objects.exists()


def test_listed_sample_organisations_are_described_in_every_language():
    load_locality(SAMPLE)
    for organisation in Organisation.objects.listed():
        for code, _name in settings.LANGUAGES:
            assert getattr(organisation, f"description_{code}"), (organisation.slug, code)
            if code != "en":
                assert organisation.translation_state(code) == "draft"
