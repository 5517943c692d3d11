"""Second factor (TOTP, django-otp): enrolling a device and confirming a sign-in with it.

Enrolment writes nothing until the first code is right: the new secret travels signed in
the form, so opening the page (a GET) stores nothing.
"""

from __future__ import annotations

import time
from base64 import b32encode
from binascii import unhexlify
from typing import Any

import segno
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from tsunagari.staff.audit import log_action

SALT = "tsunagari.staff.two_factor"
ENROL_SECONDS = 15 * 60


class WrongCode(Exception):
    """The code does not match (or verification is throttled after failures)."""


def device_of(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_key() -> tuple[str, str]:
    """A fresh secret and its signed form for the enrolment form."""
    key = default_key()
    return key, signing.dumps(key, salt=SALT)


def key_of(signed: str) -> str | None:
    """The secret of a signed enrolment form still valid, else None."""
    try:
        return str(signing.loads(signed, salt=SALT, max_age=ENROL_SECONDS))
    except signing.BadSignature:
        return None


def readable(key: str) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    text = b32encode(unhexlify(key.encode())).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def config_url(user: Any, key: str) -> str:
    return TOTPDevice(user=user, key=key).config_url


def qr_svg(url: str, title: str) -> SafeString:
    svg = segno.make(url, error="m").svg_inline(scale=4, title=title, border=2)
    return mark_safe(svg)


def enrol(request: HttpRequest, signed_key: str, token: str) -> TOTPDevice:
    """Store a confirmed device when `token` matches the signed secret; the session counts
    as verified. Raises WrongCode or signing.BadSignature (a forged or stale form)."""
    key = signing.loads(signed_key, salt=SALT, max_age=ENROL_SECONDS)
    totp = TOTP(unhexlify(key.encode()))
    totp.time = time.time()
    if not totp.verify(int(token), tolerance=1):
        raise WrongCode
    device = TOTPDevice.objects.create(
        user=request.user, name="authenticator", key=key, confirmed=True, last_t=totp.t()
    )
    otp_login(request, device)
    log_action(request.user, "staff.two_factor.enrolled", device, after={"name": device.name})
    return device


def verify(request: HttpRequest, token: str) -> None:
    """Confirm this sign-in; a wrong code counts as a failed login for django-axes too.
    Raises WrongCode."""
    device = device_of(request.user)
    if device is not None and device.verify_is_allowed()[0] and device.verify_token(token):
        otp_login(request, device)
        return
    user_login_failed.send(
        sender=__name__,
        credentials={"username": request.user.get_username()},
        request=request,
    )
    raise WrongCode
