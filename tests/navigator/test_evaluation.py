"""Evaluation: case files are checked with line numbers; the figures are counted right."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsunagari.navigator.answer import Answer
from tsunagari.navigator.datafiles import DataFileError
from tsunagari.navigator.evaluation import as_dict, evaluate, read_cases, summary_lines


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def fake(results: dict[str, tuple[list[str], bool]]) -> object:
    def run(text: str) -> Answer:
        needs, crisis = results[text]
        return Answer(
            crisis, [], [{"slug": f"s{i}", "needs": [n]} for i, n in enumerate(needs)], None
        )

    return run


def test_cases_are_read_with_their_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cases:\n"
        "  - {text: a, expect: [dv], crisis: false}\n"
        "  - {text: b, expect: [crisis], crisis: true}\n",
    )
    cases = read_cases(path)
    assert [(c.line, c.text, c.expect, c.crisis) for c in cases] == [
        (2, "a", ("dv",), False),
        (3, "b", ("crisis",), True),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "cases:\n  - {text: a, expect: [nope], crisis: false}\n",
            r"cases.yaml:2: cases.0.expect: unknown need code",
        ),
        (
            "cases:\n  - {text: a, expect: [dv]}\n",
            r"cases.yaml:2: cases.0.crisis: crisis must be true or false",
        ),
        ("cases:\n  - {expect: [dv], crisis: false}\n", r"cases.0.text: text must be a string"),
        ("items: []\n", r"must be a mapping with a `cases` list"),
    ],
)
def test_a_malformed_case_is_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        read_cases(write(tmp_path, body))


def test_the_figures_count_hits_recall_and_false_alarms(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cases:\n"
        "  - {text: hit, expect: [dv], crisis: false}\n"
        "  - {text: miss, expect: [dv], crisis: false}\n"
        "  - {text: found, expect: [crisis], crisis: true}\n"
        "  - {text: alarm, expect: [bullying], crisis: false}\n"
        "  - {text: late, expect: [dv], crisis: false}\n",
    )
    run = fake(
        {
            "hit": (["dv"], False),
            "miss": (["consumer", "poverty", "housing"], False),
            "found": (["crisis"], True),
            "alarm": (["bullying"], True),
            "late": (["a", "b", "c", "dv"], False),
        }
    )
    report = evaluate(path, run)  # type: ignore[arg-type]
    assert (report.hits, report.total) == (3, 5)
    assert report.crisis_recall == 1.0 and report.false_alarms == 1
    assert [o.case.text for o in report.failures()] == ["miss", "alarm", "late"]
    text = "\n".join(summary_lines(report))
    assert "top-3 hit rate:   3/5 = 60.0 %" in text
    assert "false alarms:     1/4 = 25.0 %" in text
    assert "line 3: 'miss'" in text
    assert as_dict(report)["top3_rate"] == 0.6
