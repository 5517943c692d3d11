"""Importing the directory: all or nothing, and idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.directory.test_bundle import VALID
from tsunagari.directory.importer import ImportFailed, import_path
from tsunagari.directory.models import Organization, Phone, Schedule, Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "services.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


def test_import_creates_the_service_with_its_details(source: Path) -> None:
    report = import_path(source)
    assert report.created == ["example-line"]
    service = Service.objects.with_details().get(slug="example-line")
    assert service.organization.slug == "example-npo"
    assert service.codes("needs") == ["loneliness"]
    assert [p.number for p in service.phones.all()] == ["#8008"]
    assert [str(s) for s in service.schedules.all()] == ["MO,TU,WE,TH,FR 09:00–17:00"]
    assert service.holidays == "closed"
    assert service.source_url == "https://example.org/line"


def test_importing_twice_changes_nothing_the_second_time(source: Path) -> None:
    import_path(source)
    before = Service.objects.get(slug="example-line")
    phone_ids = list(Phone.objects.values_list("id", flat=True))
    report = import_path(source)
    assert report.unchanged == ["example-line"] and not report.created and not report.updated
    after = Service.objects.get(slug="example-line")
    assert after.last_modified == before.last_modified
    assert list(Phone.objects.values_list("id", flat=True)) == phone_ids


def test_a_changed_entry_is_updated_in_place(source: Path) -> None:
    import_path(source)
    source.write_text(VALID.replace('"17:00"', '"18:00"'), encoding="utf-8")
    report = import_path(source)
    assert report.updated == ["example-line"]
    assert Schedule.objects.get().closes_at == "18:00"


def test_a_broken_file_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    broken = VALID.replace("example-line", "other-line").replace("[phone]", "[telepathy]")
    (tmp_path / "b.yaml").write_text(
        broken.split("services:")[1].join(["services:", ""]), encoding="utf-8"
    )
    with pytest.raises(ImportFailed) as caught:
        import_path(tmp_path)
    assert "b.yaml" in str(caught.value) and "telepathy" in str(caught.value)
    assert not Service.objects.exists() and not Organization.objects.exists()


def test_an_unknown_organization_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("services:" + VALID.split("services:")[1], encoding="utf-8")
    with pytest.raises(ImportFailed, match="unknown organization 'example-npo'"):
        import_path(path)
    assert not Service.objects.exists()


def test_the_hsds_export_imports_back_without_change(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_path(source)
    call_command("directory", "export", "--format", "hsds-json")
    exported = tmp_path / "export.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    report = import_path(exported)
    assert report.unchanged == ["example-line"]


def test_an_hsds_file_is_imported_into_an_empty_database(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_path(source)
    call_command("directory", "export")
    exported = tmp_path / "export.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    Service.objects.all().delete()
    Organization.objects.all().delete()
    report = import_path(exported)
    assert report.created == ["example-line"]
    service = Service.objects.with_details().get()
    assert service.name_en == "Example line"
    assert service.closures.get().start == "12-29"
    assert service.schedules.get().closes_at == "17:00"


def test_an_hsds_file_with_an_invalid_service_names_index_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps([{"id": "not-a-uuid", "name": "x", "status": "open"}]), encoding="utf-8"
    )
    with pytest.raises(ImportFailed) as caught:
        import_path(path)
    message = str(caught.value)
    assert f"{path}: [0] status: 'open' is not one of" in message
    assert f"{path}: [0] id: 'not-a-uuid' is not a 'uuid'" in message


def test_the_import_command_reports_errors_without_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("directory", "import", str(tmp_path / "missing.yaml"))


def test_the_bundled_directory_imports(settings: object) -> None:
    report = import_path(Path(settings.DATA_DIR) / "directory")  # type: ignore[attr-defined]
    assert report.created
    assert Service.objects.filter(slug="kodomo-sos-dial", crisis_line=True).exists()
