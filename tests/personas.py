"""The fixed personas of every staff test, in one place (also pytest fixtures: `personas`).

Each is a user with memberships as the staff layer gives them; bodies are found or made by
kind and code, so that tests with the ingested plan use its ministries' bodies.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from tsunagari.staff.members import grant
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Role

PASSWORD = "correct-horse-battery-staple-7"

BODIES = {
    "mhlw": (Kind.MINISTRY, "mhlw", "厚生労働省", "Ministry of Health, Labour and Welfare"),
    "moj": (Kind.MINISTRY, "moj", "法務省", "Ministry of Justice"),
    "cao": (Kind.CABINET_OFFICE, "cao", "内閣府", "Cabinet Office"),
    "chiyoda": (Kind.MUNICIPALITY, "131016", "千代田区", "Chiyoda City"),
    "osaka": (Kind.MUNICIPALITY, "271004", "大阪市", "Osaka City"),
    "akari": (Kind.ORGANISATION, "akari", "NPOあかり", "NPO Akari"),
    "hidamari": (Kind.ORGANISATION, "hidamari", "ひだまり社協", "Hidamari Social Welfare Council"),
}


def body(key: str) -> Body:
    kind, code, name, name_en = BODIES[key]
    found, _created = Body.objects.get_or_create(
        kind=kind, code=code, defaults={"name": name, "name_en": name_en}
    )
    return found


def make_user(username: str, *roles: tuple[str, Role]) -> User:
    """A user with a password and a membership for each (body key, role)."""
    user = User.objects.create_user(username, password=PASSWORD)
    for key, role in roles:
        grant(user, body(key), role)
    return user


@dataclass
class Personas:
    anonymous: AnonymousUser
    visitor: User  # signed in, no membership
    editor: User  # 厚生労働省 editor
    other_editor: User  # 法務省 editor
    reviewer: User  # 内閣府 reviewer
    analyst: User  # 内閣府 survey analyst
    curator: User  # 内閣府 directory curator
    municipal: User  # 千代田区 staff
    other_municipal: User  # 大阪市 staff
    npo_editor: User  # NPOあかり editor
    other_npo_editor: User  # ひだまり社協 editor
    counsellor: User  # NPOあかり counsellor
    other_counsellor: User  # ひだまり社協 counsellor
    supervisor: User  # NPOあかり supervisor (相談窓口のスーパーバイザー)
    editor_and_reviewer: User  # 厚生労働省 editor and 内閣府 reviewer at once


def make_personas() -> Personas:
    return Personas(
        anonymous=AnonymousUser(),
        visitor=make_user("visitor"),
        editor=make_user("mhlw-editor", ("mhlw", Role.EDITOR)),
        other_editor=make_user("moj-editor", ("moj", Role.EDITOR)),
        reviewer=make_user("cao-reviewer", ("cao", Role.REVIEWER)),
        analyst=make_user("cao-analyst", ("cao", Role.ANALYST)),
        curator=make_user("cao-curator", ("cao", Role.CURATOR)),
        municipal=make_user("chiyoda-staff", ("chiyoda", Role.MUNICIPAL_STAFF)),
        other_municipal=make_user("osaka-staff", ("osaka", Role.MUNICIPAL_STAFF)),
        npo_editor=make_user("akari-editor", ("akari", Role.NPO_EDITOR)),
        other_npo_editor=make_user("hidamari-editor", ("hidamari", Role.NPO_EDITOR)),
        counsellor=make_user("akari-counsellor", ("akari", Role.COUNSELLOR)),
        other_counsellor=make_user("hidamari-counsellor", ("hidamari", Role.COUNSELLOR)),
        supervisor=make_user("akari-supervisor", ("akari", Role.SUPERVISOR)),
        editor_and_reviewer=make_user(
            "mhlw-editor-cao-reviewer", ("mhlw", Role.EDITOR), ("cao", Role.REVIEWER)
        ),
    )
