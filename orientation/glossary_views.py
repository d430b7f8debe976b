"""The public glossary: every published term on one page, in the reader's language."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.cache import cache_public_page

from .glossary import GlossaryTerm


@cache_public_page
def glossary(request):
    terms = GlossaryTerm.objects.published().select_related("page")
    # A link to a page the public cannot see would be a dead end.
    for term in terms:
        if term.page is not None and term.page.state != term.page.State.PUBLISHED:
            term.page = None
    return render(
        request,
        "orientation/glossary.html",
        {"terms": terms, "crumbs": [{"label": _("Glossary"), "url": ""}]},
    )
