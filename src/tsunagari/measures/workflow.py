"""The yearly report and its review (PDCA の C・A), as named operations.

A ministry editor submits; the entered values wait in the Submission. Approval by a
Cabinet Office reviewer who wrote no round of it copies them into the public Review and
Observations, in one transaction; a return changes nothing public. Every step goes to the
audit log with the values before and after. Each operation raises PermissionDenied when the
user may not act, SelfApproval when they would decide on their own report, and
WorkflowError when the submission is not in a state that allows the step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from tsunagari.measures import access
from tsunagari.measures.damage import MEASURE_FIELDS
from tsunagari.measures.models import Indicator, Measure, Observation, Review, Submission
from tsunagari.measures.parsing.indicators import achievement_of
from tsunagari.staff.audit import log_action, snapshot


class WorkflowError(ValueError):
    """The step does not apply to the submission's current state."""


class SelfApproval(PermissionDenied):
    """Four eyes: whoever wrote a report may not approve or return it."""


OPEN = (Submission.State.SUBMITTED, Submission.State.RETURNED)


@dataclass(frozen=True)
class Entry:
    """What the editor typed: the review's fields and the indicators' actuals."""

    values: dict[str, Any]  # achievement_text, status, policy_text, decision
    actuals: dict[int, Decimal | None]  # indicator pk → value
    restored: dict[str, str] = field(default_factory=dict)  # damaged measure text → restored


def open_submission(measure: Measure, fiscal_year: int) -> Submission | None:
    return Submission.objects.filter(
        measure=measure, fiscal_year=fiscal_year, state__in=OPEN
    ).first()


def _actuals(measure: Measure, actuals: dict[int, Decimal | None]) -> list[dict[str, Any]]:
    return [
        {
            "indicator": i.pk,
            "name": f"{i.name}（{i.unit}）" if i.unit else i.name,
            "value": str(actuals[i.pk]),
        }
        for i in measure.indicators.all()
        if actuals.get(i.pk) is not None
    ]


@transaction.atomic
def submit(measure: Measure, fiscal_year: int, user: Any, entry: Entry) -> Submission:
    """Send a report to the Cabinet Office: a new one, or a returned one resubmitted."""
    body = access.reporting_body(user, measure)
    if body is None:
        raise PermissionDenied("not an editor of this measure's ministries")
    submission = (
        Submission.objects.select_for_update()
        .filter(measure=measure, fiscal_year=fiscal_year, state__in=OPEN)
        .first()
    )
    if submission is not None and submission.state == Submission.State.SUBMITTED:
        raise WorkflowError("a submitted report waits for the Cabinet Office")
    before = snapshot(submission) if submission else None
    submission = submission or Submission(measure=measure, fiscal_year=fiscal_year)
    for key, value in entry.values.items():
        setattr(submission, key, value)
    submission.actuals = _actuals(measure, entry.actuals)
    submission.restored = {
        name: text.strip()
        for name, text in entry.restored.items()
        if name in measure.damaged and name in MEASURE_FIELDS and text.strip()
    }
    submission.body = body
    submission.state = Submission.State.SUBMITTED
    submission.submitted_by = user
    submission.submitted_at = timezone.now()
    submission.save()
    submission.authors.add(user)
    log_action(user, "measures.submission.submitted", submission, body=body, before=before)
    return submission


def _decidable(submission: Submission, user: Any) -> None:
    if not access.can_review(user):
        raise PermissionDenied("not a Cabinet Office reviewer")
    if submission.authors.filter(pk=user.pk).exists() or submission.submitted_by_id == user.pk:
        raise SelfApproval("a report is decided by someone who did not write it")
    if submission.state != Submission.State.SUBMITTED:
        raise WorkflowError("only a submitted report can be decided")


def _locked(submission: Submission) -> Submission:
    return Submission.objects.select_for_update().get(pk=submission.pk)


@transaction.atomic
def approve(submission: Submission, user: Any) -> Submission:
    """Publish the report: the year's Review and the entered actuals become public."""
    submission = _locked(submission)
    _decidable(submission, user)
    _publish_review(submission, user)
    _publish_restored(submission, user)
    for actual in submission.actuals:
        _publish_actual(submission, user, actual)
    return _decide(submission, user, Submission.State.APPROVED, "")


@transaction.atomic
def return_(submission: Submission, user: Any, comment: str) -> Submission:
    """Send the report back with a comment (required); the public record stays as it was."""
    submission = _locked(submission)
    _decidable(submission, user)
    if not comment.strip():
        raise WorkflowError("a returned report needs a comment")
    return _decide(submission, user, Submission.State.RETURNED, comment.strip())


def _decide(submission: Submission, user: Any, state: str, comment: str) -> Submission:
    before = snapshot(submission)
    submission.state = state
    submission.comment = comment
    submission.decided_by = user
    submission.decided_at = timezone.now()
    submission.save()
    action = "approved" if state == Submission.State.APPROVED else "returned"
    log_action(
        user, f"measures.submission.{action}", submission, body=submission.body, before=before
    )
    return submission


def _publish_review(submission: Submission, user: Any) -> None:
    review = Review.objects.filter(
        measure=submission.measure, fiscal_year=submission.fiscal_year
    ).first()
    before = snapshot(review) if review else None
    review = review or Review(measure=submission.measure, fiscal_year=submission.fiscal_year)
    for key in ("achievement_text", "status", "policy_text", "decision"):
        if key in review.damaged and getattr(submission, key) != getattr(review, key):
            del review.damaged[key]  # the editor wrote the text the table had lost
        setattr(review, key, getattr(submission, key))
    review.decision_evidence = ""
    review.submission = submission
    review.save()
    log_action(user, "measures.review.published", review, body=submission.body, before=before)


def _publish_restored(submission: Submission, user: Any) -> None:
    """The measure's damaged texts that the report restores become the plan's text."""
    if not submission.restored:
        return
    measure = Measure.objects.select_for_update().get(pk=submission.measure_id)
    before = snapshot(measure)
    for name, text in submission.restored.items():
        setattr(measure, name, text)
        measure.damaged.pop(name, None)
        if name not in measure.restored:
            measure.restored.append(name)
    measure.save()
    log_action(user, "measures.measure.restored", measure, body=submission.body, before=before)


def _publish_actual(submission: Submission, user: Any, actual: dict[str, Any]) -> None:
    indicator = Indicator.objects.filter(pk=actual["indicator"], measure=submission.measure).first()
    if indicator is None:  # the indicator was removed by a later ingestion
        return
    year, value = submission.fiscal_year, Decimal(actual["value"])
    observation = Observation.objects.filter(indicator=indicator, fiscal_year=year).first()
    before = snapshot(observation) if observation else None
    observation = observation or Observation(indicator=indicator, fiscal_year=year)
    observation.value = value
    observation.achievement = achievement_of(
        indicator.direction,
        indicator.target_value,
        indicator.target_year,
        indicator.annual,
        year,
        value,
    )
    observation.period_text = ""
    observation.source_sentence = ""
    observation.needs_review = False
    observation.review_note = ""
    observation.submission = submission
    observation.save()
    log_action(
        user, "measures.observation.published", observation, body=submission.body, before=before
    )
