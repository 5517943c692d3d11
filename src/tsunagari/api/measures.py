"""/api/v1/measures: the priority plan, in the same shape as `tsunagari measures export`."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from tsunagari.api.errors import INVALID, NOT_FOUND, NulFree, invalid_param
from tsunagari.measures.exports import measure_dict
from tsunagari.measures.models import Ministry, Pillar, Plan, Status
from tsunagari.measures.queries import latest_review, primary_heading, views_of

router = Router(tags=["measures"])
MAX_PAGE = 200


class MeasureFilters(Schema):
    plan: NulFree = Field(
        "", max_length=10, description="The plan's code (2023, 2024); empty: the plan in force"
    )
    ministry: NulFree = Field(
        "", max_length=40, description="A ministry's code (mhlw) or name (厚生労働省)"
    )
    pillar: int | None = Field(None, ge=1, le=99, description="基本方針 number, 1–4")
    status: str = Field(
        "",
        description="Achievement status: " + ", ".join(Status.values),
        json_schema_extra={"enum": ["", *Status.values]},  # checked in _checked, naming it
    )
    q: str = Field("", max_length=200, description="Words in the name or overview")
    limit: int = Field(50, ge=1, le=MAX_PAGE, description="Measures in this answer")
    offset: int = Field(0, ge=0, le=10_000, description="Measures skipped before them")


def _plan(code: str) -> Plan:
    plan = Plan.objects.filter(code=code).first() if code else Plan.objects.current()
    if plan is None:
        known = ", ".join(Plan.objects.values_list("code", flat=True)) or "none loaded"
        raise invalid_param("plan", f"unknown plan {code!r}; known: {known}")
    return plan


def _checked(filters: MeasureFilters) -> Plan:
    """Raises a 422 naming the parameter that means nothing in this register."""
    plan = _plan(filters.plan)
    named = Q(code=filters.ministry) | Q(name=filters.ministry)
    if filters.ministry and not Ministry.objects.filter(named).exists():
        raise invalid_param("ministry", f"unknown ministry {filters.ministry!r}")
    if filters.pillar is not None:
        pillars = sorted(Pillar.objects.filter(plan=plan).values_list("number", flat=True))
        if filters.pillar not in pillars:
            raise invalid_param("pillar", f"plan {plan.code} has pillars {pillars}")
    if filters.status and filters.status not in Status.values:
        raise invalid_param("status", f"unknown status; known: {', '.join(Status.values)}")
    return plan


@router.get(
    "",
    response={200: dict[str, Any], **INVALID},
    summary="Measures of a plan, filtered, a page at a time (count is all that match)",
)
def list_measures(request: HttpRequest, filters: Query[MeasureFilters]) -> dict[str, Any]:
    views = views_of(_checked(filters))
    ministry, pillar, status, q = filters.ministry, filters.pillar, filters.status, filters.q
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
    page = views[filters.offset : filters.offset + filters.limit]
    return {
        "count": len(views),
        "limit": filters.limit,
        "offset": filters.offset,
        "measures": [measure_dict(v) for v in page],
    }


@router.get(
    "/{number}",
    response={200: dict[str, Any], **NOT_FOUND, **INVALID},
    summary="One measure of a plan",
)
def get_measure(request: HttpRequest, number: int, plan: NulFree = "") -> dict[str, Any]:
    chosen = _plan(plan)
    for view in views_of(chosen):
        if view.measure.number == number:
            data = measure_dict(view)
            review = latest_review(view.measure)
            heading = primary_heading(view.measure)
            data["status"] = review.status if review else None
            data["pillar_number"] = heading.pillar.number if heading else None
            return data
    raise HttpError(404, f"no measure {number} in plan {chosen.code}")
