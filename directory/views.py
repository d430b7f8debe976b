"""Public directory views: where to go, when it is open, and a map for those who want one."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Prefetch, Q, Value, When
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from orientation.models import MigrationStatus, OrientationPage, Topic
from portal.breadcrumbs import Crumb
from portal.cache import cache_public_page
from portal.translation import SOURCE_LANGUAGE

from . import hours
from .filters import AgencyFilterForm
from .models import BankHoliday, Organisation, SpokenLanguage


def with_open_state(organisations, moment=None):
    return organisations.annotate(
        is_open=Case(
            When(hours.open_at_filter(moment), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _card_queryset():
    return Organisation.objects.listed().prefetch_related(
        Prefetch("languages", queryset=SpokenLanguage.objects.order_by("native_name"))
    )


AGENCIES_PER_PAGE = 12
GEOJSON_FEATURES_PER_PAGE = 500


# Opening state changes with the clock: these pages are cached for a minute at most.
@cache_public_page(per_minute=True)
def agency_list(request):
    form = AgencyFilterForm(request.GET or None)
    organisations = with_open_state(form.filter(_card_queryset()))
    # A page of cards at a time keeps the page light on a phone (and under the weight budget).
    page = Paginator(organisations, AGENCIES_PER_PAGE).get_page(request.GET.get("page"))
    other_filters = request.GET.copy()
    other_filters.pop("page", None)
    return render(
        request,
        "directory/agency_list.html",
        {
            "form": form,
            "organisations": page.object_list,
            "page_obj": page,
            "total": page.paginator.count,
            "filters_query": other_filters.urlencode(),
            "crumbs": [Crumb(_("Where to get help"))],
        },
    )


def agency_queryset(organisations=None):
    """Entries with everything their page shows."""
    organisations = Organisation.objects.all() if organisations is None else organisations
    return organisations.prefetch_related(
        "opening_periods",
        "closures",
        Prefetch("languages", queryset=SpokenLanguage.objects.order_by("native_name")),
        Prefetch("topics", queryset=Topic.objects.all()),
        Prefetch("statuses", queryset=MigrationStatus.objects.all()),
    )


@cache_public_page(per_minute=True)
def agency_detail(request, slug):
    organisation = get_object_or_404(agency_queryset(Organisation.objects.listed()), slug=slug)
    return render_agency(request, organisation)


def render_agency(request, organisation, *, preview=False):
    """The public entry, also used by the admin's preview of a waiting change."""
    bank_holidays = list(BankHoliday.objects.all())
    holiday_dates = {holiday.date for holiday in bank_holidays}
    # The pages it keeps and the pages that send readers to it, once each (a subquery, not a
    # join, so no page is listed twice), in the reader's language first like every page list.
    pages = (
        OrientationPage.objects.published()
        .filter(Q(organisation=organisation) | Q(pk__in=organisation.related_pages.values("pk")))
        .for_listing()
        .reader_language_first(get_language())
    )
    return render(
        request,
        "directory/agency_detail.html",
        {
            "organisation": organisation,
            "single_place": [organisation],
            "is_open": hours.is_open(organisation, bank_holidays=holiday_dates),
            "week": hours.week(organisation),
            "closures": hours.upcoming_closures(organisation, bank_holidays=bank_holidays),
            "pages": pages,
            "preview": preview,
            "crumbs": [
                Crumb(_("Where to get help"), reverse("directory:agencies")),
                Crumb(organisation.name),
            ],
        },
    )


@cache_public_page
def agencies_geojson(request):
    """Listed organisations with a place, for other sites and apps (GeoJSON, RFC 7946)."""
    # Bounded however large the region: a page of features at a time (OGC API style "next"
    # link), and only the reader's language of the long texts is read from the database.
    language = get_language()
    other_languages = [
        f"{name}_{code}"
        for name in Organisation.text_fields
        for code in settings.MODELTRANSLATION_LANGUAGES
        if code not in (language, SOURCE_LANGUAGE)
    ]
    page = Paginator(
        Organisation.objects.on_map()
        .order_by("slug")
        .defer("services", "accessibility", *other_languages)
        .prefetch_related("languages", "topics", "statuses", "opening_periods"),
        GEOJSON_FEATURES_PER_PAGE,
    ).get_page(request.GET.get("page"))
    organisations = page.object_list
    features = [
        {
            "type": "Feature",
            "id": organisation.slug,
            "geometry": {
                "type": "Point",
                "coordinates": [float(organisation.longitude), float(organisation.latitude)],
            },
            "properties": {
                "name": organisation.name,
                "description": organisation.description,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
                "address": ", ".join(organisation.address_lines),
                "phone": organisation.phone,
                "email": organisation.email,
                "website": organisation.website,
                "free": organisation.free,
                "appointment": organisation.appointment,
                "interpreting": organisation.interpreting,
                "languages": [language.code for language in organisation.languages.all()],
                "topics": [topic.slug for topic in organisation.topics.all()],
                "statuses": [status.slug for status in organisation.statuses.all()],
                "opening_hours": [
                    {
                        "day": period.weekday,
                        "opens": period.opens.strftime("%H:%M"),
                        "closes": period.closes.strftime("%H:%M"),
                    }
                    for period in organisation.opening_periods.all()
                ],
                "time_zone": settings.TIME_ZONE,
                "last_checked": organisation.last_checked.isoformat(),
            },
        }
        for organisation in organisations
    ]
    collection = {"type": "FeatureCollection", "features": features}
    if page.has_next():
        next_url = request.build_absolute_uri(f"{request.path}?page={page.next_page_number()}")
        collection["links"] = [{"rel": "next", "href": next_url, "type": "application/geo+json"}]
    response = JsonResponse(
        collection,
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
