"""The OpenAPI documents describe what the APIs really answer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from jsonschema import Draft202012Validator
from ninja import Schema

import tsunagari.api.hsds
import tsunagari.api.measures
import tsunagari.api.navigate
import tsunagari.api.services  # noqa: F401  (every API schema defined)
from tests.factories import create_service

pytestmark = pytest.mark.django_db


def api_schemas(base: type[Schema] = Schema) -> list[type[Schema]]:
    found = []
    for cls in base.__subclasses__():
        if cls.__module__.startswith("tsunagari.api."):
            found.append(cls)
        found.extend(api_schemas(cls))
    return found


def documented(client: Client, path: str, method: str = "get", status: str = "200") -> Any:
    """A validator for what the OpenAPI document says `method path` answers with `status`."""
    spec = client.get("/api/v1/openapi.json").json()
    content = spec["paths"][path][method]["responses"][status]["content"]
    schema = {**content["application/json"]["schema"], "components": spec["components"]}
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, body: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(body)]


def test_no_two_api_schemas_share_a_name() -> None:
    """django-ninja files each schema under its class name: the second of two namesakes
    silently replaced the first in the document (navigator phones described search phones)."""
    names = [cls.__name__ for cls in api_schemas()]
    assert sorted(n for n in names if names.count(n) > 1) == []


def test_search_results_and_one_service_are_as_documented(client: Client) -> None:
    create_service("line", phones=("0120-279-338",))
    page = client.get("/api/v1/services").json()
    one = client.get("/api/v1/services/line").json()
    assert page["results"][0]["phones"][0]["label"] == {"ja": "", "en": ""}
    assert errors(documented(client, "/api/v1/services"), page) == []
    assert errors(documented(client, "/api/v1/services/{service_id}"), one) == []
