"""Platforms and their members: the national platform as the seeds state it, an
organisation joining after review, profiles kept by their own editors."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas, body
from tests.platform.helpers import decide, national, post
from tsunagari.platform.models import Member, Platform, Profile
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db

PROFILE = {
    "display_name": "NPOあかり",
    "display_name_en": "NPO Akari",
    "kind": "npo",
    "prefecture_code": "13",
    "description": "居場所づくりと電話による見守りをしています。",
    "description_en": "",
    "website": "",
}


def test_the_national_platform_ships_with_no_invented_members(client: Client) -> None:
    platform = national()
    page = client.get(f"/platform/p/{platform.slug}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "孤独・孤立対策官民連携プラットフォーム" in text
    assert "参加が承認された団体は、まだありません" in text
    assert "準備会合の参加団体" in text  # the seed's meeting, labelled as such
    assert Member.objects.count() == 0


def test_loading_the_platforms_twice_changes_nothing(db: None) -> None:
    national()
    assert Platform.objects.count() == 1
    from tsunagari.platform.bundled import load_platforms

    assert load_platforms() == ""


def test_a_membership_is_public_only_after_a_reviewer_approves_it(
    client: Client, personas: Personas
) -> None:
    platform = national()
    response = post(
        client,
        personas.npo_editor,
        "/staff/platform/join/",
        {"platform": platform.pk, "note": "居場所の経験を共有したい"},
    )
    assert response.status_code == 302
    member = Member.objects.get(platform=platform, body=body("akari"))
    assert not member.published
    assert "NPOあかり" not in Client().get("/platform/p/national/").content.decode()

    assert decide(client, personas.reviewer, "member", member.pk).status_code == 302
    member.refresh_from_db()
    assert member.published and member.decided_by == personas.reviewer
    assert "NPOあかり" in Client().get("/platform/p/national/").content.decode()
    assert AuditEntry.objects.filter(action="platform.member.approved").count() == 1


def test_the_author_cannot_approve_their_own_post(client: Client, personas: Personas) -> None:
    from tsunagari.staff.members import grant
    from tsunagari.staff.roles import Role

    grant(personas.npo_editor, body("cao"), Role.REVIEWER)
    platform = national()
    post(client, personas.npo_editor, "/staff/platform/join/", {"platform": platform.pk})
    member = Member.objects.get()
    assert decide(client, personas.npo_editor, "member", member.pk).status_code == 403
    assert not Member.objects.get().published


def test_a_return_needs_a_comment_and_keeps_the_post_hidden(
    client: Client, personas: Personas
) -> None:
    platform = national()
    post(client, personas.npo_editor, "/staff/platform/join/", {"platform": platform.pk})
    member = Member.objects.get()
    assert decide(client, personas.reviewer, "member", member.pk, "return").status_code == 400
    response = decide(
        client, personas.reviewer, "member", member.pk, "return", comment="目的を書いてください"
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.state == "returned" and not member.published
    client.force_login(personas.npo_editor)
    assert "目的を書いてください" in client.get("/staff/platform/").content.decode()


def test_an_edited_profile_keeps_the_public_text_until_approved(
    client: Client, personas: Personas
) -> None:
    post(client, personas.npo_editor, "/staff/platform/profile/", PROFILE)
    profile = Profile.objects.get(body=body("akari"))
    decide(client, personas.reviewer, "profile", profile.pk)
    post(
        client,
        personas.npo_editor,
        "/staff/platform/profile/",
        {**PROFILE, "description": "新しい紹介文"},
    )
    page = Client().get(f"/platform/organisations/{profile.pk}/").content.decode()
    assert "居場所づくり" in page and "新しい紹介文" not in page
    decide(client, personas.reviewer, "profile", profile.pk)
    assert "新しい紹介文" in Client().get(f"/platform/organisations/{profile.pk}/").content.decode()


def test_outsiders_cannot_post_or_review(client: Client, personas: Personas) -> None:
    platform = national()
    client.force_login(personas.visitor)
    assert client.get("/staff/platform/").status_code == 403
    assert client.post("/staff/platform/join/", {"platform": platform.pk}).status_code == 403
    client.force_login(personas.counsellor)
    assert client.get("/staff/platform/join/").status_code == 403
    post(Client(), personas.npo_editor, "/staff/platform/join/", {"platform": platform.pk})
    member = Member.objects.get()
    assert decide(client, personas.npo_editor, "member", member.pk).status_code == 403
    assert decide(client, personas.other_npo_editor, "member", member.pk).status_code == 403
    assert Client().get("/staff/platform/reviews/").status_code == 302  # to the login


def test_another_organisations_editor_cannot_edit_its_posts(
    client: Client, personas: Personas
) -> None:
    from tests.platform.helpers import CASE_FORM
    from tsunagari.platform.models import Case

    post(client, personas.npo_editor, "/staff/platform/case/new/", CASE_FORM)
    case = Case.objects.get()
    response = post(
        client, personas.other_npo_editor, f"/staff/platform/case/{case.pk}/", CASE_FORM
    )
    assert response.status_code == 403


def test_a_prefectures_staff_review_joins_to_their_platform_only(
    client: Client, personas: Personas
) -> None:
    from tests.personas import make_user
    from tests.platform.helpers import prefecture_body
    from tsunagari.staff.members import grant
    from tsunagari.staff.roles import Role

    tokyo_staff = make_user("tokyo-staff")
    grant(tokyo_staff, prefecture_body(), Role.MUNICIPAL_STAFF)
    local = Platform.objects.create(
        slug="pref-13",
        kind="prefecture",
        prefecture_code="13",
        name="東京都の官民連携プラットフォーム",
        body=prefecture_body(),
        published=True,
    )
    platform = national()
    post(client, personas.npo_editor, "/staff/platform/join/", {"platform": local.pk})
    post(client, personas.other_npo_editor, "/staff/platform/join/", {"platform": platform.pk})
    to_local, to_national = (
        Member.objects.get(platform=local),
        Member.objects.get(platform=platform),
    )
    assert decide(client, tokyo_staff, "member", to_national.pk).status_code == 404
    assert decide(client, tokyo_staff, "member", to_local.pk).status_code == 302
    assert Member.objects.get(platform=local).published
