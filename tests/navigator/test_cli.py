"""`tsunagari navigate`: text, --json, --batch (JSON Lines, same order), --eval,
--eval-languages."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("navigate", *args, stdout=out)
    return out.getvalue()


def test_a_text_is_answered_for_a_person_to_read(directory: None) -> None:
    out = run("夫に殴られる。子どもを連れて逃げたい")
    # Violence now may be graded urgent (crisis lines first); the need is named either way.
    needs = next(line for line in out.splitlines() if line.startswith("needs: "))
    assert "dv" in needs and "\nurgency: " in out
    assert "  1. " in out and "why:" in out


def test_a_crisis_is_said_first(directory: None) -> None:
    out = run("もう死にたい")
    assert out.startswith("CRISIS — ")
    assert "[crisis line]" in out.splitlines()[2]


def test_json_is_the_apis_answer(directory: None) -> None:
    answer = json.loads(run("がっこうにいきたくない", "--json"))
    assert {"crisis", "needs", "results", "follow_up"} <= set(answer)
    assert "school-refusal" in [n["code"] for n in answer["needs"]]


def test_a_batch_answers_every_line_in_order_as_json_lines(directory: None, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(
        "いじめられている\n\n死にたい\n".encode() + b"\xff\x00bad\nMy husband hits me\n"
    )
    lines = run("--batch", str(path), "--json").splitlines()
    answers = [json.loads(line) for line in lines]
    assert len(answers) == 5
    assert "bullying" in [n["code"] for n in answers[0]["needs"]]
    assert answers[1]["needs"] == [] and answers[1]["notices"]
    assert answers[2]["crisis"] is True
    assert answers[3]["notices"]
    assert "dv" in [n["code"] for n in answers[4]["needs"][:2]]
    assert all(0 <= a["urgency"]["level"] <= 5 for a in answers)


def test_a_batch_reads_standard_input(directory: None, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("いじめ\n死にたい\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    answers = [json.loads(line) for line in run("--batch", "-").splitlines()]
    assert [a["crisis"] for a in answers] == [False, True]


def test_a_missing_batch_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"cannot read .*nope\.txt"):
        run("--batch", str(tmp_path / "nope.txt"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "exactly one of"),
        (("a", "--eval", "x.yaml"), "exactly one of"),
        (("--eval", "x.yaml", "--eval-languages", "y.yaml"), "exactly one of"),
        (("a", "--method", "fax"), "--method: unknown fax"),
        (("a", "--place", "どこでもない"), "--place: unknown place"),
        (("a", "--limit", "0"), "--limit must be between"),
    ],
)
def test_bad_arguments_are_named(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_eval_prints_the_figures_and_the_failing_cases(directory: None, tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(
        "cases:\n"
        "  - {text: 学校でいじめられている, expect: [bullying], crisis: false}\n"
        "  - {text: もう死にたい, expect: [crisis], crisis: true}\n"
        "  - {text: 夫に殴られる, expect: [volunteering], crisis: false}\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as exit_info:
        out = io.StringIO()
        call_command("navigate", "--eval", str(path), stdout=out)
    assert exit_info.value.code == 1
    text = out.getvalue()
    assert "top-3 hit rate:   2/3 = 66.7 %" in text
    assert "crisis recall:    1/1 = 100.0 %" in text
    assert "false alarms:     0/2 = 0.0 %" in text
    assert "line 4: '夫に殴られる'" in text
    assert "NOT met" in text


def test_eval_loads_the_bundled_directory_into_an_empty_database(db: None, tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(
        "cases:\n  - {text: いじめ, expect: [bullying], crisis: false}\n", encoding="utf-8"
    )
    out = run("--eval", str(path))
    assert "loading the bundled directory" in out
    assert "targets (top-3 ≥ 95%, crisis recall 100 %, no false alarms): met" in out


def test_eval_names_a_broken_case_file(directory: None, tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text("cases:\n  - {text: a, expect: [nope], crisis: false}\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"cases.yaml:2: cases.0.expect"):
        run("--eval", str(path))


LANGUAGE_SET = (
    "cases:\n"
    "  - {id: j1, lang: ja, text: もう死にたい, expect: [crisis], crisis: true}\n"
    "  - {id: j2, lang: ja, text: 夫に殴られる, expect: [volunteering], crisis: false}\n"
    "  - {id: k1, lang: ko, text: 학교에서 괴롭힘을 당해요, expect: [bullying], crisis: true}\n"
)


def test_eval_languages_prints_the_figures_by_language_and_the_misses(
    directory: None, tmp_path: Path
) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(LANGUAGE_SET, encoding="utf-8")
    lines = run("--eval-languages", str(path), "--misses").splitlines()
    assert "expected need in the top 3 (crisis lines counted):  2/3 = 66.7 %" in lines
    assert "crisis recall (crisis panel raised):                1/2 = 50.0 %" in lines
    assert "false alarms (crisis panel on an ordinary message): 0/1 = 0.0 %" in lines
    assert "  ja       1/2 · 1/1 · 0 · —" in lines
    assert "  ko       1/1 · 0/1 · 0 · —" in lines
    assert "  j2 [ja] line 3" in lines and "  k1 [ko] line 4" in lines
    assert any(
        line.startswith("      crisis missed: expected the flag; came no flag") for line in lines
    )


def test_eval_languages_json_loads_an_empty_directory_and_says_so_beside_it(
    db: None, tmp_path: Path
) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(LANGUAGE_SET, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("navigate", "--eval-languages", str(path), "--json", stdout=out, stderr=err)
    data = json.loads(out.getvalue())
    assert data["overall"]["crises_caught"] == {"count": 1, "of": 2}
    assert data["by_language"]["ko"]["top3"] == {"count": 1, "of": 1}
    assert "directory empty: loading the bundled directory" in err.getvalue()
    assert "misses" not in data


def test_eval_languages_names_a_broken_case(directory: None, tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("cases:\n  - {id: 1, text: a, expect: [dv], crisis: false}\n", "utf-8")
    with pytest.raises(CommandError, match=r"set.yaml:2: cases.0.lang: lang must be one of"):
        run("--eval-languages", str(path))
