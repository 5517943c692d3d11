"""Plain factories with keyword defaults for the survey tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.contrib.auth.models import Permission, User

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


def make_user(username: str = "staff", *permissions: str, password: str | None = None) -> User:
    """A user holding `permissions` given as "app_label.codename" (no password unless given)."""
    user = User.objects.create_user(username=username, password=password)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


SURVEY_STAFF = (
    "surveys.view_surveyyear",
    "surveys.add_surveyyear",
    "surveys.delete_surveyyear",
    "surveys.evaluate_programme",
    "surveys.view_auditentry",
)


def survey_staff(username: str = "analyst", password: str | None = None) -> User:
    return make_user(username, *SURVEY_STAFF, password=password)
