"""Feedback on pages, and the one door to other sites that lets us count links followed."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited

from directory.models import Organisation
from orientation.models import OrientationPage, SourceLink
from portal.http import client_rate_key, same_origin

from .counting import count
from .forms import CommentForm, HelpfulForm
from .models import Metric, PageFeedback

logger = logging.getLogger(__name__)
TOKEN_SALT = "insights.feedback"  # noqa: S105 - a signing namespace, not a secret
TOKEN_MAX_AGE = 60 * 60  # an hour to add a comment after answering
FEEDBACK_RATE = "10/h"


def _limited(request):
    # django-ratelimit keeps a short-lived counter in the cache under a hash of the client's
    # address (not REMOTE_ADDR, which behind nginx is one address for everyone).
    return is_ratelimited(
        request, group="insights.feedback", key=client_rate_key, rate=FEEDBACK_RATE, increment=True
    )


@csrf_exempt
@require_POST
def feedback(request, slug):
    page = get_object_or_404(OrientationPage.objects.published(), slug=slug)
    if not same_origin(request):
        return HttpResponseForbidden()
    comment_step = "token" in request.POST
    form = (CommentForm if comment_step else HelpfulForm)(request.POST)
    if form.is_robot:
        return render(request, "insights/feedback_thanks.html", {"page": page})
    if _limited(request):
        return render(request, "insights/feedback_limited.html", {"page": page}, status=429)
    if not form.is_valid():
        return render(
            request, "insights/feedback_form.html", {"page": page, "form": form}, status=400
        )
    if comment_step:
        try:
            feedback_id = signing.loads(
                form.cleaned_data["token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE
            )
        except signing.BadSignature:
            return HttpResponseBadRequest()
        PageFeedback.objects.filter(pk=feedback_id, page=page, comment="").update(
            comment=form.cleaned_data["comment"]
        )
        return render(request, "insights/feedback_thanks.html", {"page": page, "done": True})
    answer = PageFeedback.objects.create(
        page=page, language=get_language(), helpful=form.cleaned_data["helpful"]
    )
    count(Metric.FEEDBACK, "yes" if answer.helpful else "no")
    token = signing.dumps(answer.pk, salt=TOKEN_SALT)
    return render(
        request,
        "insights/feedback_thanks.html",
        {"page": page, "comment_form": CommentForm(initial={"token": token}), "answer": answer},
    )


def is_published_link(url):
    """True for an address that appears in published content; anything else is refused."""
    escaped = url.replace("&", "&amp;").replace('"', "&quot;")
    in_a_body = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        in_a_body |= Q(**{f"body_html_{code}__contains": f'href="{escaped}"'})
    return (
        SourceLink.objects.filter(url=url, page__state=OrientationPage.State.PUBLISHED).exists()
        or Organisation.objects.listed().filter(website=url).exists()
        or OrientationPage.objects.published().filter(in_a_body).exists()
    )


@require_GET
def outbound(request):
    """Count a link followed to another site, then go there. Never an open redirect."""
    url = request.GET.get("to", "")
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.netloc or not is_published_link(url):
        return HttpResponseBadRequest("Unknown link.")
    count(Metric.OUTBOUND, parts.hostname or "")
    response = HttpResponseRedirect(url)
    response["Referrer-Policy"] = "no-referrer"
    return response
