"""Schemathesis against /api/v1 and /api/hsds, in process: no 5xx, every answer as documented.

A fixed seed and a few examples per operation make it short and the same on every run; for
a deeper search run `schemathesis run http://127.0.0.1:8000/api/v1/openapi.json --checks all`
against `make run`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from schemathesis.config import SchemathesisConfig

from tsunagari.directory.importer import import_path
from tsunagari.measures.ingest import ingest

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20261203,
        "generation": {"max-examples": 25, "deterministic": True, "database": "none"},
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
        "suppress-health-check": ["too_slow"],
        # Codes, places, plans and ministries are checked against the data, and a page past
        # 10,000 items is refused: schema-valid, yet rightly a 422 naming the parameter.
        "checks": {"positive_data_acceptance": {"enabled": False}},
    }
)
APP = get_wsgi_application()
v1 = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP, config=CONFIG)
hsds = schemathesis.openapi.from_wsgi("/api/hsds/openapi.json", APP, config=CONFIG)


@pytest.fixture(scope="module")
def bundled_data(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The bundled directory and plan, loaded once for every operation and rolled back.

    As in Django's test client, the end of a request must not close the connection: on
    PostgreSQL that would end the transaction holding the data."""
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


@pytest.fixture(autouse=True)
def _data(bundled_data: None, db: None) -> None:
    pass


@v1.parametrize()
def test_api_v1_answers_as_documented(case: Any) -> None:
    case.call_and_validate()


@hsds.parametrize()
def test_hsds_answers_as_documented(case: Any) -> None:
    case.call_and_validate()
