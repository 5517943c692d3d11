"""Granting and withdrawing roles, validated against roles.GRANTS and audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tsunagari.staff.access import forget
from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import Body, Membership


@transaction.atomic
def grant(user: Any, body: Body, role: str, by: Any = None) -> Membership:
    """Give `user` the role in `body` (idempotent). Raises ValidationError for a role the
    body's kind does not have."""
    membership = Membership(user=user, body=body, role=role)
    membership.full_clean(validate_constraints=False)
    existing = Membership.objects.filter(user=user, body=body, role=role).first()
    if existing is not None:
        return existing
    membership.save()
    forget(user)
    log_action(by, "staff.membership.added", membership, body=body)
    return membership


@transaction.atomic
def revoke(membership: Membership, by: Any = None) -> None:
    log_action(
        by,
        "staff.membership.removed",
        membership,
        body=membership.body,
        before=snapshot(membership),
        after={},
    )
    membership.delete()
    forget(membership.user)
