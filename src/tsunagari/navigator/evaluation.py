"""Evaluation (評価) on a set of cases: top-3 hit rate, crisis recall, false alarms.

A case file (shared/eval/navigator-dev.yaml) lists `cases: [{text, expect, crisis}]`. A case
passes when at least one of the top 3 services returned carries one of `expect` (need codes)
and the crisis flag equals `crisis`. The crisis lines count among the top 3, as they are
shown first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.answer import Answer
from tsunagari.navigator.datafiles import (
    DataFile,
    DataFileError,
    Location,
    case_mappings,
    read_data_file,
)
from tsunagari.navigator.navigate import navigate

TOP = 3


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    expect: tuple[str, ...]
    crisis: bool


@dataclass(frozen=True)
class Outcome:
    case: Case
    hit: bool
    crisis: bool
    top: tuple[str, ...]  # slugs of the top 3
    needs: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.hit and self.crisis == self.case.crisis


@dataclass
class Report:
    path: Path
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def hits(self) -> int:
        return sum(o.hit for o in self.outcomes)

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def crisis_cases(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.crisis]

    @property
    def calm_cases(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.case.crisis]

    @property
    def crisis_found(self) -> int:
        return sum(o.crisis for o in self.crisis_cases)

    @property
    def false_alarms(self) -> int:
        return sum(o.crisis for o in self.calm_cases)

    @property
    def top3_rate(self) -> float:
        return self.hits / self.total if self.total else 0.0

    @property
    def crisis_recall(self) -> float:
        return self.crisis_found / len(self.crisis_cases) if self.crisis_cases else 1.0

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def read_cases(path: Path) -> list[Case]:
    """Raises DataFileError naming file, line and field for a malformed case."""
    source = read_data_file(path)
    return [
        read_case(source, where, raw)
        for where, raw in case_mappings(source, "{text, expect, crisis}")
    ]


def read_case(source: DataFile, where: Location, raw: dict[str, Any]) -> Case:
    """The text, expected needs and crisis of one case of `source`, at `where`; raises
    DataFileError naming file, line and field when one is missing or wrong."""
    text, expect, crisis = raw.get("text"), raw.get("expect"), raw.get("crisis")
    if not isinstance(text, str):
        raise source.error((*where, "text"), "text must be a string")
    if not isinstance(expect, list) or not expect:
        raise source.error((*where, "expect"), "expect must be a list of need codes")
    unknown = [code for code in expect if code not in load_taxonomy().needs]
    if unknown:
        raise source.error(
            (*where, "expect"), f"unknown need code(s): {', '.join(map(str, unknown))}"
        )
    if not isinstance(crisis, bool):
        raise source.error((*where, "crisis"), "crisis must be true or false")
    return Case(source.line(where), text, tuple(expect), crisis)


def outcome(case: Case, answer: Answer) -> Outcome:
    top = answer.results[:TOP]
    hit = any(set(r["needs"]) & set(case.expect) for r in top)
    return Outcome(
        case, hit, answer.crisis, tuple(r["slug"] for r in top), tuple(answer.need_codes)
    )


def evaluate(path: Path, run: Callable[[str], Answer] = navigate) -> Report:
    report = Report(path)
    for case in read_cases(path):
        report.outcomes.append(outcome(case, run(case.text)))
    return report


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else "0/0"


def summary_lines(report: Report) -> list[str]:
    lines = [
        f"navigator evaluation: {report.path} ({report.total} cases)",
        f"top-3 hit rate:   {percent(report.hits, report.total)}",
        f"crisis recall:    {percent(report.crisis_found, len(report.crisis_cases))}",
        f"false alarms:     {percent(report.false_alarms, len(report.calm_cases))}",
        f"cases passed:     {percent(report.passed, report.total)}",
    ]
    failures = report.failures()
    if failures:
        lines.append(f"failing cases ({len(failures)}):")
        for o in failures:
            what = []
            if not o.hit:
                what.append(f"expected one of {', '.join(o.case.expect)} in the top 3")
            if o.crisis != o.case.crisis:
                what.append("crisis missed" if o.case.crisis else "false alarm")
            lines.append(f"  line {o.case.line}: {o.case.text!r}: {'; '.join(what)}")
            lines.append(
                f"      top 3: {', '.join(o.top) or '—'}; needs: {', '.join(o.needs[:4]) or '—'}"
            )
    return lines


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "file": str(report.path),
        "cases": report.total,
        "top3_hits": report.hits,
        "top3_rate": round(report.top3_rate, 4),
        "crisis_cases": len(report.crisis_cases),
        "crisis_found": report.crisis_found,
        "crisis_recall": round(report.crisis_recall, 4),
        "false_alarms": report.false_alarms,
        "passed": report.passed,
        "failures": [
            {
                "line": o.case.line,
                "text": o.case.text,
                "expect": list(o.case.expect),
                "top": list(o.top),
                "crisis": o.crisis,
            }
            for o in report.failures()
        ],
    }


__all__ = ["DataFileError", "Report", "as_dict", "evaluate", "read_cases", "summary_lines"]
