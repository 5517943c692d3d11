"""Plain factories with keyword defaults for the survey tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.contrib.auth.models import User

from tests.personas import body
from tsunagari.staff.members import grant
from tsunagari.staff.roles import Role

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HEADER = ["id", "weight", "stratum", "psu", "q_direct", "ucla_1", "ucla_2", "ucla_3", "sex"]


def survey_csv(rows: list[dict[str, str]] | None = None, header: list[str] | None = None) -> bytes:
    """A small valid file: two strata with two PSUs each; `rows` replace the default rows."""
    if rows is None:
        rows = [
            respondent(
                id=f"r{i}", stratum=f"S{i % 2}", psu=f"P{i % 4 // 2}", q_direct=str(i % 5 + 1)
            )
            for i in range(40)
        ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header or HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def respondent(**fields: str) -> dict[str, str]:
    row = {
        "id": "r1",
        "weight": "1.5",
        "stratum": "S1",
        "psu": "P1",
        "q_direct": "2",
        "ucla_1": "2",
        "ucla_2": "3",
        "ucla_3": "1",
        "sex": "女性",
    }
    row.update(fields)
    return row


def survey_staff(username: str = "analyst", password: str | None = None) -> User:
    """A survey analyst of the Cabinet Office (no password unless given)."""
    user = User.objects.create_user(username=username, password=password)
    grant(user, body("cao"), Role.ANALYST)
    return user
