"""The curators' staleness page: due, overdue and changed; only curators see it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from tests.factories import create_service
from tests.personas import Personas, make_user
from tsunagari.directory.models import LinkCheck
from tsunagari.staff.roles import Role

pytestmark = pytest.mark.django_db

URL = "/staff/directory/"


def curator() -> User:
    """A curator of the Cabinet Office: the right comes from the membership alone."""
    return make_user("curator", ("cao", Role.CURATOR))


def test_a_visitor_is_sent_to_the_staff_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=")


def test_a_signed_in_user_without_the_permission_is_refused(client: Client) -> None:
    client.force_login(User.objects.create_user("someone", password="x"))
    assert client.get(URL).status_code == 403


def test_a_curator_sees_overdue_crisis_lines_first_then_what_is_due_soon(client: Client) -> None:
    today = timezone.localdate()
    create_service("old-line", name="古い一般の窓口", verified_on=today - dt.timedelta(days=400))
    create_service(
        "old-crisis",
        name="古い緊急の窓口",
        crisis_line=True,
        phones=("0120-279-338",),
        verified_on=today - dt.timedelta(days=100),
    )
    create_service("soon", name="もうすぐ期限の窓口", verified_on=today - dt.timedelta(days=350))
    create_service("fresh", name="確認したばかりの窓口", verified_on=today)
    client.force_login(curator())
    page = client.get(URL).content.decode().split('id="changed"')[0]
    overdue, soon = page.split('id="due-soon"')
    assert overdue.index("古い緊急の窓口") < overdue.index("古い一般の窓口")
    assert "もうすぐ期限の窓口" in soon and "もうすぐ期限の窓口" not in overdue
    assert "確認したばかりの窓口" not in page


def test_a_curator_sees_the_sources_that_changed_since_the_last_check(client: Client) -> None:
    LinkCheck.objects.create(
        url="https://www.example.go.jp/old",
        outcome="moved",
        moved_to="https://www.example.go.jp/new",
        used_by="old-line: service source",
        checked_at=timezone.now(),
    )
    LinkCheck.objects.create(
        url="https://www.example.go.jp/ok", outcome="ok", checked_at=timezone.now()
    )
    client.force_login(curator())
    changed = client.get(URL).content.decode().split('id="changed"')[1]
    assert "https://www.example.go.jp/new" in changed
    assert "https://www.example.go.jp/ok" not in changed


def test_a_curator_sees_the_entries_whose_source_has_no_date_crisis_lines_first(
    client: Client,
) -> None:
    create_service("dated", name="日付のある窓口", source_date="2025-04")
    create_service("plain", name="日付のない窓口")
    create_service("crisis", name="日付のない緊急の窓口", crisis_line=True, phones=("189",))
    client.force_login(curator())
    undated = client.get(URL).content.decode().split('id="undated"')[1]
    assert "（2）" in undated
    assert undated.index("日付のない緊急の窓口") < undated.index("日付のない窓口")
    assert "日付のある窓口" not in undated


def test_only_a_curator_membership_opens_the_page_whatever_else_one_holds(
    client: Client, personas: Personas
) -> None:
    """The page is on the staff layer: roles on bodies, not Django's user permissions."""
    for user in (
        personas.visitor,
        personas.editor,
        personas.reviewer,
        personas.analyst,
        personas.municipal,
        personas.npo_editor,
        personas.counsellor,
    ):
        client.force_login(user)
        assert client.get(URL).status_code == 403, user.username
    client.force_login(personas.curator)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'href="/staff/directory/"' in client.get("/staff/").content.decode()


def test_a_superuser_without_the_membership_is_refused(client: Client) -> None:
    client.force_login(User.objects.create_superuser("root", password="x"))
    assert client.get(URL).status_code == 403
