"""Browsing without typing: by need (困りごと) and by life stage (ライフステージ)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from tsunagari.directory.listing import Listing
from tsunagari.directory.models import Service, ServiceQuerySet
from tsunagari.web.catalogue import CRISIS_NEEDS, NEED_GROUPS, group_of, life_stage, need_term
from tsunagari.web.presenters import card_face, service_card

PAGE_SIZE = 20


def needs(request: HttpRequest) -> HttpResponse:
    return render(request, "web/needs.html", {"need_groups": NEED_GROUPS})


def need(request: HttpRequest, code: str) -> HttpResponse:
    term = need_term(code)
    if term is None:
        raise Http404(code)
    services = Service.objects.listed().filter(terms__taxonomy="needs", terms__code=code)
    page = _page(request, services)
    context = {
        "term_name": term.label(get_language() or "ja"),
        "code": code,
        "group": group_of(code),
        "page": page,
        "cards": _cards(request, page),
        "crisis_first": code in CRISIS_NEEDS,
    }
    return render(request, "web/need.html", context)


def stage(request: HttpRequest, code: str) -> HttpResponse:
    found = life_stage(code)
    if found is None:
        raise Http404(code)
    services = Service.objects.listed().filter(terms__taxonomy="needs", terms__code__in=found.needs)
    if found.audiences:
        audience_ids = Service.objects.filter(
            terms__taxonomy="audiences", terms__code__in=found.audiences
        ).values("id")
        services = services.filter(id__in=audience_ids)
    page = _page(request, services)
    language = get_language() or "ja"
    context = {
        "stage": found,
        "terms": [(t.code, t.label(language)) for t in found.terms()],
        "page": page,
        "cards": _cards(request, page),
    }
    return render(request, "web/stage.html", context)


def _page(request: HttpRequest, services: ServiceQuerySet) -> Page[Service]:
    # Crisis lines first, then national lines, then the kinds of local office.
    ordered = services.distinct().order_by("-crisis_line", "-scope", "slug").with_details()
    return Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))


def _cards(request: HttpRequest, page: Page[Service]) -> list[object]:
    language = get_language() or "ja"
    kids = request.GET.get("kids") == "1"
    now = timezone.now()
    today = timezone.localdate(now)
    return [
        service_card(card_face(Listing.of(s), language, kids), now, today) for s in page.object_list
    ]
