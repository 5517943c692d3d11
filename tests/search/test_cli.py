"""`tsunagari search`: a readable table, the API's JSON shape, and --rebuild."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import create_service
from tsunagari.search import index as search_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(db: None) -> None:
    create_service(
        "kodomo",
        name="こども電話",
        description="いじめの相談",
        phones=("0120-0-78310",),
        needs=("bullying",),
        crisis_line=True,
    )
    create_service("tokyo", description="いじめの相談", areas=(("prefecture", "13"),))


def test_a_search_prints_a_readable_table(lines: None, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("search", "イジメ")
    out = capsys.readouterr().out
    assert "2 services (query read as: 苛め)" in out
    assert "  1. こども電話 [24h line]" in out
    assert "0120-0-78310 · hours unknown · kodomo" in out
    assert "matched: イジメ (in needs, description)" in out


def test_json_has_the_api_shape(lines: None, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("search", "いじめ", "--area", "27", "--json")
    body = json.loads(capsys.readouterr().out)
    assert body["total"] == 1
    assert [r["slug"] for r in body["results"]] == ["kodomo"]
    assert body["results"][0]["phones"][0]["tel"] == "tel:0120078310"


def test_filters_are_checked(lines: None) -> None:
    with pytest.raises(CommandError, match="--need: unknown need code"):
        call_command("search", "いじめ", "--need", "nothing")
    with pytest.raises(CommandError, match="--area: unknown area"):
        call_command("search", "いじめ", "--area", "月")
    with pytest.raises(CommandError, match="--limit must be between 1 and 100"):
        call_command("search", "いじめ", "--limit", "500")


def test_open_now_and_need_filters(lines: None, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("search", "--need", "bullying", "--open-now", "--json")
    assert json.loads(capsys.readouterr().out)["total"] == 0  # hours unknown: never "open"


def test_rebuild(lines: None, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("search", "--rebuild")
    assert capsys.readouterr().out.strip() == "search index rebuilt: 2 services"
    assert (search_index.index_path() / "built").exists()
