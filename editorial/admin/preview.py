"""Staff previews of public templates: a page or directory entry as readers would see it, in
one language, never cached or indexed; with a waiting change, as publishing would make it."""

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import translation


class _Rollback(Exception):
    pass


def staff_preview(language, render, change=None):
    """``render()`` in ``language``. ``change()``, if given, is applied first, inside a
    transaction that is always rolled back: the preview changes nothing on the site."""
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        raise Http404
    response = None
    try:
        with transaction.atomic():
            if change is not None:
                change()
            with translation.override(language):
                response = render()
            raise _Rollback
    except _Rollback:
        pass
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
