"""Opening hours in the locality's own time, right across the clock changes.

All times are stored as local wall-clock times (09:00 means 09:00 in Birmingham in summer and in
winter). "Now" is converted to the locality's zone before comparing, so the answer is right on
both sides of a daylight-saving change, whatever time zone the server runs in.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import BankHoliday, Closure, OpeningPeriod


def local_now(moment=None):
    moment = moment or timezone.now()
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def open_at_filter(moment=None):
    """A filter for organisations open at that moment (one query to check for a bank holiday)."""
    now = local_now(moment)
    today, time_now = now.date(), now.time().replace(tzinfo=None)
    special_day = Closure.objects.filter(organisation=OuterRef("pk"), date=today)
    open_special = special_day.filter(opens__lte=time_now, closes__gt=time_now)
    open_usually = OpeningPeriod.objects.filter(
        organisation=OuterRef("pk"),
        weekday=today.weekday(),
        opens__lte=time_now,
        closes__gt=time_now,
    )
    usual_day = ~Exists(special_day) & Exists(open_usually)
    if BankHoliday.objects.filter(date=today).exists():
        usual_day &= Q(closed_on_bank_holidays=False)
    return Q(Exists(open_special)) | usual_day


@dataclass
class DayHours:
    weekday: int
    label: str
    ranges: list  # of (opens, closes)
    is_today: bool


def is_open(organisation, moment=None, *, bank_holidays=()):
    """The same rule as open_at_filter, on prefetched hours (for one organisation's page)."""
    now = local_now(moment)
    today, time_now = now.date(), now.time().replace(tzinfo=None)
    specials = [closure for closure in organisation.closures.all() if closure.date == today]
    if specials:
        return any(
            closure.opens is not None and closure.opens <= time_now < closure.closes
            for closure in specials
        )
    if organisation.closed_on_bank_holidays and today in bank_holidays:
        return False
    return any(
        period.weekday == today.weekday() and period.opens <= time_now < period.closes
        for period in organisation.opening_periods.all()
    )


def week(organisation, moment=None):
    """Monday to Sunday with each day's usual opening ranges, marking today."""
    today = local_now(moment).date()
    days = []
    for weekday, label in OpeningPeriod.Weekday.choices:
        ranges = [
            (period.opens, period.closes)
            for period in organisation.opening_periods.all()
            if period.weekday == weekday
        ]
        days.append(DayHours(weekday, label, ranges, weekday == today.weekday()))
    return days


def upcoming_closures(organisation, moment=None, *, bank_holidays=(), days=30):
    """Special days in the coming month, bank holidays included, soonest first."""
    today = local_now(moment).date()
    horizon = today + datetime.timedelta(days=days)
    upcoming = [
        closure for closure in organisation.closures.all() if today <= closure.date <= horizon
    ]
    if organisation.closed_on_bank_holidays:
        special_dates = {closure.date for closure in upcoming}
        # Every language's name is carried over, so the page can show the reader's (or the
        # English, marked as English) like any other closure note.
        upcoming += [
            Closure(
                date=holiday.date,
                **{
                    f"note_{code}": getattr(holiday, f"name_{code}")
                    for code in settings.MODELTRANSLATION_LANGUAGES
                },
            )
            for holiday in bank_holidays
            if today <= holiday.date <= horizon and holiday.date not in special_dates
        ]
    return sorted(upcoming, key=lambda closure: closure.date)
