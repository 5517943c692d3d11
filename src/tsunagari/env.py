"""Typed access to environment variables that fails loudly on a bad value."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw in ("1", "true", "True", "yes"):
        return True
    if raw in ("0", "false", "False", "no"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).resolve() if raw else default


def env_secret(name: str, fallback_file: Path, make: Callable[[], str] | None = None) -> str:
    """Read a secret from NAME, from the file named in NAME_FILE, or from a local file.

    The local file is created on first use so that `make run` needs no set-up; production
    sets the variable or points NAME_FILE at a mounted secret. `make` writes a new local
    secret in the form the caller needs (a Fernet key); by default a random token.
    """
    value = os.environ.get(name)
    if value:
        return value
    named_file = os.environ.get(f"{name}_FILE")
    if named_file:
        return Path(named_file).read_text(encoding="utf-8").strip()
    if not fallback_file.exists():
        import secrets

        fallback_file.parent.mkdir(parents=True, exist_ok=True)
        fallback_file.write_text(make() if make else secrets.token_urlsafe(50), encoding="utf-8")
        fallback_file.chmod(0o600)
    return fallback_file.read_text(encoding="utf-8").strip()
