"""TSUNAGARI_PRODUCTION: HSTS, secure cookies and HTTPS, with `check --deploy` clean; staff
pages never cached; no long-lived cookie on a public page."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.ops.servers import TSUNAGARI, environment

SHOWN = (
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


def settings_with(tmp_path: Any, **env: str) -> dict[str, Any]:
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {SHOWN!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=environment(tmp_path, "sqlite:///:memory:", **env),
        capture_output=True,
        text=True,
        check=True,
    )
    shown: dict[str, Any] = json.loads(done.stdout)
    return shown


def test_production_turns_on_hsts_secure_cookies_and_https(tmp_path: Any) -> None:
    on = settings_with(tmp_path, TSUNAGARI_PRODUCTION="1")
    assert on["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert all(on[name] for name in SHOWN)
    off = settings_with(tmp_path, TSUNAGARI_PRODUCTION="0")
    assert not any(off[name] for name in SHOWN)


def test_check_deploy_is_clean_in_production(tmp_path: Any) -> None:
    env = environment(
        tmp_path,
        "sqlite:///:memory:",
        TSUNAGARI_PRODUCTION="1",
        TSUNAGARI_ALLOWED_HOSTS="tsunagari.example.jp",
    )
    done = subprocess.run(
        [*TSUNAGARI, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "no issues (0 silenced)" in done.stdout


def test_production_refuses_debug(tmp_path: Any) -> None:
    env = environment(tmp_path, "sqlite:///:memory:", TSUNAGARI_PRODUCTION="1", TSUNAGARI_DEBUG="1")
    done = subprocess.run(
        [*TSUNAGARI, "check"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
    assert "TSUNAGARI_DEBUG must be off when TSUNAGARI_PRODUCTION is on" in done.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/staff/login/", "/en/staff/login/", "/plan/staff/", "/admin/"])
def test_staff_pages_are_never_stored(client: Client, url: str) -> None:
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_signed_in_person_gets_no_stored_copy_of_a_public_page(client: Client) -> None:
    assert "no-store" not in client.get("/crisis/").get("Cache-Control", "")
    client.force_login(User.objects.create_user("analyst"))
    assert "no-store" in client.get("/crisis/")["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/navigator/", "/navigator/?kids=1", "/search/?q=いじめ", "/kids/", "/plan/"]
)
def test_public_pages_set_no_cookie_that_outlives_the_browser(client: Client, url: str) -> None:
    response = client.get(url)
    for name, cookie in response.cookies.items():
        assert not cookie["expires"] and not cookie["max-age"], name
