"""The site shell: the front door, the home page, language choice and the health check."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from directory.models import Organisation
from orientation import shared
from portal.breadcrumbs import Crumb
from portal.cache import cache_public_page
from portal.languages import LANGUAGE_CODES, language_from_request, path_in_language
from portal.translation import SOURCE_LANGUAGE
from videos.models import WelcomeVideo

from . import errors


@never_cache
def root_redirect(request):
    """`/` sends readers to their language: the cookie, then the browser's wish, then English."""
    language = language_from_request(request)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@cache_public_page
def home(request):
    return render(
        request,
        "welcome/home.html",
        {
            "topics": shared.topics(),
            "statuses": shared.statuses(),
            "key_agencies": Organisation.objects.listed().filter(key_agency=True),
            **_welcome_videos(),
        },
    )


def _welcome_videos():
    """The reader's own language first; English, then any, where there is none yet."""
    videos = list(WelcomeVideo.objects.published().select_related("interpreting_page"))
    language = get_language()
    preference = {language: 0, SOURCE_LANGUAGE: 1}
    videos.sort(key=lambda video: (preference.get(video.language, 2), video.order))
    return {"welcome_video": videos[0] if videos else None, "other_videos": videos[1:]}


def choose_language(request, language):
    """Remember the reader's choice (the only cookie a visitor gets) and show the same page."""
    if language not in LANGUAGE_CODES:
        language = SOURCE_LANGUAGE
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not next_url.startswith("/"):
        next_url = f"/{language}/"
    response = HttpResponseRedirect(path_in_language(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    return response


@cache_public_page
def privacy(request):
    return render(
        request,
        "welcome/privacy.html",
        {
            "contact_email": settings.PORTAL_CONTACT_EMAIL,
            "small_number": settings.INSIGHTS_SMALL_NUMBER,
            "crumbs": [Crumb(_("Privacy"))],
        },
    )


@never_cache
def healthz(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - any failure is the answer here
        checks["database"] = f"error: {error.__class__.__name__}"
    try:
        cache.set("healthz", "ok", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "error: not stored"
    except Exception as error:  # noqa: BLE001
        checks["cache"] = f"error: {error.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the database: see welcome.errors.
    return errors.server_error(request)
