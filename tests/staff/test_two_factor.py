"""The second factor: enrolling an authenticator writes nothing until its first code is
right; once enrolled, every sign-in is confirmed with a code before any staff page; with
TSUNAGARI_PRODUCTION on, reviewers and admins must enrol."""

from __future__ import annotations

import re
import time
from binascii import unhexlify

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.personas import PASSWORD, Personas
from tsunagari.staff import two_factor
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def _code(key: str, offset: int = 0) -> str:
    totp = TOTP(unhexlify(key.encode()))
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def _enrol(client: Client) -> TOTPDevice:
    page = client.get("/staff/two-factor/").content.decode()
    signed = re.search(r'name="key" value="([^"]+)"', page)
    assert signed is not None
    key = two_factor.key_of(signed.group(1))
    assert key is not None
    response = client.post("/staff/two-factor/", {"key": signed.group(1), "token": _code(key)})
    assert response.status_code == 302
    return TOTPDevice.objects.get()


def test_opening_the_enrolment_page_stores_nothing(client: Client, personas: Personas) -> None:
    client.force_login(personas.editor)
    page = client.get("/staff/two-factor/").content.decode()
    assert "<svg" in page and "QR" in page
    assert not TOTPDevice.objects.exists()


def test_a_wrong_first_code_enrols_nothing(client: Client, personas: Personas) -> None:
    client.force_login(personas.editor)
    page = client.get("/staff/two-factor/").content.decode()
    signed = re.search(r'name="key" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = client.post("/staff/two-factor/", {"key": signed, "token": "000000"})
    assert response.status_code == 400 and "確認コードが違います" in response.content.decode()
    assert not TOTPDevice.objects.exists()


def test_a_forged_key_is_refused(client: Client, personas: Personas) -> None:
    client.force_login(personas.editor)
    response = client.post("/staff/two-factor/", {"key": "0" * 40, "token": "123456"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.exists()


def test_after_enrolment_a_new_sign_in_needs_a_code(client: Client, personas: Personas) -> None:
    client.post("/staff/login/", {"username": "mhlw-editor", "password": PASSWORD})
    device = _enrol(client)
    assert device.user == personas.editor and device.confirmed
    entry = AuditEntry.objects.get(action="staff.two_factor.enrolled")
    assert "key" not in entry.changes  # the secret never reaches the log
    client.post("/staff/logout/")
    client.post("/staff/login/", {"username": "mhlw-editor", "password": PASSWORD})
    response = client.get("/staff/surveys/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/two-factor/")
    assert client.post("/staff/two-factor/", {"token": "000000"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()
    ok = client.post("/staff/two-factor/?next=/staff/", {"token": _code(device.key, 30)})
    assert ok.status_code == 302 and ok["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_in_production_a_reviewer_must_enrol_before_any_staff_page(
    client: Client, personas: Personas, settings: pytest.FixtureRequest
) -> None:
    settings.PRODUCTION = True  # type: ignore[attr-defined]
    client.force_login(personas.reviewer)
    response = client.get("/plan/staff/reviews/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/two-factor/")
    assert "この役割では2段階認証が必要です" in client.get("/staff/two-factor/").content.decode()
    client.force_login(personas.editor)  # editors may choose
    assert client.get("/staff/").status_code == 200


def test_in_production_the_admin_needs_a_confirmed_sign_in(
    client: Client, personas: Personas, settings: pytest.FixtureRequest
) -> None:
    settings.PRODUCTION = True  # type: ignore[attr-defined]
    personas.visitor.is_staff = personas.visitor.is_superuser = True
    personas.visitor.save()
    client.force_login(personas.visitor)
    response = client.get("/admin/")
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 302 and follow["Location"].startswith("/staff/two-factor/")
    settings.PRODUCTION = False  # type: ignore[attr-defined]
    assert client.get("/admin/").status_code == 200


def test_guessing_codes_counts_as_failed_logins(client: Client, personas: Personas) -> None:
    TOTPDevice.objects.create(user=personas.editor, name="app", confirmed=True)
    client.force_login(personas.editor)
    codes = [client.post("/staff/two-factor/", {"token": "000000"}).status_code for _ in range(10)]
    assert codes == [400] * 9 + [429]  # the tenth wrong code locks and signs out
    assert "_auth_user_id" not in client.session
    again = client.post("/staff/login/", {"username": "mhlw-editor", "password": PASSWORD})
    assert again.status_code == 429
