"""The yearly edit-and-review workflow (PDCA の C・A), as named operations.

Each raises PermissionDenied when the user may not act and WorkflowError when the review
is not in a state that allows the step. History records who made each change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from tsunagari.measures import access
from tsunagari.measures.models import Indicator, Measure, Observation, Review
from tsunagari.measures.parsing.indicators import achievement_of


class WorkflowError(ValueError):
    """The step does not apply to the review's current state."""


EDITABLE = (Review.State.DRAFT, Review.State.RETURNED)


def _as(obj: Any, user: Any, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason


def open_review(measure: Measure, fiscal_year: int, user: Any) -> Review:
    """The editor's record for a fiscal year, created as a draft when missing."""
    if not access.can_edit(user, measure):
        raise PermissionDenied("not an editor of this measure's ministry")
    review = Review.objects.filter(measure=measure, fiscal_year=fiscal_year).first()
    if review is None:
        review = Review(measure=measure, fiscal_year=fiscal_year, status="undetermined")
        _as(review, user, "opened")
        review.save()
    return review


def _achievement(indicator: Indicator, year: int, value: Decimal) -> str:
    return achievement_of(
        indicator.direction,
        indicator.target_value,
        indicator.target_year,
        indicator.annual,
        year,
        value,
    )


@transaction.atomic
def submit_review(
    review: Review, user: Any, values: dict[str, Any], actuals: dict[int, Decimal | None]
) -> Review:
    """Save the editor's text and yearly actuals and send them to the Cabinet Office."""
    if not access.can_edit(user, review.measure):
        raise PermissionDenied("not an editor of this measure's ministry")
    if review.state not in EDITABLE:
        raise WorkflowError(f"a {review.state} review cannot be edited")
    for key, value in values.items():
        setattr(review, key, value)
    review.state = Review.State.SUBMITTED
    review.submitted_by = user
    _as(review, user, "submitted")
    review.save()
    indicators = {i.pk: i for i in review.measure.indicators.all()}
    for pk, value in actuals.items():
        indicator = indicators.get(pk)
        if indicator is None or value is None:
            continue
        observation = Observation.objects.filter(
            indicator=indicator, fiscal_year=review.fiscal_year
        ).first() or Observation(indicator=indicator, fiscal_year=review.fiscal_year)
        observation.value = value
        observation.achievement = _achievement(indicator, review.fiscal_year, value)
        observation.source_sentence = f"{user} ({review.fiscal_year})"
        _as(observation, user, "entered by ministry")
        observation.save()
    return review


def decide_review(review: Review, user: Any, approve: bool, comment: str) -> Review:
    """Approve, or return with a comment (a return without one is refused)."""
    if not access.can_decide(user):
        raise PermissionDenied("not a Cabinet Office reviewer")
    if review.state != Review.State.SUBMITTED:
        raise WorkflowError("only a submitted review can be decided")
    if not approve and not comment.strip():
        raise WorkflowError("a returned review needs a comment")
    review.state = Review.State.APPROVED if approve else Review.State.RETURNED
    review.reviewer_comment = comment.strip()
    review.decided_by = user
    _as(review, user, "approved" if approve else "returned")
    review.save()
    return review
