"""Urgency evaluation (緊急度の評価) on a labelled set: the figures the issue is judged by.

A set is `cases: [{text, level, lang, …}]` (level 0–5; other fields are kept but not read).
`tsunagari navigate --eval-urgency FILE` prints: the exact level, within one level, the
crisis flag on levels 3–5 (as the navigator raises it: `urgency.raises_flag`), level 5
graded 5, false alarms on level 0, figures by language and by level, and the confusion
matrix. Run it once on a new blind set and record the first pass before any fix.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tsunagari.navigator.crisis import detect
from tsunagari.navigator.datafiles import case_mappings, read_data_file
from tsunagari.navigator.urgency import grade_many, raises_flag
from tsunagari.navigator.urgency_model import LEVELS

BATCH = 32


@dataclass(frozen=True)
class UrgencyCase:
    line: int
    text: str
    level: int
    lang: str


@dataclass(frozen=True)
class Graded:
    case: UrgencyCase
    level: int
    flag: bool
    reasons: tuple[str, ...]


@dataclass
class UrgencyReport:
    path: Path
    graded: list[Graded] = field(default_factory=list)

    def rate(self, hits: list[bool]) -> tuple[int, int]:
        return sum(hits), len(hits)

    @property
    def exact(self) -> tuple[int, int]:
        return self.rate([g.level == g.case.level for g in self.graded])

    @property
    def within_one(self) -> tuple[int, int]:
        return self.rate([abs(g.level - g.case.level) <= 1 for g in self.graded])

    @property
    def flagged_3_to_5(self) -> tuple[int, int]:
        return self.rate([g.flag for g in self.graded if g.case.level >= 3])

    @property
    def five_as_five(self) -> tuple[int, int]:
        return self.rate([g.level == 5 for g in self.graded if g.case.level == 5])

    @property
    def false_alarms_0(self) -> tuple[int, int]:
        return self.rate([g.flag for g in self.graded if g.case.level == 0])

    @property
    def false_alarms_1(self) -> tuple[int, int]:
        return self.rate([g.flag for g in self.graded if g.case.level == 1])

    def confusion(self) -> list[list[int]]:
        matrix = [[0] * LEVELS for _ in range(LEVELS)]
        for g in self.graded:
            matrix[g.case.level][g.level] += 1
        return matrix


def read_urgency_cases(path: Path) -> list[UrgencyCase]:
    """Raises DataFileError naming file, line and field for a malformed case."""
    source = read_data_file(path)
    cases = []
    for where, raw in case_mappings(source, "{text, level, lang}"):
        text, level = raw.get("text"), raw.get("level")
        if not isinstance(text, str) or not text.strip():
            raise source.error((*where, "text"), "text must be a non-empty string")
        if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 5:
            raise source.error((*where, "level"), "level must be a whole number from 0 to 5")
        cases.append(UrgencyCase(source.line(where), text, level, str(raw.get("lang") or "?")))
    return cases


def evaluate_urgency(path: Path) -> UrgencyReport:
    report = UrgencyReport(path)
    cases = read_urgency_cases(path)
    for start in range(0, len(cases), BATCH):
        batch = cases[start : start + BATCH]
        for case, urgency in zip(batch, grade_many([c.text for c in batch]), strict=True):
            flag = raises_flag(urgency, detect(case.text).crisis)
            codes = tuple(r.code for r in urgency.reasons)
            report.graded.append(Graded(case, urgency.level, flag, codes))
    return report


def _percent(part: tuple[int, int]) -> str:
    hit, whole = part
    return f"{hit}/{whole} = {100 * hit / whole:.1f} %" if whole else "—"


def summary_lines(report: UrgencyReport, misses: bool = False) -> list[str]:
    lines = [
        f"urgency evaluation: {report.path} ({len(report.graded)} messages)",
        f"exact level:             {_percent(report.exact)}   (target ≥ 80 %)",
        f"within one level:        {_percent(report.within_one)}   (target ≥ 95 %)",
        f"flag on levels 3–5:      {_percent(report.flagged_3_to_5)}   (target ≥ 98 %)",
        f"level 5 graded 5:        {_percent(report.five_as_five)}   (target 100 %)",
        f"false alarms on level 0: {_percent(report.false_alarms_0)}   (target ≤ 10 %)",
        f"false alarms on level 1: {_percent(report.false_alarms_1)}",
        "by level (exact · within one · flagged):",
    ]
    for level in range(LEVELS):
        rows = [g for g in report.graded if g.case.level == level]
        lines.append(
            f"  {level}: {len(rows):>4}  "
            f"{_percent(report.rate([g.level == level for g in rows]))} · "
            f"{_percent(report.rate([abs(g.level - level) <= 1 for g in rows]))} · "
            f"{_percent(report.rate([g.flag for g in rows]))}"
        )
    lines.append("by language (exact · flag on 3–5 · false alarms on 0):")
    by_lang: dict[str, list[Graded]] = defaultdict(list)
    for g in report.graded:
        by_lang[g.case.lang].append(g)
    for lang, rows in sorted(by_lang.items()):
        lines.append(
            f"  {lang:<13} {len(rows):>4}  "
            f"{_percent(report.rate([g.level == g.case.level for g in rows]))} · "
            f"{_percent(report.rate([g.flag for g in rows if g.case.level >= 3]))} · "
            f"{_percent(report.rate([g.flag for g in rows if g.case.level == 0]))}"
        )
    lines.append("confusion (rows: the set's level; columns: graded 0–5):")
    for level, row in enumerate(report.confusion()):
        lines.append(f"  {level}: " + " ".join(f"{n:>4}" for n in row))
    if misses:
        lines.append("misses (set level → graded):")
        for g in report.graded:
            if g.level != g.case.level or (g.case.level >= 3) != g.flag:
                text = " ".join(g.case.text.split())[:140]
                lines.append(
                    f"  line {g.case.line} [{g.case.lang}] {g.case.level} → {g.level}"
                    f"{' flag' if g.flag else ''} ({', '.join(g.reasons) or '—'}): {text}"
                )
    return lines
