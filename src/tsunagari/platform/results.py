"""The plan's results in public: the national survey's estimates an analyst approved, and
every measure's indicators against their targets.

Survey years become public only through `approve_year` (an analyst who did not upload
the year); the public page, the API and the charts read `public_years()` only. The survey
is measure 1 of the 2024 plan (孤独・孤立の実態把握, seed 001): its estimates are the
plan's headline figures on loneliness.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from tsunagari.measures.models import Indicator, Observation, Plan
from tsunagari.platform.models import SurveyApproval
from tsunagari.staff import access
from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Permission
from tsunagari.surveys.instruments import INDICATORS_BY_KEY
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.results import Cell

SURVEY_MEASURE = 1  # 孤独・孤立の実態把握
BREAKDOWNS = ("age_group", "sex")


class SelfApproval(PermissionDenied):
    """The analyst who uploaded a year may not approve it."""


def public_years() -> list[SurveyYear]:
    """Approved years, oldest first; real years only when any is approved, else the
    approved synthetic ones (labelled so everywhere)."""
    approved = list(SurveyYear.objects.filter(approval__isnull=False).order_by("year"))
    real = [y for y in approved if not y.synthetic]
    return real or approved


@transaction.atomic
def approve_year(survey_year: SurveyYear, user: Any) -> SurveyApproval:
    access.require(user, Permission.PUBLISH_SURVEYS)
    if survey_year.uploaded_by_id is not None and survey_year.uploaded_by_id == user.pk:
        raise SelfApproval("a year is approved by an analyst who did not upload it")
    approval, _created = SurveyApproval.objects.get_or_create(
        survey_year=survey_year, defaults={"approved_by": user}
    )
    log_action(
        user, "platform.surveyapproval.approved", approval, body=Body.objects.cabinet_office()
    )
    return approval


@transaction.atomic
def withdraw_year(survey_year: SurveyYear, user: Any) -> None:
    access.require(user, Permission.PUBLISH_SURVEYS)
    approval = SurveyApproval.objects.filter(survey_year=survey_year).first()
    if approval is None:
        return
    log_action(
        user,
        "platform.surveyapproval.withdrawn",
        approval,
        body=Body.objects.cabinet_office(),
        before=snapshot(approval),
        after={},
    )
    approval.delete()


@dataclass(frozen=True)
class EstimateRow:
    year: int
    synthetic: bool
    indicator: str
    breakdown: str  # "" for everyone
    level: str
    cell: Cell

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "synthetic": self.synthetic,
            "indicator": self.indicator,
            "breakdown": self.breakdown,
            "level": self.level,
            **self.cell.to_json(),
        }


def estimate_rows(years: list[SurveyYear] | None = None) -> list[EstimateRow]:
    """Overall and by age group and sex, for every public year."""
    rows = []
    for year in public_years() if years is None else years:
        for row in year.results.rows():
            if row.breakdown in ("", *BREAKDOWNS) and row.indicator in INDICATORS_BY_KEY:
                rows.append(
                    EstimateRow(
                        year.year, year.synthetic, row.indicator, row.breakdown, row.level, row.cell
                    )
                )
    return rows


@dataclass(frozen=True)
class IndicatorResult:
    measure_number: int | None
    measure_name: str
    indicator: Indicator
    latest: Observation | None

    @property
    def share_of_target(self) -> float | None:
        """How far the latest value has come toward the target (increase: value/target)."""
        target, latest = self.indicator.target_value, self.latest
        if target is None or latest is None or target == 0:
            return None
        if self.indicator.direction == "decrease":
            return float(target / latest.value) if latest.value else 1.0
        return float(latest.value / target)

    def to_json(self) -> dict[str, Any]:
        i, o = self.indicator, self.latest
        return {
            "measure": self.measure_number,
            "measure_name": self.measure_name,
            "indicator": i.name,
            "unit": i.unit,
            "direction": i.direction,
            "baseline": _number(i.baseline_value),
            "baseline_year": i.baseline_year,
            "target": _number(i.target_value),
            "target_year": i.target_year,
            "latest": _number(o.value) if o else None,
            "latest_year": o.fiscal_year if o else None,
            "achievement": o.achievement if o else None,
        }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def indicator_results(plan: Plan | None = None) -> list[IndicatorResult]:
    plan = plan or Plan.objects.current()
    if plan is None:
        return []
    indicators = (
        Indicator.objects.filter(measure__plan=plan)
        .select_related("measure")
        .prefetch_related("observations")
        .order_by("measure__number", "order")
    )
    results = []
    for indicator in indicators:
        observations = sorted(indicator.observations.all(), key=lambda o: o.fiscal_year)
        results.append(
            IndicatorResult(
                indicator.measure.number,
                indicator.measure.name,
                indicator,
                observations[-1] if observations else None,
            )
        )
    return results
