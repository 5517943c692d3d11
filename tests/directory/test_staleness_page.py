"""The curators' staleness page: due, overdue and changed; only curators see it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone

from tests.factories import create_service
from tsunagari.directory.models import LinkCheck

pytestmark = pytest.mark.django_db

URL = "/staff/directory/"


def curator() -> User:
    user = User.objects.create_user("curator", password="x")
    user.user_permissions.add(Permission.objects.get(codename="curate_directory"))
    return user


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
