"""/api/hsds: HSDS 3.0 pages and objects, every one valid against the HSDS schemas."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker

from tests.conftest import SHARED_DIR
from tests.factories import create_service
from tsunagari.directory.hsds import hsds_errors
from tsunagari.directory.importer import import_path
from tsunagari.directory.models import Organization, Service, TaxonomyTerm

pytestmark = pytest.mark.django_db
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


@cache
def compiled(name: str) -> Draft202012Validator | None:
    """A compiled HSDS schema from the shared spec, when this checkout has it next door."""
    path = SHARED_DIR / "spec" / "hsds-3.0" / "compiled" / f"{name}.json"
    if not path.exists():
        return None
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def assert_valid(kind: str, data: dict[str, Any], compiled_name: str | None = None) -> None:
    assert hsds_errors(kind, data) == []
    validator = compiled(compiled_name) if compiled_name else None
    if validator is not None:
        assert [e.message for e in validator.iter_errors(data)] == []


def page(client: Client, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"/api/hsds{path}", params)
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    assert set(body) == PAGE_KEYS
    return body


@pytest.fixture
def directory(db: None) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")


def test_services_are_an_hsds_page_of_valid_service_list_objects(
    client: Client, directory: None
) -> None:
    first = page(client, "/services", per_page=100)
    assert first["total_items"] == Service.objects.count()
    contents = [
        item
        for number in range(1, first["total_pages"] + 1)
        for item in page(client, "/services", per_page=100, page=number)["contents"]
    ]
    assert len({item["id"] for item in contents}) == first["total_items"]
    for item in contents:
        assert_valid("service", item, "service_list")
        assert "phones" not in item  # one-to-one fields only
        assert item["organization"]["id"] == item["organization_id"]


def test_full_services_and_one_service_are_fully_nested_and_valid(
    client: Client, directory: None
) -> None:
    for item in page(client, "/services", full="true", per_page=100)["contents"]:
        assert_valid("service", item, "service")
        assert "phones" in item
    service = Service.objects.get(slug="kodomo-sos-dial")
    response = client.get(f"/api/hsds/services/{service.id}")
    assert response.status_code == 200
    body = response.json()
    assert_valid("service", body, "service")
    assert body["phones"][0]["number"] == "0120-0-78310"


def test_services_page_through(client: Client, directory: None) -> None:
    from tests.factories import create_service

    for i in range(4):
        create_service(f"extra-{i}")
    total = Service.objects.count()
    first = page(client, "/services", per_page=2)
    last = page(client, "/services", per_page=2, page=first["total_pages"])
    assert first["total_pages"] == -(-total // 2)
    assert first["first_page"] and not first["last_page"]
    assert last["last_page"] and not last["first_page"]
    beyond = page(client, "/services", per_page=2, page=first["total_pages"] + 1)
    assert beyond["empty"] and beyond["size"] == 0


def test_services_are_searchable_and_filterable(client: Client, directory: None) -> None:
    found = page(client, "/services", search="いじめ")
    assert found["contents"][0]["name"] == "24時間子供SOSダイヤル"
    term = TaxonomyTerm.objects.get(taxonomy="needs", code="bullying")
    tagged = page(client, "/services", taxonomy_term_id=str(term.id))
    assert tagged["total_items"] == Service.objects.filter(terms=term).count() > 0
    org = Organization.objects.get(slug="mext")
    by_org = page(client, "/services", organization_id=str(org.id))
    assert {s["organization_id"] for s in by_org["contents"]} == {str(org.id)}
    later = page(client, "/services", modified_after="2999-01-01T00:00:00+09:00")
    assert later["empty"]


@pytest.mark.parametrize(
    ("modified_after", "found"),
    [
        ("2026-11-30T09:00:00", 1),  # Japan time: midnight UTC
        ("2026-11-30T09:00:01", 0),
        ("2026-11-30T00:00:00Z", 1),
        ("0001-01-01", 1),  # 0000-12-31 in UTC: answered 500 on SQLite
        ("0001-01-01T00:00:00+14:00", 1),
        ("9999-12-31T23:59:59-14:00", 0),  # 10000-01-01 in UTC
    ],
)
def test_modified_after_is_japan_time_without_a_zone_and_takes_any_year(
    client: Client, modified_after: str, found: int
) -> None:
    service = create_service()
    changed = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    Service.objects.filter(pk=service.pk).update(last_modified=changed)
    assert page(client, "/services", modified_after=modified_after)["total_items"] == found


def test_organizations_are_valid_and_one_nests_its_services(
    client: Client, directory: None
) -> None:
    body = page(client, "/organizations", per_page=100)
    assert body["total_items"] == Organization.objects.count()
    for item in body["contents"]:
        assert_valid("organization", item, "organization_list")
    org = Organization.objects.get(slug="mext")
    for full in ("false", "true"):
        response = client.get(f"/api/hsds/organizations/{org.id}", {"full_service": full})
        assert response.status_code == 200
        detail = response.json()
        assert_valid("organization", detail, "organization")
        assert [s["name"] for s in detail["services"]] == ["24時間子供SOSダイヤル"]


def test_taxonomies_and_terms_are_valid(client: Client, directory: None) -> None:
    taxonomies = page(client, "/taxonomies")["contents"]
    assert {t["name"] for t in taxonomies} >= {"tsunagari-needs", "tsunagari-methods"}
    for item in taxonomies:
        assert_valid("taxonomy", item)
        assert client.get(f"/api/hsds/taxonomies/{item['id']}").json() == item
    needs = next(t for t in taxonomies if t["name"] == "tsunagari-needs")
    terms = page(client, "/taxonomy_terms", taxonomy_id=needs["id"], per_page=100)
    assert terms["total_items"] == TaxonomyTerm.objects.filter(taxonomy="needs").count()
    for item in terms["contents"]:
        assert_valid("taxonomy_term", item)
        assert item["taxonomy_id"] == needs["id"]
    one = terms["contents"][0]
    assert client.get(f"/api/hsds/taxonomy_terms/{one['id']}").json() == one


def test_the_root_says_which_hsds_version(client: Client) -> None:
    body = client.get("/api/hsds/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/hsds/openapi.json")


@pytest.mark.parametrize(
    "path",
    [
        "/services/no-such-id",
        "/services/00000000-0000-0000-0000-000000000000",
        "/organizations/nope",
        "/taxonomies/nope",
        "/taxonomy_terms/nope",
    ],
)
def test_unknown_objects_are_404(client: Client, path: str) -> None:
    response = client.get(f"/api/hsds{path}")
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"per_page": 1000}, "per_page"),
        ({"page": 0}, "page"),
        ({"page": 100_000}, "page"),
        ({"taxonomy_term_id": "x"}, "taxonomy_term_id"),
        ({"modified_after": "yesterday"}, "modified_after"),
    ],
)
def test_bad_parameters_are_refused_naming_the_field(
    client: Client, params: dict[str, Any], field: str
) -> None:
    response = client.get("/api/hsds/services", params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field
