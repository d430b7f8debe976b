"""What every public template needs: the locality, the emergency numbers and the languages."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_bidi

from orientation.models import EmergencyContact, Locality
from portal.cache import current_generation, shared_content
from portal.languages import PORTAL_LANGUAGES, path_in_language
from portal.translation import SOURCE_LANGUAGE


def _emergency_contacts():
    return list(EmergencyContact.objects.all())


def portal(request):
    language = get_language()
    path = request.path
    # Changing language keeps the search words and filters (pages with a query string are never
    # served from the page cache, so this is safe); hreflang alternates stay bare paths.
    query = request.META.get("QUERY_STRING", "")
    query = f"?{query}" if query else ""
    return {
        # Both are on every page and change only when an editor saves: kept per worker.
        "locality": SimpleLazyObject(lambda: shared_content("locality", Locality.current)),
        "emergency_contacts": SimpleLazyObject(
            lambda: shared_content("emergency_contacts", _emergency_contacts)
        ),
        # The key of base.html's cached fragments: a saved edit makes them new at once.
        "content_generation": SimpleLazyObject(current_generation),
        "portal_languages": [
            {
                "code": portal_language.code,
                "name": portal_language.native_name,
                "bidi": portal_language.bidi,
                "path": path_in_language(path, portal_language.code),
                "switch_path": path_in_language(path, portal_language.code) + query,
                "current": portal_language.code == language,
            }
            for portal_language in PORTAL_LANGUAGES
        ],
        "english_path": path_in_language(path, SOURCE_LANGUAGE),
        "language_direction": "rtl" if get_language_bidi() else "ltr",
        "default_language": SOURCE_LANGUAGE,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
