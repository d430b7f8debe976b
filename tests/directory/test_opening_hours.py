"""'Open now' in the locality's time, right across the clock changes, holidays and closures."""

import datetime

import pytest

from directory.hours import is_open, open_at_filter, upcoming_closures, week
from directory.models import BankHoliday, Organisation

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def open_slugs(moment):
    return set(Organisation.objects.filter(open_at_filter(moment)).values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("moment", "clinic_open"),
    [
        # Monday 23 March 2026, still winter time (GMT = UTC): 08:30 UTC is 08:30 local.
        (at(2026, 3, 23, 8, 30), False),
        # Monday 30 March 2026, summer time (BST = UTC+1): 08:30 UTC is 09:30 local.
        (at(2026, 3, 30, 8, 30), True),
        (at(2026, 3, 30, 15, 59), True),  # 16:59 local
        (at(2026, 3, 30, 16, 0), False),  # 17:00 local: closed at closing time
        # Monday 19 October 2026, summer time: 08:30 UTC is 09:30 local.
        (at(2026, 10, 19, 8, 30), True),
        # Monday 26 October 2026, back to GMT: 08:30 UTC is 08:30 local.
        (at(2026, 10, 26, 8, 30), False),
        (at(2026, 10, 26, 16, 30), True),  # 16:30 local
        # Saturday: the clinic is closed at weekends.
        (at(2026, 10, 31, 12, 0), False),
    ],
)
def test_open_now_follows_local_time_across_daylight_saving(directory, moment, clinic_open):
    assert ("clinic" in open_slugs(moment)) is clinic_open
    assert is_open(directory["clinic"], moment) is clinic_open


def test_the_night_of_the_clock_change_itself(directory):
    # Sunday 29 March 2026: at 18:30 UTC it is 19:30 in Birmingham; the advice centre is open.
    assert "advice" in open_slugs(at(2026, 3, 29, 18, 30))
    # Sunday 25 October 2026: at 20:30 UTC it is 20:30 GMT, still open; at 21:00 UTC closed.
    assert "advice" in open_slugs(at(2026, 10, 25, 20, 30))
    assert "advice" not in open_slugs(at(2026, 10, 25, 21, 0))


def test_bank_holidays_close_offices_that_close_on_them(directory):
    christmas_noon = at(2026, 12, 25, 12, 0)  # a Friday
    assert "clinic" not in open_slugs(christmas_noon)
    assert not is_open(directory["clinic"], christmas_noon, bank_holidays={christmas_noon.date()})
    directory["clinic"].closed_on_bank_holidays = False
    directory["clinic"].save()
    assert "clinic" in open_slugs(christmas_noon)


def test_special_hours_replace_the_usual_ones(directory):
    assert "clinic" in open_slugs(at(2026, 12, 24, 10, 0))
    assert "clinic" not in open_slugs(at(2026, 12, 24, 13, 0))  # usually open until 17:00
    assert not is_open(directory["clinic"], at(2026, 12, 24, 13, 0))


def test_week_marks_today_and_lists_ranges(directory):
    days = week(directory["clinic"], at(2026, 11, 23, 12, 0))  # a Monday
    assert [day.is_today for day in days] == [True] + [False] * 6
    assert days[0].ranges == [(datetime.time(9), datetime.time(17))]
    assert days[5].ranges == []


def test_upcoming_closures_include_bank_holidays(directory):
    closures = upcoming_closures(
        directory["clinic"], at(2026, 12, 1, 12, 0), bank_holidays=list(BankHoliday.objects.all())
    )
    assert [closure.date for closure in closures] == [
        datetime.date(2026, 12, 24),
        datetime.date(2026, 12, 25),
    ]
