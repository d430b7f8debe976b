"""The page staff get when django-axes has paused sign-in after repeated failures."""

from axes.helpers import get_cool_off
from django.template.response import TemplateResponse


def locked_out(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else 0
    return TemplateResponse(
        request, "admin/locked_out.html", {"minutes": minutes}, status=429
    ).render()
