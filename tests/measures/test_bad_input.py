from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tsunagari.measures.ingest import Sources
from tsunagari.measures.models import Measure, Plan
from tsunagari.measures.parsing.corrections import parse_corrections
from tsunagari.measures.parsing.errors import SourceError

pytestmark = pytest.mark.django_db


def _sources(tmp_path: Path, status: str) -> Sources:
    bundled = Sources.bundled()
    table = tmp_path / "status.txt"
    table.write_text(status, encoding="utf-8")
    return Sources(bundled.lineup, table, bundled.corrections, bundled.ministries)


def test_a_malformed_table_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    Measure.objects.all().delete()
    Plan.objects.all().delete()
    sources = _sources(tmp_path, "施策 No.\t施策名\n1\tx\n")
    with pytest.raises(CommandError) as error:
        call_command("measures", "ingest", "--status-table", str(sources.status_table))
    assert "status.txt:1:" in str(error.value)
    assert "Nothing was imported" in str(error.value)
    assert Plan.objects.count() == 0 and Measure.objects.count() == 0


def test_a_failure_late_in_the_import_rolls_everything_back(tmp_path: Path) -> None:
    broken = tmp_path / "corrections.yaml"
    broken.write_text(
        "measures:\n- measure: 999\n  field: name\n  value: x\n  reason: test\n", encoding="utf-8"
    )
    before = Measure.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("measures", "ingest", "--corrections", str(broken))
    assert "no measure 999" in str(error.value)
    assert Measure.objects.count() == before


def test_a_correction_without_a_reason_is_refused() -> None:
    with pytest.raises(SourceError) as error:
        parse_corrections("measures:\n- measure: 1\n  field: name\n  value: x\n  reason: ''\n")
    assert "reason is empty" in str(error.value)


def test_a_correction_of_an_unknown_field_is_refused() -> None:
    with pytest.raises(SourceError, match="field must be one of"):
        parse_corrections("measures:\n- measure: 1\n  field: budget\n  value: 1\n  reason: r\n")
