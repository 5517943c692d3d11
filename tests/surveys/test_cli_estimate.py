import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.surveys.factories import FIXTURES, respondent, survey_csv

CELL_KEYS = {"estimate", "se", "ci_low", "ci_high", "n"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("survey", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_shape_of_the_contract() -> None:
    data = json.loads(
        run("estimate", str(FIXTURES / "design_full.csv"), "--by", "age_group", "sex", "--json")
    )
    assert set(data) == {"n", "indicators", "meta"}
    assert data["n"] == 439
    assert list(data["indicators"]) == [
        "direct_often_always",
        "direct_any",
        "ucla3_mean",
        "ucla3_high",
    ]
    for result in data["indicators"].values():
        assert set(result) == {"overall", "by"}
        assert set(result["overall"]) == CELL_KEYS
        assert list(result["by"]) == ["age_group", "sex"]
        for cells in result["by"].values():
            for cell in cells.values():
                assert set(cell) - {"small"} == CELL_KEYS
                assert cell.get("small", False) == (cell["n"] < 30)
    assert data["indicators"]["direct_often_always"]["by"]["age_group"]["90+"]["small"] is True
    assert data["meta"]["ci_method"] == {"proportion": "logit", "mean": "t"}
    assert data["meta"]["synthetic"] is False


def test_by_may_be_repeated() -> None:
    data = json.loads(
        run(
            "estimate",
            str(FIXTURES / "design_full.csv"),
            "--by",
            "sex",
            "--by",
            "age_group",
            "--json",
        )
    )
    assert list(data["indicators"]["ucla3_mean"]["by"]) == ["sex", "age_group"]


def test_the_table_marks_small_cells_and_names_every_indicator() -> None:
    text = run("estimate", str(FIXTURES / "design_full.csv"), "--by", "age_group")
    assert "[direct_often_always]" in text and "[ucla3_high]" in text
    line = next(line for line in text.splitlines() if line.strip().startswith("90+"))
    assert line.rstrip().endswith("*")
    assert "30人未満" in text


def test_synthetic_data_say_so_in_the_table_and_the_json() -> None:
    demo = Path(__file__).resolve().parents[2] / "data" / "surveys" / "synthetic-2021.csv"
    assert run("estimate", str(demo)).startswith("SYNTHETIC")
    assert json.loads(run("estimate", str(demo), "--json"))["meta"]["notice"].startswith(
        "SYNTHETIC"
    )


def test_english_output_on_request() -> None:
    assert "Overall" in run("estimate", str(FIXTURES / "design_srs.csv"), "--lang", "en")


def test_an_unknown_breakdown_column_is_an_error_naming_the_columns() -> None:
    with pytest.raises(CommandError, match="age_group, sex"):
        run("estimate", str(FIXTURES / "design_full.csv"), "--by", "region")


def test_a_lonely_psu_rule_can_be_chosen() -> None:
    with pytest.raises(CommandError, match="--lonely-psu adjust"):
        run("estimate", str(FIXTURES / "design_lonely.csv"))
    data = json.loads(
        run("estimate", str(FIXTURES / "design_lonely.csv"), "--lonely-psu", "average", "--json")
    )
    assert data["meta"]["design"]["lonely_psu"] == "average"


def test_input_errors_exit_non_zero_naming_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(survey_csv([respondent(id="a"), respondent(id="b", ucla_3="7")]))
    env = {**os.environ, "TSUNAGARI_VAR_DIR": str(tmp_path / "var")}
    result = subprocess.run(
        [sys.executable, "-m", "tsunagari.cli", "survey", "estimate", str(bad)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stdout == ""
    assert f"{bad} 3行目 ucla_3 (8)列" in result.stderr
    assert "全体を受け付けませんでした" in result.stderr
