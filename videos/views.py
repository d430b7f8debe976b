"""Welcome videos: the reader's own first, every other one a tap away, words readable as text."""

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.breadcrumbs import Crumb
from portal.cache import cache_public_page
from portal.http import same_origin
from portal.languages import LANGUAGE_CODES

from . import signals
from .models import WelcomeVideo


@cache_public_page
def video_list(request):
    videos = list(WelcomeVideo.objects.published())
    language = get_language()
    videos.sort(key=lambda video: (video.language != language, video.order, video.language))
    return render(
        request,
        "videos/video_list.html",
        {"videos": videos, "crumbs": [Crumb(_("Welcome videos"))]},
    )


@cache_public_page
def video_detail(request, video_language):
    video = WelcomeVideo.objects.for_language(video_language)
    if video is None:
        video = get_object_or_404(WelcomeVideo.objects.published(), language=video_language)
    others = WelcomeVideo.objects.published().exclude(pk=video.pk)
    return render(
        request,
        "videos/video_detail.html",
        {
            "video": video,
            "others": others,
            "crumbs": [Crumb(_("Welcome videos"), "../"), Crumb(video.get_language_display())],
        },
    )


@csrf_exempt
@require_POST
def video_played(request, video_language):
    """The player's first 'play' (sent by js/video.js with no cookies), announced for insights."""
    if video_language not in LANGUAGE_CODES or not same_origin(request):
        return HttpResponseForbidden()
    signals.video_played.send(sender=video_played, request=request, language=video_language)
    return HttpResponse(status=204)
