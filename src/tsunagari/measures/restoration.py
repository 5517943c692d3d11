"""The damaged fields of the plan (measures.damage) as editors restore them: what is
damaged, for whom, and where to write the whole text (the normal report and review)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from tsunagari.measures import access, damage
from tsunagari.measures.damage import FIELD_LABELS
from tsunagari.measures.models import Measure, Plan, Review
from tsunagari.staff import access as staff_access


@dataclass(frozen=True)
class DamagedField:
    measure: Measure
    field: str
    text: str
    reasons: list[str]  # labels, in the page's language
    fiscal_year: int | None  # the review's year; None for the measure's own texts

    @property
    def label(self) -> str:
        return str(FIELD_LABELS[self.field])

    @property
    def edit_url(self) -> str:
        """The report form of the year to restore it in: the review's own year, or the
        year open for reports for the measure's texts."""
        url = reverse("measures:edit", args=[self.measure.number])
        year = self.fiscal_year or self.measure.plan.reporting_year
        return f"{url}?year={year}"


def damaged_fields(measure: Measure, review: Review | None) -> list[DamagedField]:
    """The damaged fields of one measure and of one of its yearly reviews."""
    found = _of_measure(measure)
    if review is not None:
        found += _of_review(measure, review)
    return found


def _of_measure(measure: Measure) -> list[DamagedField]:
    return [
        DamagedField(measure, name, getattr(measure, name), damage.labels(codes), None)
        for name, codes in measure.damaged.items()
    ]


def _of_review(measure: Measure, review: Review) -> list[DamagedField]:
    return [
        DamagedField(measure, name, getattr(review, name), damage.labels(codes), review.fiscal_year)
        for name, codes in review.damaged.items()
    ]


def for_user(user: Any, plan: Plan) -> list[DamagedField]:
    """Every damaged field of the plan's measures that the user may restore: those of their
    ministries for an editor, all of them for a reviewer (who sees what is outstanding)."""
    measures = (
        Measure.objects.filter(plan=plan, page=None)
        .select_related("plan")
        .prefetch_related("reviews")
        .order_by("number")
    )
    if not access.can_review(user):
        bodies = [b.pk for b in staff_access.bodies_where(user, access.REPORT)]
        measures = measures.filter(ministries__body__in=bodies).distinct()
    found: list[DamagedField] = []
    for measure in measures:
        found += _of_measure(measure)
        for review in measure.reviews.all():
            found += _of_review(measure, review)
    return found
