"""Review that holds, for everything posted to the platform (確認と公開).

A contributor's values wait in `pending` until someone who did not write them approves;
a record never published is stored with its values but shown nowhere, and an edit to a
published record leaves the public text as it was until approved. A return keeps the
public record and tells the author why. Every step is one audit entry.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsunagari.staff import access
from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Permission


class State(models.TextChoices):
    DRAFT = "", _("確認済み")
    SUBMITTED = "submitted", _("確認待ち")
    RETURNED = "returned", _("差戻し")


class WorkflowError(ValueError):
    """The step does not apply to the record's current state."""


class SelfApproval(PermissionDenied):
    """Four eyes: whoever wrote it may not approve or return it."""


_Post = TypeVar("_Post", bound=models.Model)


class PublicQuerySet(models.QuerySet[_Post]):
    def public(self) -> PublicQuerySet[_Post]:
        return self.filter(published=True)


class Reviewed(models.Model):
    """What a contributing body posts and a reviewer publishes."""

    EDITABLE: tuple[str, ...] = ()  # each model's own, in its form's order

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("投稿した所属")
    )
    published = models.BooleanField(_("公開"), default=False)
    state = models.CharField(_("確認"), max_length=10, choices=State.choices, blank=True)
    pending = models.JSONField(default=dict, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("提出者"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("確認者"),
    )
    comment = models.TextField(_("確認者のコメント"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)

    objects = PublicQuerySet.as_manager()
    audit_exclude: tuple[str, ...] = ("pending",)

    class Meta:
        abstract = True

    def prefecture_of_record(self) -> str:
        """The prefecture (01–47) whose staff may also review it; "" for national only."""
        return str(getattr(self, "prefecture_code", "") or "")

    def reviewing_bodies(self) -> list[Body]:
        bodies = [Body.objects.cabinet_office()]
        code = self.prefecture_of_record()
        if code:
            bodies += list(Body.objects.filter(kind=Kind.PREFECTURE, code=code))
        return bodies

    def shown(self, field: str) -> Any:
        """What the author sees in their form: the value waiting for review, else the public."""
        return self.pending.get(field, getattr(self, field))


def _action(record: Reviewed, step: str) -> str:
    return f"platform.{record._meta.model_name}.{step}"


def can_review(user: Any, record: Reviewed) -> bool:
    return access.can(user, Permission.REVIEW_PLATFORM, record.reviewing_bodies())


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}


@transaction.atomic
def submit(record: Reviewed, user: Any, values: dict[str, Any]) -> Reviewed:
    """Send new values for review, for the record's body; raises PermissionDenied when the
    user may not post for it and WorkflowError while an earlier version waits."""
    access.require(user, Permission.CONTRIBUTE_PLATFORM, [record.body])
    before = snapshot(record) if record.pk else None
    if record.pk and type(record).objects.select_for_update().get(pk=record.pk).state == (
        State.SUBMITTED
    ):
        raise WorkflowError("a submitted version waits for review")
    unknown = set(values) - set(record.EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not record.published:
        for key, value in values.items():
            setattr(record, key, value)
    record.pending = _plain(values)
    record.state = State.SUBMITTED
    record.comment = ""
    record.submitted_by = user
    record.submitted_at = timezone.now()
    record.save()
    log_action(user, _action(record, "submitted"), record, body=record.body, before=before)
    return record


def _decidable(record: Reviewed, user: Any) -> Reviewed:
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if not can_review(user, locked):
        raise PermissionDenied("not a reviewer of this record")
    if locked.submitted_by_id == getattr(user, "pk", None):
        raise SelfApproval("a post is decided by someone who did not write it")
    if locked.state != State.SUBMITTED:
        raise WorkflowError("only a submitted post can be decided")
    return locked


@transaction.atomic
def approve(record: Reviewed, user: Any) -> Reviewed:
    """Publish the waiting values."""
    record = _decidable(record, user)
    before = snapshot(record)
    for key, value in record.pending.items():
        field = record._meta.get_field(key)
        assert isinstance(field, models.Field)
        setattr(record, key, field.to_python(value))
    record.pending = {}
    record.state = State.DRAFT
    record.published = True
    record.published_at = record.published_at or timezone.now()
    record.decided_by = user
    record.save()
    after_publish(record)
    log_action(user, _action(record, "approved"), record, body=record.body, before=before)
    return record


def after_publish(record: Reviewed) -> None:
    hook = getattr(record, "on_publish", None)
    if hook is not None:
        hook()


@transaction.atomic
def return_(record: Reviewed, user: Any, comment: str) -> Reviewed:
    """Send back with a comment (required); the public record stays as it was."""
    record = _decidable(record, user)
    if not comment.strip():
        raise WorkflowError("a returned post needs a comment")
    before = snapshot(record)
    record.state = State.RETURNED
    record.comment = comment.strip()
    record.decided_by = user
    record.save()
    log_action(user, _action(record, "returned"), record, body=record.body, before=before)
    return record
