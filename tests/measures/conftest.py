"""The bundled plan is ingested once per test session; tests run inside transactions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    from tsunagari.measures.ingest import ingest

    with django_db_blocker.unblock():
        ingest()
    yield
