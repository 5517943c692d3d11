"""Evaluation by language: a multilingual set's figures, overall and by language, are counted
right on the bundled directory, and a malformed case is named with its line."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from tests.navigator.conftest import NOON
from tsunagari.navigator.datafiles import DataFileError
from tsunagari.navigator.language_evaluation import (
    Figures,
    LanguageReport,
    as_dict,
    evaluate_languages,
    read_language_cases,
    summary_lines,
)
from tsunagari.navigator.navigate import navigate

# Two lost jobs and dormitories that find a line in the language (Traditional Chinese: `zh` in
# the directory), one written in Japanese but set down as Thai (no line in Thai comes), a crisis
# caught, a wish to die set down as no crisis (a false alarm), bullying set down as a crisis
# (missed), and a need no service for violence carries (a top-3 miss).
SET = """\
cases:
  - {id: v1, lang: vi, topic: job-dormitory, crisis: false, expect: [employment, housing],
     text: "Em bị công ty đuổi việc, tuần sau phải ra khỏi ký túc xá, không biết đi đâu."}
  - {id: z1, lang: zh-hant, topic: job-dormitory, crisis: false, expect: [employment, housing],
     text: "失業了，也沒有地方住，怎麼辦"}
  - {id: v2, lang: vi, topic: crisis, crisis: true, expect: [crisis],
     text: "Tôi mất việc, không còn chỗ ở, tôi muốn chết"}
  - {id: j1, lang: ja, topic: crisis, crisis: false, expect: [crisis], text: もう死にたい}
  - {id: j2, lang: ja, topic: school, crisis: true, expect: [bullying], text: いじめられている}
  - {id: j3, lang: ja, crisis: false, expect: [volunteering], text: 夫に殴られる}
  - {id: t1, lang: th, topic: job-dormitory, crisis: false, expect: [employment, housing],
     text: 会社をクビになって寮を出なければならない}
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def report(directory: None, tmp_path: Path) -> LanguageReport:
    return evaluate_languages(write(tmp_path, SET), run=partial(navigate, now=NOON))


@pytest.mark.django_db
def test_the_figures_are_counted_overall(report: LanguageReport) -> None:
    assert report.overall == Figures(
        cases=7, top3=(6, 7), crises=(1, 2), false_alarms=(1, 5), in_language=(2, 3)
    )


@pytest.mark.django_db
def test_the_figures_are_counted_by_language(report: LanguageReport) -> None:
    figures = report.by_language()
    assert list(figures) == ["ja", "th", "vi", "zh-hant"]
    assert figures["ja"] == Figures(3, (2, 3), (0, 1), (1, 2), (0, 0))
    assert figures["th"] == Figures(1, (1, 1), (0, 0), (0, 1), (0, 1))
    assert figures["vi"] == Figures(2, (2, 2), (1, 1), (0, 1), (1, 1))
    assert figures["zh-hant"] == Figures(1, (1, 1), (0, 0), (0, 1), (1, 1))


@pytest.mark.django_db
def test_each_miss_says_what_was_expected_and_what_came(report: LanguageReport) -> None:
    assert {r.case.id: r.misses for r in report.misses()} == {
        "j1": ["false alarm"],
        "j2": ["crisis missed"],
        "j3": ["top 3"],
        "t1": ["language"],
    }
    lines = summary_lines(report, misses=True)
    text = "\n".join(lines)
    assert "expected need in the top 3 (crisis lines counted):  6/7 = 85.7 %" in lines
    assert "crisis recall (crisis panel raised):                1/2 = 50.0 %" in lines
    assert "false alarms (crisis panel on an ordinary message): 1/5 = 20.0 %" in lines
    assert lines[4].endswith("in the top 3: 2/3")
    assert "  ja       2/3 · 0/1 · 1 · —" in lines
    assert "  zh-hant  1/1 · — · 0 · 1/1" in lines
    assert "misses (4 cases" in text and "  t1 [th] line 11" in lines
    assert "language: expected a service in th; came " in text
    assert "top 3: expected one of volunteering; came dv-" in text
    assert "raised by: wish-to-die" in text


@pytest.mark.django_db
def test_the_json_has_the_same_figures(report: LanguageReport) -> None:
    data = as_dict(report, misses=True)
    assert data["overall"]["job_dormitory_in_language"] == {"count": 2, "of": 3}
    assert data["by_language"]["vi"]["crises_caught"] == {"count": 1, "of": 1}
    miss = next(m for m in data["misses"] if m["id"] == "t1")
    assert miss["misses"][0]["miss"] == "language" and len(miss["top"]) == 3
    assert all("th" not in top["languages"] for top in miss["top"])
    assert "misses" not in as_dict(report)


def test_cases_are_read_with_their_id_language_and_topic(tmp_path: Path) -> None:
    cases = read_language_cases(write(tmp_path, SET))
    assert [(c.id, c.lang, c.topic, c.case.line) for c in cases][:2] == [
        ("v1", "vi", "job-dormitory", 2),
        ("z1", "zh-hant", "job-dormitory", 4),
    ]
    assert [c.own_line for c in cases] == [True, True, False, False, False, False, True]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("{id: c, lang: zh, text: t, expect: [dv], crisis: false}", r":3: cases.1.lang: lang must"),
        ("{lang: ko, text: t, expect: [dv], crisis: false}", r":3: cases.1.id: id must"),
        ("{id: a, lang: ko, text: t, expect: [dv], crisis: false}", r":3: cases.1.id: a is also"),
        ("{id: b, lang: ko, text: t, expect: [dv]}", r":3: cases.1.crisis: crisis must"),
        ("{id: b, lang: ko, text: t, expect: [no], crisis: false}", r":3: cases.1.expect: unknown"),
        (
            "{id: b, lang: ko, text: t, expect: [dv], crisis: false, topic: [x]}",
            r":3: cases.1.topic: topic must",
        ),
    ],
)
def test_a_malformed_case_is_named_with_its_line(tmp_path: Path, case: str, message: str) -> None:
    body = f"cases:\n  - {{id: a, lang: ko, text: t, expect: [dv], crisis: false}}\n  - {case}\n"
    with pytest.raises(DataFileError, match=r"set\.yaml" + message):
        read_language_cases(write(tmp_path, body))
