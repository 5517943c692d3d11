"""/api/v1/measures: the priority plan, in the same shape as `tsunagari measures export`."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router

from tsunagari.measures.exports import measure_dict
from tsunagari.measures.models import Plan
from tsunagari.measures.queries import latest_review, primary_heading, views_of

router = Router(tags=["measures"])


def _plan(code: str) -> Plan:
    plan = Plan.objects.filter(code=code).first()
    if plan is None:
        raise Http404("no such plan")
    return plan


@router.get("", summary="Measures of a plan, filtered")
def list_measures(
    request: HttpRequest,
    plan: str = "2024",
    ministry: str | None = None,
    pillar: int | None = None,
    status: str | None = None,
    q: str | None = None,
) -> dict[str, Any]:
    views = views_of(_plan(plan))
    if ministry:
        views = [
            v
            for v in views
            if any(m.code == ministry or m.name == ministry for m in v.measure.ministries.all())
        ]
    if pillar:
        views = [v for v in views if v.heading and v.heading.pillar.number == pillar]
    if status:
        views = [v for v in views if v.review and v.review.status == status]
    if q:
        views = [v for v in views if q in v.measure.name or q in v.measure.overview]
    return {"count": len(views), "measures": [measure_dict(v) for v in views]}


@router.get("/{number}", summary="One measure of a plan")
def get_measure(request: HttpRequest, number: int, plan: str = "2024") -> dict[str, Any]:
    for view in views_of(_plan(plan)):
        if view.measure.number == number:
            data = measure_dict(view)
            review = latest_review(view.measure)
            heading = primary_heading(view.measure)
            data["status"] = review.status if review else None
            data["pillar_number"] = heading.pillar.number if heading else None
            return data
    raise Http404("no such measure")
