"""A survey file's values and name reach estimates.csv and the trend CSV inert."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.models import User
from django.test import Client

from tests.surveys.factories import FIXTURES
from tsunagari.surveys.services import store_survey_year

COMMAND = "=1+2+cmd|' /C calc'!A0"
LINK = '=HYPERLINK("http://evil.example/","x")'


def _with_formulas() -> bytes:
    """The design fixture with one age group and one sex written as formulas."""
    text = (FIXTURES / "design_full.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        fields = line.split(",")
        if fields[-2] == "70+":
            fields[-2] = '"' + COMMAND.replace('"', '""') + '"'
        if fields[-1] == "女性":
            fields[-1] = '"' + LINK.replace('"', '""') + '"'
        out.append(",".join(fields))
    return ("\n".join(out) + "\n").encode()


def test_estimates_csv_writes_uploaded_formulas_as_text(client: Client, analyst: User) -> None:
    year = store_survey_year(_with_formulas(), "-2+3+cmd|' /C calc'!A0.csv", 2023, analyst)
    client.force_login(analyst)
    content = client.get(f"/staff/surveys/{year.pk}/estimates.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(content, newline="")))
    levels = {row["level"] for row in rows}
    assert "'" + COMMAND in levels and "'" + LINK in levels
    assert COMMAND not in levels and LINK not in levels
    assert {row["source"] for row in rows} == {"'-2+3+cmd|' /C calc'!A0.csv"}
    for row in rows:
        for field in row.values():
            assert field == "" or (
                field[0] not in "=+@\t\r" and not (field.startswith("-") and not _is_number(field))
            ), field


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
