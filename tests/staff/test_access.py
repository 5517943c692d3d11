"""The one permission check, persona by persona: what each may do, and on which bodies."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.personas import Personas, body, make_user
from tsunagari.staff import access
from tsunagari.staff.members import grant
from tsunagari.staff.roles import GRANTS, Kind, Permission, Role

pytestmark = pytest.mark.django_db
P = Permission


def test_anonymous_and_a_user_without_membership_may_do_nothing(personas: Personas) -> None:
    for user in (personas.anonymous, personas.visitor):
        assert not any(access.can(user, p) for p in Permission)
        assert not access.is_staff_member(user)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        (
            "editor",
            {P.VIEW_PLAN_RECORDS, P.REPORT_MEASURES, P.READ_AUDIT, P.CONTRIBUTE_PLATFORM},
        ),
        (
            "reviewer",
            {P.VIEW_PLAN_RECORDS, P.REVIEW_MEASURES, P.REVIEW_PLATFORM, P.READ_ALL_AUDIT},
        ),
        (
            "analyst",
            {
                P.VIEW_SURVEYS,
                P.UPLOAD_SURVEYS,
                P.DELETE_SURVEYS,
                P.PUBLISH_SURVEYS,
                P.EVALUATE_PROGRAMMES,
                P.READ_AUDIT,
            },
        ),
        ("municipal", {P.EDIT_LOCAL_HELP, P.READ_AUDIT, P.CONTRIBUTE_PLATFORM}),
        (
            "npo_editor",
            {
                P.EDIT_LOCAL_HELP,
                P.EVALUATE_PROGRAMMES,
                P.READ_AUDIT,
                P.CONTRIBUTE_PLATFORM,
                P.RECEIVE_REFERRALS,
            },
        ),
        ("counsellor", {P.COUNSEL}),
        ("supervisor", {P.COUNSEL, P.SUPERVISE, P.READ_AUDIT, P.RECEIVE_REFERRALS}),
    ],
)
def test_each_persona_holds_exactly_the_permissions_of_its_role(
    personas: Personas, who: str, allowed: set[Permission]
) -> None:
    user = getattr(personas, who)
    assert {p for p in Permission if access.can(user, p)} == allowed


def test_an_editor_acts_only_for_their_own_ministry(personas: Personas) -> None:
    assert access.can(personas.editor, P.REPORT_MEASURES, [body("mhlw")])
    assert not access.can(personas.editor, P.REPORT_MEASURES, [body("moj")])
    assert access.can(personas.editor, P.REPORT_MEASURES, [body("moj"), body("mhlw")])
    with pytest.raises(PermissionDenied):
        access.require(personas.other_editor, P.REPORT_MEASURES, [body("mhlw")])


def test_municipal_staff_act_only_for_their_own_municipality(personas: Personas) -> None:
    assert access.can(personas.municipal, P.EDIT_LOCAL_HELP, [body("chiyoda")])
    assert not access.can(personas.municipal, P.EDIT_LOCAL_HELP, [body("osaka")])
    assert not access.can(personas.other_municipal, P.EDIT_LOCAL_HELP, [body("chiyoda")])
    assert not access.can(personas.municipal, P.EDIT_LOCAL_HELP, [body("akari")])


def test_npo_editors_act_only_for_their_own_organisation(personas: Personas) -> None:
    assert access.can(personas.npo_editor, P.EDIT_LOCAL_HELP, [body("akari")])
    assert not access.can(personas.npo_editor, P.EDIT_LOCAL_HELP, [body("hidamari")])
    assert not access.can(personas.other_npo_editor, P.EDIT_LOCAL_HELP, [body("akari")])
    assert not access.can(personas.counsellor, P.EDIT_LOCAL_HELP, [body("akari")])


def test_a_superuser_gets_nothing_from_being_one(db: None) -> None:
    admin = make_user("admin")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    assert not any(access.can(admin, p) for p in Permission)


def test_a_deactivated_member_may_do_nothing(personas: Personas) -> None:
    personas.reviewer.is_active = False
    assert not access.can(personas.reviewer, P.REVIEW_MEASURES)


@pytest.mark.parametrize(
    ("kind_key", "role"),
    [
        ("chiyoda", Role.REVIEWER),
        ("akari", Role.EDITOR),
        ("mhlw", Role.REVIEWER),
        ("mhlw", Role.MUNICIPAL_STAFF),
        ("cao", Role.COUNSELLOR),
    ],
)
def test_a_role_a_body_does_not_have_is_refused(
    personas: Personas, kind_key: str, role: Role
) -> None:
    with pytest.raises(ValidationError) as error:
        grant(personas.visitor, body(kind_key), role)
    assert "role" in error.value.message_dict
    assert not access.is_staff_member(personas.visitor)


def test_every_role_has_a_body_and_every_pair_grants_something() -> None:
    assert {role for _kind, role in GRANTS} == set(Role)
    assert all(GRANTS[pair] for pair in GRANTS)
    assert {kind for kind, _role in GRANTS} == set(Kind)


def test_granting_is_audited_and_idempotent(personas: Personas) -> None:
    from tsunagari.staff.models import AuditEntry

    before = AuditEntry.objects.filter(action="staff.membership.added").count()
    grant(personas.visitor, body("moj"), Role.EDITOR, by=personas.reviewer)
    grant(personas.visitor, body("moj"), Role.EDITOR, by=personas.reviewer)
    entries = AuditEntry.objects.filter(action="staff.membership.added")
    assert entries.count() == before + 1
    entry = entries.latest("id")
    assert entry.username == "cao-reviewer" and entry.changes["role"] == [None, "editor"]
