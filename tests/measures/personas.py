"""Fixed test personas: visitor, ministry editor, editor of another ministry, reviewer."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, User

from tsunagari.measures.access import EDITORS, REVIEWERS, ensure_groups
from tsunagari.measures.models import Ministry, MinistryMembership

PASSWORD = "correct-horse-battery-staple-7"


@dataclass
class Personas:
    visitor: User  # logged in, no role
    editor: User  # 厚生労働省 editor
    other_editor: User  # 法務省 editor
    reviewer: User  # Cabinet Office reviewer


def make_user(username: str, group: str | None = None, ministry: str | None = None) -> User:
    ensure_groups()
    user = User.objects.create_user(username, password=PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if ministry:
        MinistryMembership.objects.create(user=user, ministry=Ministry.objects.get(name=ministry))
    return user


def make_personas() -> Personas:
    return Personas(
        visitor=make_user("visitor"),
        editor=make_user("mhlw-editor", EDITORS, "厚生労働省"),
        other_editor=make_user("moj-editor", EDITORS, "法務省"),
        reviewer=make_user("cao-reviewer", REVIEWERS),
    )
