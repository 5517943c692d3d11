from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

KEYS = {
    "no",
    "name",
    "ministries",
    "pillar",
    "heading",
    "overview",
    "target",
    "achievement",
    "review",
    "urls",
    "indicators",
    "incomplete",
}


def test_the_json_export_has_the_documented_shape() -> None:
    out = StringIO()
    call_command("measures", "export", "--plan", "2024", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert list(data) == ["measures"]
    assert len(data["measures"]) == 141
    assert all(set(m) == KEYS for m in data["measures"])
    first = data["measures"][0]
    assert (first["no"], first["name"], first["ministries"]) == (
        1,
        "孤独・孤立の実態把握",
        ["内閣府"],
    )


def test_the_csv_export_has_one_row_per_measure() -> None:
    out = StringIO()
    call_command("measures", "export", "--csv", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("基本方針,項目,施策No.,施策名")


def test_the_xlsx_export_reopens_in_the_official_layout(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    call_command("measures", "export", "--xlsx", str(path), stdout=StringIO())
    sheet = openpyxl.load_workbook(path)["実施状況"]
    assert [c.value for c in sheet[2]][:3] == ["施策No.", "施策名", "施策の概要"]
    numbers = [
        row[0] for row in sheet.iter_rows(min_row=3, values_only=True) if isinstance(row[0], int)
    ]
    assert numbers == list(range(1, 142))


def test_the_api_lists_with_filters_and_shows_one(client: Client) -> None:
    listed = client.get("/api/v1/measures", {"ministry": "mhlw", "pillar": 1}).json()
    assert listed["count"] == len(listed["measures"]) > 0
    assert all("厚生労働省" in m["ministries"] for m in listed["measures"])
    one = client.get("/api/v1/measures/1").json()
    assert one["name"] == "孤独・孤立の実態把握"
    assert client.get("/api/v1/measures/999").status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"plan": "2099"}, "plan"),
        ({"ministry": "no-such-ministry"}, "ministry"),
        ({"pillar": 9}, "pillar"),
        ({"pillar": "one"}, "pillar"),
        ({"status": "done"}, "status"),
        ({"q": "あ" * 201}, "q"),
    ],
)
def test_the_api_names_a_filter_that_means_nothing(
    client: Client, params: dict[str, object], field: str
) -> None:
    answer = client.get("/api/v1/measures", params)
    assert answer.status_code == 422
    assert [error["loc"] for error in answer.json()["detail"]] == [["query", field]]


def test_the_api_filters_by_status_and_names_a_missing_measure(client: Client) -> None:
    listed = client.get("/api/v1/measures", {"status": "achieved"}).json()
    assert listed["count"] > 0
    assert all(
        client.get(f"/api/v1/measures/{m['no']}").json()["status"] == "achieved"
        for m in listed["measures"][:3]
    )
    missing = client.get("/api/v1/measures/999", {"plan": "2024"})
    assert missing.json() == {"detail": "no measure 999 in plan 2024"}
    assert client.get("/api/v1/measures/1", {"plan": "1999"}).status_code == 422
