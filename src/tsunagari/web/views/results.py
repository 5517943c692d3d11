"""Search results: a plain GET form, result cards, pagination, and crisis lines first."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.directory.area_names import place_name
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.finder import Found, crisis_in, find
from tsunagari.search.engine import Filters, Results, stored_cards
from tsunagari.web.catalogue import CRISIS_NEEDS
from tsunagari.web.forms import SearchForm
from tsunagari.web.hours_text import format_date
from tsunagari.web.presenters import ServiceCard, face_of, service_card
from tsunagari.web.search_fields import field_labels
from tsunagari.web.views.exit import asked_before_leaving, gone, private

PAGE_SIZE = 20
FILTERS = ("need", "audience", "method", "language", "area", "open_now")


def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {
        "form": form,
        "searched": False,
        # The children's form has only its text box; the filters chosen by a topic stay.
        "kept_criteria": [(n, v) for n in FILTERS for v in request.GET.getlist(n)],
    }
    if form.is_bound:
        form.is_valid()  # invalid fields are reported and left out; the rest still searches
        criteria = form.cleaned_data
        if asked_before_leaving(request, criteria.get("at")):
            return gone(request)
        crisis = False
        if form.has_criteria:
            found, more = _search(request, criteria)
            context.update(more)
            crisis = found.crisis
            context["crisis_needs"] = found.understood.needs
        elif criteria.get("q"):
            crisis = crisis_in(criteria["q"])
        context["crisis_first"] = crisis or criteria.get("need") in CRISIS_NEEDS
    return private(render(request, "web/results.html", context))


def _search(request: HttpRequest, criteria: dict[str, Any]) -> tuple[Found, dict[str, Any]]:
    """The same route as /api/v1/services (`finder.find`), cards from the index."""
    page = criteria.get("page") or 1
    filters = _filters(criteria)
    if request.GET.get("kids") == "1" and not filters.audiences:
        filters = replace(filters, audiences=("child",))  # a child's search: children's windows
    answer = find(criteria.get("q", ""), filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    found = answer.results
    pages = max(1, -(-found.total // PAGE_SIZE))
    return answer, {
        "searched": True,
        "results": found,
        "understood": _understood(answer),
        "general": answer.general,
        "expanded": _expansions(found),
        "cards": _cards(found, kids=request.GET.get("kids") == "1"),
        "page_number": page,
        "pages": pages,
        "previous_url": _page_url(request.GET, page - 1) if page > 1 else "",
        "next_url": _page_url(request.GET, page + 1) if page < pages else "",
        "first_shown": (page - 1) * PAGE_SIZE + 1,
        "last_shown": min(page * PAGE_SIZE, found.total),
        "checked_on": format_date(timezone.localdate()),
    }


def _filters(criteria: dict[str, Any]) -> Filters:
    def one(name: str) -> tuple[str, ...]:
        value = criteria.get(name)
        return (value,) if value else ()

    return Filters(
        needs=one("need"),
        audiences=one("audience"),
        methods=one("method"),
        languages=one("language"),
        place=criteria.get("area"),
        open_now=bool(criteria.get("open_now")),
    )


def _cards(found: Results, kids: bool = False) -> list[ServiceCard]:
    """Faces kept from earlier pages (the index's card names the version), the moment's
    badge and the matched words drawn now."""
    language = get_language() or "ja"
    now = timezone.now()
    today = timezone.localdate(now)
    stored = stored_cards([hit.service_id for hit in found.hits])
    return [
        service_card(
            face_of(stored[hit.service_id], language, kids),
            now,
            today,
            matched=tuple(hit.matched),
            matched_fields=field_labels(hit.fields),
        )
        for hit in found.hits
        if hit.service_id in stored
    ]


def _understood(answer: Found) -> str:
    """死別・遺族（浜松市）: what the words were read as, when that widened the answer."""
    if not answer.widened:
        return ""
    language = get_language() or "ja"
    needs = load_taxonomy().needs
    labels = [needs[c].label(language) for c in answer.understood.needs if c in needs]
    place = answer.understood.place
    text = "・".join(labels)
    return f"{text}（{place_name(place, language)}）" if place else text


def _expansions(found: Results, shown: int = 4) -> list[str]:
    """いじめ（イジメ・虐め・bullying）: what each word was also searched as."""
    return [
        _("%(text)s（%(note)s）") % {"text": term, "note": "・".join(synonyms[:shown])}
        for term, synonyms in found.expanded.items()
        if synonyms
    ]


def _page_url(query: QueryDict, page: int) -> str:
    params = query.copy()
    params["page"] = str(page)
    return "?" + params.urlencode()
