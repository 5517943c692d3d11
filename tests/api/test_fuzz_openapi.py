"""Schemathesis against /api/v1 and /api/hsds, in process: no 5xx, every answer as documented.

A fixed seed and a few examples per operation make it short and the same on every run; for
a deeper search run `schemathesis run http://127.0.0.1:8000/api/v1/openapi.json --checks all`
against `make run`.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from schemathesis.config import SchemathesisConfig

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


@pytest.fixture(autouse=True)
def _data(bundled_data: None, db: None) -> None:
    pass


@v1.parametrize()
def test_api_v1_answers_as_documented(case: Any) -> None:
    case.call_and_validate()


@hsds.parametrize()
def test_hsds_answers_as_documented(case: Any) -> None:
    case.call_and_validate()
