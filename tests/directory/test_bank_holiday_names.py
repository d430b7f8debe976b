"""Bank holidays on agency pages are named in the reader's language (English, marked, if not)."""

import datetime

import pytest
from django.conf import settings

from directory.loader import check_holiday_names
from directory.models import BankHoliday
from portal.content_files import ContentError
from portal.translation import SOURCE_LANGUAGE
from tests.helpers import SAMPLE
from welcome.locality import read_locality

pytestmark = pytest.mark.django_db
EARLY_DECEMBER = datetime.datetime(2026, 12, 7, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def december(monkeypatch, directory):
    monkeypatch.setattr("directory.hours.timezone.now", lambda: EARLY_DECEMBER)
    BankHoliday.objects.filter(date=datetime.date(2026, 12, 25)).update(
        name_ar="يوم عيد الميلاد", name_pl="Boże Narodzenie"
    )
    return directory


@pytest.mark.parametrize(
    ("language", "name"), [("ar", "يوم عيد الميلاد"), ("pl", "Boże Narodzenie")]
)
def test_agency_page_names_the_bank_holiday_in_the_readers_language(
    client, december, language, name
):
    html = client.get(f"/{language}/agencies/clinic/").content.decode()
    assert f"({name})" in html
    assert "Christmas Day" not in html


def test_untranslated_bank_holiday_is_shown_in_marked_english(client, december):
    html = client.get("/ru/agencies/clinic/").content.decode()
    assert '(<span lang="en" dir="ltr">Christmas Day</span>)' in html


def test_sample_names_every_bank_holiday_in_every_language():
    data = read_locality(SAMPLE)
    english = {name for _day, name in data.bank_holidays}
    for language in settings.MODELTRANSLATION_LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        names = data.texts[language].get("bank_holidays") or {}
        assert set(names) == english, language
        assert all(str(value).strip() for value in names.values()), language


def test_loader_saves_the_translated_names(locality):
    from directory.loader import save_organisations

    save_organisations(
        {},
        [(datetime.date(2026, 12, 25), "Christmas Day")],
        {},
        {},
        holiday_names={"so": {"Christmas Day": "Maalinta Kirismaska"}, "ar": None},
    )
    holiday = BankHoliday.objects.get(date=datetime.date(2026, 12, 25))
    assert (holiday.name_en, holiday.name_so, holiday.name_ar) == (
        "Christmas Day",
        "Maalinta Kirismaska",
        "",
    )


def test_a_name_that_is_not_a_bank_holiday_is_refused(tmp_path):
    texts = {"ar": {"bank_holidays": {"Xmas Day": "عيد"}}}
    with pytest.raises(ContentError, match="Xmas Day"):
        check_holiday_names(tmp_path, [(datetime.date(2026, 12, 25), "Christmas Day")], texts)
