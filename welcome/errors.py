"""The page readers see when the portal itself fails (most often: the database is down).

It must render with no database at all: the language comes from the URL, and the emergency
numbers are this worker's last copy of them (kept by the page shell, see ``shared_content``) or,
when it has none, only the locality's main emergency number (PORTAL_EMERGENCY_NUMBER).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation

from portal.cache import shared_content
from portal.translation import SOURCE_LANGUAGE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    label: str


def _no_database():
    raise DatabaseError("not asked: rendering the error page")


def emergency_numbers():
    try:
        contacts = shared_content("emergency_contacts", _no_database)
        return [EmergencyNumber(contact.number, contact.label or "") for contact in contacts]
    except Exception:  # noqa: BLE001 - the error page must render whatever else is broken
        return []


def server_error(request):
    language = translation.get_language_from_path(request.path) or SOURCE_LANGUAGE
    with translation.override(language):
        # No context processors and no request: the database may be why we are here.
        html = loader.render_to_string(
            "500.html",
            {
                "emergency_numbers": emergency_numbers(),
                "emergency_number": settings.PORTAL_EMERGENCY_NUMBER,
            },
        )
    response = HttpResponseServerError(html)
    response["Cache-Control"] = "no-store"
    return response
