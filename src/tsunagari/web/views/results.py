"""Search results: a plain GET form, result cards, pagination, and crisis lines first."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.directory.models import Service
from tsunagari.navigator.crisis import detect
from tsunagari.search.engine import Filters, Results, search
from tsunagari.web.catalogue import CRISIS_NEEDS
from tsunagari.web.forms import SearchForm
from tsunagari.web.hours_text import format_date
from tsunagari.web.presenters import ServiceCard, service_card
from tsunagari.web.search_fields import field_labels

PAGE_SIZE = 20


def query_is_crisis(text: str) -> bool:
    """A life may be in danger, or the detector could not tell: the lines come first."""
    found = detect(text)
    return found.crisis or found.error


def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "searched": False}
    if form.is_bound:
        form.is_valid()  # invalid fields are reported and left out; the rest still searches
        criteria = form.cleaned_data
        if form.has_criteria:
            context.update(_search(request, criteria))
        context["crisis_first"] = bool(
            criteria.get("need") in CRISIS_NEEDS or query_is_crisis(criteria.get("q", ""))
        )
    return render(request, "web/results.html", context)


def _search(request: HttpRequest, criteria: dict[str, Any]) -> dict[str, Any]:
    page = criteria.get("page") or 1
    found = search(
        criteria.get("q", ""),
        _filters(criteria),
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    pages = max(1, -(-found.total // PAGE_SIZE))
    return {
        "searched": True,
        "results": found,
        "expanded": _expansions(found),
        "cards": _cards(found),
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


def _cards(found: Results) -> list[ServiceCard]:
    language = get_language() or "ja"
    now = timezone.now()
    slugs = [hit.slug for hit in found.hits]
    services = {s.slug: s for s in Service.objects.filter(slug__in=slugs).with_details()}
    return [
        service_card(
            services[hit.slug],
            language,
            now,
            matched=tuple(hit.matched),
            matched_fields=field_labels(hit.fields),
        )
        for hit in found.hits
        if hit.slug in services
    ]


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
