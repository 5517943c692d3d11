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
from tsunagari.measures.models import Status

pytestmark = pytest.mark.django_db


def api_schemas(base: type[Schema] = Schema) -> list[type[Schema]]:
    found = []
    for cls in base.__subclasses__():
        if cls.__module__.startswith("tsunagari.api."):
            found.append(cls)
        found.extend(api_schemas(cls))
    return found


def documented(
    client: Client, path: str, method: str = "get", status: str = "200", api: str = "v1"
) -> Any:
    """A validator for what the OpenAPI document says `method path` answers with `status`."""
    spec = client.get(f"/api/{api}/openapi.json").json()
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


@pytest.mark.parametrize("api", ["v1", "hsds"])
def test_every_error_an_operation_can_give_is_documented(client: Client, api: str) -> None:
    spec = client.get(f"/api/{api}/openapi.json").json()
    undocumented = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            query = [p for p in operation["parameters"] if p["in"] == "query"]
            body = "requestBody" in operation
            expected = {"200"} | ({"422"} if query or body else set())
            expected |= {"404"} if "{" in path else set()
            expected |= {"400"} if body else set()
            if not expected <= codes:
                undocumented.append(f"{method.upper()} {path}: {sorted(expected - codes)}")
    assert undocumented == []


@pytest.mark.parametrize(
    ("method", "path", "documented_as", "status", "send"),
    [
        ("get", "/api/v1/services?limit=0", "/api/v1/services", "422", {}),
        ("get", "/api/v1/services/no-such-line", "/api/v1/services/{service_id}", "404", {}),
        ("post", "/api/v1/navigate", "/api/v1/navigate", "400", {"data": "{"}),
        ("post", "/api/v1/navigate", "/api/v1/navigate", "422", {"data": '{"limit": 0}'}),
        ("get", "/api/v1/measures/1?plan=1999", "/api/v1/measures/{number}", "422", {}),
    ],
)
def test_error_answers_are_as_documented(
    client: Client, method: str, path: str, documented_as: str, status: str, send: Any
) -> None:
    if method == "post":
        response = client.post(path, content_type="application/json", **send)
    else:
        response = client.get(path)
    assert response.status_code == int(status)
    validator = documented(client, documented_as, method, status)
    assert errors(validator, response.json()) == []


def test_the_measure_statuses_are_listed_in_the_document(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    parameters = spec["paths"]["/api/v1/measures"]["get"]["parameters"]
    [status] = [p for p in parameters if p["name"] == "status"]
    assert status["schema"]["enum"] == ["", *Status.values]
