"""Phone numbers: stored in E.164, dialled from any phone, shown as people write them."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalise_phone(value, region=None):
    """'0121 303 1111' -> '+441213031111'. Raises ValidationError for a number that cannot exist."""
    value = (value or "").strip()
    if not value:
        return ""
    region = region or settings.PORTAL_PHONE_REGION
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(_("Enter a phone number, for example 0121 303 1111.")) from error
    if not (phonenumbers.is_valid_number(number) or _is_short_code(value)):
        raise ValidationError(_("This is not a valid phone number."))
    if _is_short_code(value):
        return value.replace(" ", "")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164, region=None):
    """How a reader in the locality would write it: '+441213031111' -> '0121 303 1111'."""
    if not e164 or not e164.startswith("+"):
        return e164 or ""
    region = region or settings.PORTAL_PHONE_REGION
    number = phonenumbers.parse(e164, region)
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _is_short_code(value):
    digits = value.replace(" ", "")
    return digits.isdigit() and len(digits) <= 6
