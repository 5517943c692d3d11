"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.personas import Personas, make_personas


def _shared_dir() -> Path:
    """The read-only contracts beside the checkout (../shared), wherever the clone lives."""
    if os.environ.get("TSUNAGARI_SHARED_DIR"):
        return Path(os.environ["TSUNAGARI_SHARED_DIR"])
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "spec").is_dir():
            return parent / "shared"
    return Path("/work/shared")


SHARED_DIR = _shared_dir()


@pytest.fixture(autouse=True)
def _isolated_var_dir(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each test writes its search index and other state under its own temporary folder."""
    settings.VAR_DIR = tmp_path / "var"  # type: ignore[attr-defined]
    settings.INDEX_DIR = tmp_path / "var" / "index"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    """Personas sign in with passwords; a slow hasher would cost seconds per test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in Japanese: a request to an /en/ page leaves English active in the
    thread (LocaleMiddleware activates a language and nothing deactivates it)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def personas(db: None) -> Personas:
    """Every persona of tests/personas.py, created for the test."""
    return make_personas()
