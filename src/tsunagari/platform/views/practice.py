"""The practice library in public: search with the Japanese search, and each case."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.directory.area_names import area_name
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.platform.forms import prefecture_choices, term_choices
from tsunagari.platform.models import Case, Outcome
from tsunagari.platform.practice import Filters, find_cases
from tsunagari.staff.params import BadParameter

MAX_QUERY = 200


def _choice(request: HttpRequest, name: str, allowed: list[str]) -> str:
    value = request.GET.get(name, "").strip()
    if value and value not in allowed:
        raise BadParameter(name, value, _("一覧にある値"))
    return value


def filters_from(request: HttpRequest) -> Filters:
    """?need=&audience=&prefecture=&outcome=; a value outside its list is a 400 naming it."""
    taxonomy = load_taxonomy()
    return Filters(
        need=_choice(request, "need", list(taxonomy.needs)),
        audience=_choice(request, "audience", list(taxonomy.audiences)),
        prefecture=_choice(request, "prefecture", [c for c, _l in prefecture_choices(False)]),
        outcome=_choice(request, "outcome", list(Outcome.values)),
    )


def library(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    filters = filters_from(request)
    cases = find_cases(query, filters)
    response = render(
        request,
        "platform/practice.html",
        {
            "query": query,
            "filters": filters,
            "cases": cases,
            "needs": term_choices("needs"),
            "audiences": term_choices("audiences"),
            "prefectures": prefecture_choices(False),
            "outcomes": Outcome.choices,
        },
    )
    response["Cache-Control"] = "no-store"  # the page carries what was searched
    return response


def case(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Case.objects.public().select_related("body"), pk=pk)
    language = get_language() or "ja"
    taxonomy = load_taxonomy()
    place = ""
    if found.municipality_code:
        place = area_name("municipality", found.municipality_code, language)
    elif found.prefecture_code:
        place = area_name("prefecture", found.prefecture_code, language)
    context = {
        "case": found,
        "place": place,
        "needs": [taxonomy.needs[c].label(language) for c in found.needs if c in taxonomy.needs],
        "audiences": [
            taxonomy.audiences[c].label(language)
            for c in found.audiences
            if c in taxonomy.audiences
        ],
    }
    return render(request, "platform/case.html", context)
