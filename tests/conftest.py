"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
def _crisis_lines_read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests change crisis lines between requests: the panel must see each change at once."""
    monkeypatch.setattr("tsunagari.directory.crisis_lines.REFRESH_SECONDS", 0.0)


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


@pytest.fixture(scope="module")
def bundled_data(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The bundled directory and plan, loaded once a module and rolled back at its end.

    As in Django's test client, the end of a request must not close the connection: on
    PostgreSQL that would end the transaction holding the data."""
    from django.conf import settings
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, transaction

    from tsunagari.directory.importer import import_path
    from tsunagari.measures.ingest import ingest

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            import_path(Path(settings.DATA_DIR) / "directory")
            ingest()
            yield
            transaction.set_rollback(True)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def personas(db: None) -> Personas:
    """Every persona of tests/personas.py, created for the test."""
    return make_personas()
