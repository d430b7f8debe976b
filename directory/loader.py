"""Read and save the directory part of a locality folder: organisations and bank holidays.

Called by orientation.loader (handed in by welcome.locality), inside its load that checks
everything, then writes in one transaction.
The file format is in content/README.md ("organisations/<slug>.yml").
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from portal.content_files import (
    TRANSLATION_STATES,
    ContentError,
    check_fits,
    check_slug,
    check_url,
    languages,
    read_yaml,
    require,
)
from portal.translation import SOURCE_LANGUAGE, source_field

from .models import BankHoliday, Closure, OpeningPeriod, Organisation, SpokenLanguage
from .phones import normalise_phone

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TIME_RANGE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
APPOINTMENTS = {choice.value for choice in Organisation.Appointment}


@dataclass
class OrganisationData:
    slug: str
    fields: dict
    topics: list = field(default_factory=list)
    statuses: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    periods: list = field(default_factory=list)  # (weekday, opens, closes)
    closures: list = field(default_factory=list)  # (date, opens, closes, note)
    texts: dict = field(default_factory=dict)  # language -> {field: value}
    states: dict = field(default_factory=dict)


def _time_ranges(path, value, where):
    if not isinstance(value, list):
        raise ContentError(path, f"{where} must be a list like ['09:00-17:00']")
    ranges = []
    for item in value:
        match = TIME_RANGE.match(str(item).strip())
        if not match:
            raise ContentError(path, f"{where}: '{item}' is not a time range like 09:00-17:00")
        hour_1, minute_1, hour_2, minute_2 = (int(part) for part in match.groups())
        try:
            opens, closes = datetime.time(hour_1, minute_1), datetime.time(hour_2, minute_2)
        except ValueError as error:
            raise ContentError(path, f"{where}: '{item}' is not a real time") from error
        if closes <= opens:
            raise ContentError(path, f"{where}: '{item}' closes before it opens")
        ranges.append((opens, closes))
    return ranges


def _services_text(path, value):
    if value is None:
        return ""
    if not isinstance(value, list):
        raise ContentError(path, "'services' must be a list of short phrases")
    return "\n".join(str(item).strip() for item in value)


def _read_organisation(path, topic_slugs, status_slugs):
    data = read_yaml(path)
    slug = path.stem
    check_slug(path, slug, "organisation file name")
    organisation = OrganisationData(slug=slug, fields={"name": str(require(path, data, "name"))})
    fields = organisation.fields
    fields["listed"] = bool(data.get("listed", True))
    fields["key_agency"] = bool(data.get("key_agency", False))
    fields["interpreting"] = bool(data.get("interpreting", False))
    fields["free"] = bool(data.get("free", True))
    fields["closed_on_bank_holidays"] = bool(data.get("closed_on_bank_holidays", True))
    appointment = data.get("appointment", Organisation.Appointment.RECOMMENDED)
    if appointment not in APPOINTMENTS:
        raise ContentError(path, f"'appointment' must be one of {sorted(APPOINTMENTS)}")
    fields["appointment"] = appointment
    for name in ("website",):
        if data.get(name):
            check_url(path, data[name])
            fields[name] = data[name]
    fields["email"] = str(data.get("email") or "")
    try:
        fields["phone"] = normalise_phone(str(data.get("phone") or ""))
    except ValidationError as error:
        raise ContentError(path, f"phone '{data.get('phone')}': {error.messages[0]}") from error
    address = data.get("address") or {}
    if not isinstance(address, dict):
        raise ContentError(path, "'address' must have street, town and postcode")
    fields["street"] = str(address.get("street") or "")
    fields["town"] = str(address.get("town") or "")
    fields["postcode"] = str(address.get("postcode") or "").upper()
    location = data.get("location")
    if location:
        try:
            latitude = Decimal(str(location["lat"])).quantize(Decimal("0.00001"))
            longitude = Decimal(str(location["lon"])).quantize(Decimal("0.00001"))
        except (KeyError, TypeError, InvalidOperation) as error:
            raise ContentError(path, "'location' needs lat and lon numbers") from error
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ContentError(path, "'location' is not on Earth")
        fields["latitude"], fields["longitude"] = latitude, longitude
    last_checked = data.get("last_checked")
    if last_checked is not None and not isinstance(last_checked, datetime.date):
        raise ContentError(path, "'last_checked' must be a date like 2026-11-20")
    if last_checked:
        fields["last_checked"] = last_checked

    english = {
        "description": str(data.get("description") or ""),
        "services": _services_text(path, data.get("services")),
        "accessibility": str(data.get("accessibility") or ""),
    }
    organisation.texts[SOURCE_LANGUAGE] = english
    for language, translation in (data.get("translations") or {}).items():
        if language not in languages() or language == SOURCE_LANGUAGE:
            raise ContentError(path, f"translation '{language}' is not a portal language")
        state = translation.get("translation", "draft")
        if state not in TRANSLATION_STATES:
            raise ContentError(path, f"'translation' must be one of {sorted(TRANSLATION_STATES)}")
        organisation.states[language] = state
        organisation.texts[language] = {
            "description": str(translation.get("description") or ""),
            "services": _services_text(path, translation.get("services")),
            "accessibility": str(translation.get("accessibility") or ""),
        }

    for key, slugs, known in (
        ("topics", organisation.topics, topic_slugs),
        ("statuses", organisation.statuses, status_slugs),
    ):
        for slug_ in data.get(key) or []:
            if slug_ not in known:
                raise ContentError(
                    path,
                    f"{key[:-1] if key != 'statuses' else 'status'} "
                    f"'{slug_}' is not in locality.yml",
                )
            slugs.append(slug_)
    for code in data.get("languages") or []:
        code = str(code).lower()
        if not LANGUAGE_CODE.match(code):
            raise ContentError(path, f"'{code}' is not a language code like fa or ckb")
        organisation.languages.append(code)

    hours = data.get("hours") or {}
    if not isinstance(hours, dict):
        raise ContentError(path, "'hours' must map weekdays to time ranges")
    for day, ranges in hours.items():
        if day not in WEEKDAYS:
            raise ContentError(path, f"'{day}' is not a weekday (monday ... sunday)")
        for opens, closes in _time_ranges(path, ranges, day):
            organisation.periods.append((WEEKDAYS.index(day), opens, closes))
    for closure in data.get("closures") or []:
        if not isinstance(closure, dict) or not isinstance(closure.get("date"), datetime.date):
            raise ContentError(path, "each closure needs a date like 2026-12-24")
        ranges = (
            _time_ranges(path, closure["hours"], str(closure["date"]))
            if closure.get("hours")
            else [(None, None)]
        )
        for opens, closes in ranges:
            organisation.closures.append(
                (closure["date"], opens, closes, str(closure.get("note") or ""))
            )
    if fields["listed"] and not english["description"]:
        raise ContentError(path, "a listed organisation needs a description")
    check_fits(path, Organisation, fields)
    for texts in organisation.texts.values():
        check_fits(path, Organisation, texts)
    for _date, _opens, _closes, note in organisation.closures:
        check_fits(path, Closure, {"note": note})
    return organisation


def read_organisations(folder, structure_path, structure, topic_slugs, status_slugs):
    """Organisations from organisations/*.yml, plus short entries still in locality.yml."""
    found = {}
    organisations_folder = folder / "organisations"
    if organisations_folder.is_dir():
        for path in sorted(organisations_folder.glob("*.yml")):
            organisation = _read_organisation(path, topic_slugs, status_slugs)
            found[organisation.slug] = organisation
    for item in structure.get("organisations") or []:
        if not isinstance(item, dict):
            raise ContentError(structure_path, "each organisation needs a slug and a name")
        slug = require(structure_path, item, "slug")
        check_slug(structure_path, slug, "organisation")
        if slug in found:
            continue
        if item.get("website"):
            check_url(structure_path, item["website"])
        try:
            phone = normalise_phone(str(item.get("phone") or ""))
        except ValidationError as error:
            raise ContentError(structure_path, f"{slug}: {error.messages[0]}") from error
        found[slug] = OrganisationData(
            slug=slug,
            fields={
                "name": str(require(structure_path, item, "name")),
                "website": item.get("website", ""),
                "phone": phone,
                "listed": False,
            },
            texts={SOURCE_LANGUAGE: {}},
        )
    return found


def read_bank_holidays(structure_path, structure):
    holidays = []
    for item in structure.get("bank_holidays") or []:
        if not isinstance(item, dict) or not isinstance(item.get("date"), datetime.date):
            raise ContentError(structure_path, "each bank holiday needs a date and a name")
        holidays.append((item["date"], str(require(structure_path, item, "name"))))
    return holidays


def check_holiday_names(folder, bank_holidays, texts):
    """Each text/<lang>.yml may translate bank holidays by their English name (they repeat
    every year); a name that is not one of locality.yml's is a typo, and is refused."""
    english = {name for _day, name in bank_holidays}
    for language, text in texts.items():
        path = folder / "text" / f"{language}.yml"
        names = text.get("bank_holidays") or {}
        if not isinstance(names, dict):
            raise ContentError(path, "'bank_holidays' must map English names to translations")
        for name in names:
            if name not in english:
                raise ContentError(path, f"bank holiday '{name}' is not in locality.yml")


def save_organisations(organisations, bank_holidays, topics, statuses, *, holiday_names=None):
    """Create or update every organisation, its hours and its languages. Returns them by slug.

    ``holiday_names`` maps a language to {English bank holiday name: name in that language}.
    """
    holiday_names = holiday_names or {}
    saved = {}
    language_cache = {code: SpokenLanguage.for_code(code) for code in languages()}
    for data in organisations.values():
        organisation = Organisation.objects.filter(slug=data.slug).first() or Organisation(
            slug=data.slug
        )
        for name, value in data.fields.items():
            setattr(organisation, name, value)
        for language in languages():
            text = data.texts.get(language, {})
            for name in Organisation.text_fields:
                setattr(organisation, f"{name}_{language}", text.get(name, ""))
        organisation.translation_states = dict(data.states)
        organisation.full_clean(exclude=["topics", "statuses", "languages", "phone"])
        organisation.save()
        organisation.topics.set([topics[slug] for slug in data.topics])
        organisation.statuses.set([statuses[slug] for slug in data.statuses])
        for code in data.languages:
            if code not in language_cache:
                language_cache[code] = SpokenLanguage.for_code(code)
        organisation.languages.set([language_cache[code] for code in data.languages])
        organisation.opening_periods.all().delete()
        OpeningPeriod.objects.bulk_create(
            OpeningPeriod(organisation=organisation, weekday=weekday, opens=opens, closes=closes)
            for weekday, opens, closes in data.periods
        )
        organisation.closures.all().delete()
        Closure.objects.bulk_create(
            Closure(
                organisation=organisation,
                date=day,
                opens=opens,
                closes=closes,
                **{source_field("note"): note},
            )
            for day, opens, closes, note in data.closures
        )
        saved[data.slug] = organisation
    BankHoliday.objects.exclude(date__in=[day for day, _name in bank_holidays]).delete()
    for day, name in bank_holidays:
        names = {
            f"name_{language}": str((holiday_names.get(language) or {}).get(name, ""))
            for language in languages()
        }
        names[source_field("name")] = name
        BankHoliday.objects.update_or_create(date=day, defaults=names)
    return saved
