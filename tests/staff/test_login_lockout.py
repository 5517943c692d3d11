"""Guessing passwords (django-axes): after ten failures the account, and separately the
address, is refused for the cool-off time, on the staff login and on /admin/login/ alike,
with a message in Japanese and English; the right password does not get through."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.personas import PASSWORD, Personas

pytestmark = pytest.mark.django_db


def _guess(client: Client, url: str, username: str, times: int, address: str) -> list[int]:
    return [
        client.post(
            url, {"username": username, "password": f"wrong-{i}"}, REMOTE_ADDR=address
        ).status_code
        for i in range(times)
    ]


@pytest.mark.parametrize("url", ["/staff/login/", "/admin/login/"])
def test_twenty_wrong_passwords_lock_the_account_and_the_right_one_is_refused(
    client: Client, personas: Personas, url: str
) -> None:
    codes = _guess(client, url, "cao-reviewer", 20, "198.51.100.7")
    assert codes[:9] == [200] * 9 and set(codes[10:]) == {429}
    response = client.post(
        url, {"username": "cao-reviewer", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 429
    assert "ログインを一時停止しています" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_is_in_english_on_english_pages(
    client: Client, personas: Personas
) -> None:
    _guess(client, "/en/staff/login/", "mhlw-editor", 10, "198.51.100.7")
    response = client.post("/en/staff/login/", {"username": "mhlw-editor", "password": PASSWORD})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in paused" in page and "15 minutes" in page


def test_one_address_guessing_many_accounts_is_stopped(client: Client, personas: Personas) -> None:
    for i, name in enumerate(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]):
        client.post(
            "/staff/login/", {"username": name, "password": f"x{i}"}, REMOTE_ADDR="192.0.2.1"
        )
    response = client.post(
        "/staff/login/", {"username": "mhlw-editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 429
    elsewhere = client.post(
        "/staff/login/", {"username": "mhlw-editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.2"
    )
    assert elsewhere.status_code == 302


def test_a_forged_forwarded_for_header_does_not_reset_the_count(
    client: Client, personas: Personas
) -> None:
    for i in range(12):
        client.post(
            "/staff/login/",
            {"username": f"user{i}", "password": "x"},
            REMOTE_ADDR="192.0.2.50",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}",
        )
    assert AccessAttempt.objects.filter(ip_address="192.0.2.50").exists()
    response = client.post(
        "/staff/login/",
        {"username": "mhlw-editor", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.50",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert response.status_code == 429


def test_a_right_password_before_the_limit_signs_in_and_clears_the_failures(
    client: Client, personas: Personas
) -> None:
    _guess(client, "/staff/login/", "mhlw-editor", 5, "198.51.100.8")
    response = client.post(
        "/staff/login/",
        {"username": "mhlw-editor", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.8",
    )
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert not AccessAttempt.objects.filter(
        username="mhlw-editor", failures_since_start__gt=0
    ).exists()
