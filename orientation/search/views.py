"""The public search page: never cached (every query differs), never a dead end."""

from django import forms
from django.apps import apps
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.languages import PORTAL_LANGUAGES

from ..models import MigrationStatus, Topic
from ..signals import searched
from . import query as search_query

ADVICE_AGENCIES_SHOWN = 6
LANGUAGES = {language.code: language for language in PORTAL_LANGUAGES}


class SearchForm(forms.Form):
    """The one input of search. Anything may arrive here: it is cut, cleaned and never trusted."""

    q = forms.CharField(required=False, strip=True)

    def clean_q(self):
        text = self.cleaned_data["q"][: search_query.MAX_QUERY_LENGTH]
        # Control characters (NUL and the like) mean nothing in a search and upset databases.
        return "".join(character for character in text if character.isprintable()).strip()


def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    language = get_language()
    outcome = search_query.search(query, language)
    if outcome.terms:
        searched.send(
            sender=search,
            request=request,
            query=query,
            language=language,
            found=bool(outcome.results),
        )
    for result in outcome.results:
        result.language_info = LANGUAGES.get(result.language)
    context = {
        "query": query,
        "outcome": outcome,
        "results": outcome.results,
        "searched": bool(outcome.terms),
        "reader_language": LANGUAGES.get(language),
        "crumbs": [{"label": _("Search"), "url": ""}],
    }
    if outcome.terms and not outcome.results:
        context.update(
            topics=Topic.objects.all(),
            statuses=MigrationStatus.objects.all(),
            agencies=apps.get_model("directory", "Organisation")
            .objects.listed()
            .filter(key_agency=True)
            .only("slug", "name")[:ADVICE_AGENCIES_SHOWN],
        )
    return render(request, "orientation/search.html", context)
