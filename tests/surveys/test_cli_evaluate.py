import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.surveys.factories import FIXTURES, respondent, survey_csv


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("survey", *args, stdout=out)
    return out.getvalue()


def test_json_reports_pairs_tests_effect_size_and_the_caveat() -> None:
    data = json.loads(
        run(
            "evaluate",
            str(FIXTURES / "programme_pre.csv"),
            str(FIXTURES / "programme_post.csv"),
            "--json",
        )
    )
    ucla = data["measures"]["ucla3_total"]
    assert ucla["n_paired"] == 43 and ucla["n_lost"] == 37
    for key in (
        "mean_change",
        "t",
        "t_p",
        "wilcoxon_v",
        "wilcoxon_p",
        "dz",
        "dz_ci_low",
        "dz_ci_high",
    ):
        assert isinstance(ucla[key], float)
    assert data["n_dropped_out"] == 11 and data["n_joined_late"] == 1
    assert "比較群" in data["caveat"]


def test_the_text_report_ends_with_the_caveat() -> None:
    text = run(
        "evaluate", str(FIXTURES / "programme_pre.csv"), str(FIXTURES / "programme_post.csv")
    )
    assert "Cohen" in text and "ウィルコクソン" in text
    assert text.rstrip().endswith("含まれます。")


def test_errors_in_either_file_stop_the_evaluation(tmp_path: Path) -> None:
    post = tmp_path / "post.csv"
    post.write_bytes(survey_csv([respondent(id="P001", q_direct="0")]))
    with pytest.raises(CommandError, match=r"post\.csv 2行目 q_direct"):
        run("evaluate", str(FIXTURES / "programme_pre.csv"), str(post))


def test_generated_programme_files_are_labelled_synthetic(tmp_path: Path) -> None:
    run(
        "generate-programme",
        str(tmp_path / "pre.csv"),
        str(tmp_path / "post.csv"),
        "--participants",
        "40",
    )
    data = json.loads(
        run("evaluate", str(tmp_path / "pre.csv"), str(tmp_path / "post.csv"), "--json")
    )
    assert data["meta"]["synthetic"] is True
    assert data["n_pre"] == 40
