"""Who may do what in the PDCA register, in the terms of the staff layer: ministry editors
report on their own ministries' measures; Cabinet Office reviewers approve or return."""

from __future__ import annotations

from typing import Any

from tsunagari.measures.models import Measure
from tsunagari.staff import access
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Permission

REPORT = Permission.REPORT_MEASURES
REVIEW = Permission.REVIEW_MEASURES
VIEW = Permission.VIEW_PLAN_RECORDS


def reporting_body(user: Any, measure: Measure) -> Body | None:
    """The ministry the user reports for on this measure, if any of its ministries is one
    where they are an editor."""
    held = {body.pk for body in access.bodies_where(user, REPORT)}
    return next((body for body in measure.bodies() if body.pk in held), None)


def can_report(user: Any, measure: Measure) -> bool:
    return reporting_body(user, measure) is not None


def can_review(user: Any) -> bool:
    return access.can(user, REVIEW)
