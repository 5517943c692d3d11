"""The HSDS export validates against the HSDS 3.0 schemas."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator, FormatChecker

from tests.conftest import SHARED_DIR
from tests.factories import create_service
from tsunagari.directory.hsds import hsds_errors
from tsunagari.directory.importer import import_path

pytestmark = pytest.mark.django_db


@cache
def compiled_validator() -> Draft202012Validator | None:
    path = SHARED_DIR / "spec" / "hsds-3.0" / "compiled" / "service.json"
    if not path.exists():
        return None
    return Draft202012Validator(json.loads(path.read_text()), format_checker=FormatChecker())


def assert_valid_service(data: dict[str, Any]) -> None:
    assert hsds_errors("service", data) == []
    compiled = compiled_validator()
    if compiled is not None:
        assert [e.message for e in compiled.iter_errors(data)] == []


def export(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    call_command("directory", "export", "--format", "hsds-json")
    data: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return data


def test_the_bundled_directory_exports_valid_hsds(
    settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import_path(Path(settings.DATA_DIR) / "directory")
    services = export(capsys)
    assert services
    for service in services:
        assert_valid_service(service)


def test_a_phone_line_is_a_virtual_location_without_an_address(
    capsys: pytest.CaptureFixture[str],
) -> None:
    create_service(phones=("0120-279-338",))
    (service,) = export(capsys)
    (link,) = service["service_at_locations"]
    assert link["location"]["location_type"] == "virtual"
    assert "addresses" not in link["location"]


def test_24_hours_is_written_as_00_00_to_23_59_with_the_tokyo_offset(
    capsys: pytest.CaptureFixture[str],
) -> None:
    create_service(hours=(("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),))
    (service,) = export(capsys)
    (schedule,) = service["schedules"]
    assert (schedule["opens_at"], schedule["closes_at"]) == ("00:00+09:00", "23:59+09:00")
    assert schedule["freq"] == "WEEKLY" and schedule["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    assert_valid_service(service)


def test_needs_are_attributes_with_our_taxonomy_terms(capsys: pytest.CaptureFixture[str]) -> None:
    create_service(needs=("bullying",), audiences=("child",))
    (service,) = export(capsys)
    terms = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in service["attributes"]
    }
    assert ("tsunagari-needs", "bullying") in terms
    assert ("tsunagari-audiences", "child") in terms


def test_provenance_travels_as_assured_date_and_source_attribute(
    capsys: pytest.CaptureFixture[str],
) -> None:
    create_service(source_url="https://www.mext.go.jp/x")
    (service,) = export(capsys)
    assert service["assured_date"] == "2026-11-01"
    source = [a for a in service["attributes"] if a["taxonomy_term"]["code"] == "source_url"]
    assert source[0]["value"] == "https://www.mext.go.jp/x"
