"""Conversation text sealed at rest: Fernet (AES-128-CBC with HMAC-SHA256) keys from the
environment (settings.DESK_KEYS); the first key seals, every key opens, so a key rotates by
putting the new one first and re-sealing at leisure."""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


@cache
def _keys(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _fernet() -> MultiFernet:
    return _keys(tuple(settings.DESK_KEYS))


def seal(text: str) -> bytes:
    return _fernet().encrypt(text.encode("utf-8"))


def unseal(token: bytes | memoryview) -> str:
    """Raises cryptography.fernet.InvalidToken when no configured key opens it."""
    return _fernet().decrypt(bytes(token)).decode("utf-8")
