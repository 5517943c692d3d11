"""Who may do what in the PDCA register, decided in one place.

Two groups carry the permissions: 府省庁編集者 (ministry editors: update the yearly record
of their own ministry's measures) and 内閣府確認者 (Cabinet Office reviewers: approve or
return). Which ministry an editor belongs to is a MinistryMembership.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

from tsunagari.measures.models import Measure, MinistryMembership

EDITORS = "府省庁編集者"
REVIEWERS = "内閣府確認者"
EDIT = "measures.edit_own_ministry"
DECIDE = "measures.decide_review"

User = Any  # a user or AnonymousUser (request.user)


def ensure_groups() -> None:
    for group_name, codename in ((EDITORS, "edit_own_ministry"), (REVIEWERS, "decide_review")):
        group, _ = Group.objects.get_or_create(name=group_name)
        permission = Permission.objects.filter(
            content_type__app_label="measures", codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def is_staff_member(user: User) -> bool:
    return bool(user.is_authenticated and (user.has_perm(EDIT) or user.has_perm(DECIDE)))


def can_edit(user: User, measure: Measure) -> bool:
    """An editor may touch a measure only if one of its ministries is theirs."""
    if not (user.is_authenticated and user.has_perm(EDIT)):
        return False
    return MinistryMembership.objects.filter(
        user_id=user.pk, ministry__in=measure.ministries.all()
    ).exists()


def can_decide(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm(DECIDE))
