"""Public, read-only pages of the plan for citizens (no login)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tsunagari.measures.models import Ministry, Plan, Status
from tsunagari.measures.queries import latest_review, measures_of, primary_heading, views_of


def current_plan() -> Plan:
    plan = Plan.objects.current()
    if plan is None:
        raise Http404("the plan has not been loaded")
    return plan


def index(request: HttpRequest) -> HttpResponse:
    """The plan by pillar and heading; also the search (?q=, ministry, status)."""
    plan = current_plan()
    query = request.GET.get("q", "").strip()[:100]
    ministry = request.GET.get("ministry", "")
    status = request.GET.get("status", "")
    views = views_of(plan)
    if query:
        hits = set(
            measures_of(plan)
            .filter(
                Q(name__icontains=query) | Q(overview__icontains=query) | Q(target__icontains=query)
            )
            .values_list("pk", flat=True)
        )
        views = [v for v in views if v.measure.pk in hits]
    if ministry:
        views = [v for v in views if any(m.code == ministry for m in v.measure.ministries.all())]
    if status:
        views = [v for v in views if v.review and v.review.status == status]
    groups: dict[int, dict[str, object]] = {}
    for view in views:
        heading = view.heading
        if heading is None:
            continue
        pillar = groups.setdefault(
            heading.pillar.number, {"pillar": heading.pillar, "headings": {}}
        )
        headings = pillar["headings"]
        assert isinstance(headings, dict)
        headings.setdefault(heading.number, {"heading": heading, "views": []})["views"].append(view)
    return render(
        request,
        "measures/index.html",
        {
            "plan": plan,
            "groups": groups.values(),
            "count": len(views),
            "query": query,
            "ministries": Ministry.objects.all(),
            "statuses": Status.choices,
            "ministry": ministry,
            "status": status,
            "filtered": bool(query or ministry or status),
        },
    )


def measure(request: HttpRequest, number: int) -> HttpResponse:
    plan = current_plan()
    found = measures_of(plan).filter(number=number, page=None).first()
    if found is None:
        raise Http404("no such measure")
    return render(
        request,
        "measures/measure.html",
        {
            "plan": plan,
            "measure": found,
            "heading": primary_heading(found),
            "review": latest_review(found),
            "predecessors": found.predecessors.all(),
            "ministries": found.ordered_ministries(),
        },
    )
