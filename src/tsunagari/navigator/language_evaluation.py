"""Evaluation by language (言語別の評価) on a blind multilingual set: docs/languages.md's figures.

A set is `cases: [{id, lang, text, expect, crisis, topic}]`, `lang` a code of the site's pages
(zh-hans, pt-br, …). `tsunagari navigate --eval-languages FILE` counts, overall and by language:
an expected need in the top 3 (a hit as --eval counts it, crisis lines included), crises caught
(the crisis flag, which opens the crisis panel), false alarms, and, for the topic job-dormitory,
a service in the top 3 that answers in the writer's language: the directory's `languages`
(ISO 639-1), as the pages of lines by language and the ranking read them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from tsunagari.navigator.answer import Answer
from tsunagari.navigator.datafiles import case_mappings, read_data_file
from tsunagari.navigator.evaluation import TOP, Case, Outcome, outcome, read_case
from tsunagari.navigator.navigate import navigate
from tsunagari.navigator.spoken import spoken_code

OWN_LINE_TOPIC = "job-dormitory"  # the blind sets' topic for the issue's lost job and dormitory
Count = tuple[int, int]  # so many of so many


@dataclass(frozen=True)
class LanguageCase:
    id: str
    lang: str  # the site's code: zh-hans, pt-br, …
    topic: str
    case: Case

    @property
    def own_line(self) -> bool:
        return self.topic == OWN_LINE_TOPIC


@dataclass(frozen=True)
class Came:
    """One of the top 3 an answer gave, as a miss shows it."""

    slug: str
    needs: tuple[str, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    case: LanguageCase
    outcome: Outcome
    in_language: bool  # a top-3 service answers in the writer's language
    came: tuple[Came, ...]
    urgency: int
    urgency_reasons: tuple[str, ...]
    raised_by: tuple[str, ...]  # what raised the flag: crisis rules, "urgency"

    @property
    def misses(self) -> list[str]:
        """What went wrong: "top 3", "crisis missed", "false alarm", "language"."""
        found = [] if self.outcome.hit else ["top 3"]
        if self.outcome.crisis != self.case.case.crisis:
            found.append("crisis missed" if self.case.case.crisis else "false alarm")
        if self.case.own_line and not self.in_language:
            found.append("language")
        return found


@dataclass(frozen=True)
class Figures:
    cases: int
    top3: Count
    crises: Count
    false_alarms: Count
    in_language: Count  # of the job-dormitory cases

    @classmethod
    def of(cls, results: list[Result]) -> Figures:
        crisis = [r.outcome.crisis for r in results if r.case.case.crisis]
        calm = [r.outcome.crisis for r in results if not r.case.case.crisis]
        own = [r.in_language for r in results if r.case.own_line]
        return cls(
            len(results),
            (sum(r.outcome.hit for r in results), len(results)),
            (sum(crisis), len(crisis)),
            (sum(calm), len(calm)),
            (sum(own), len(own)),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            **{
                name: {"count": part, "of": whole}
                for name, (part, whole) in (
                    ("top3", self.top3),
                    ("crises_caught", self.crises),
                    ("false_alarms", self.false_alarms),
                    ("job_dormitory_in_language", self.in_language),
                )
            },
        }


@dataclass
class LanguageReport:
    path: Path
    results: list[Result] = field(default_factory=list)

    @property
    def overall(self) -> Figures:
        return Figures.of(self.results)

    def by_language(self) -> dict[str, Figures]:
        groups: dict[str, list[Result]] = defaultdict(list)
        for result in self.results:
            groups[result.case.lang].append(result)
        return {lang: Figures.of(rows) for lang, rows in sorted(groups.items())}

    def misses(self) -> list[Result]:
        return [r for r in self.results if r.misses]


def read_language_cases(path: Path) -> list[LanguageCase]:
    """Raises DataFileError naming file, line and field for a malformed case or a repeated id."""
    source = read_data_file(path)
    langs = [code for code, _name in settings.LANGUAGES]
    seen: dict[str, int] = {}
    cases = []
    for where, raw in case_mappings(source, "{id, lang, text, expect, crisis, topic}"):
        case = read_case(source, where, raw)
        ident, lang, topic = raw.get("id"), raw.get("lang"), raw.get("topic", "")
        if not isinstance(ident, str | int) or isinstance(ident, bool) or str(ident) == "":
            raise source.error((*where, "id"), "id must be a name or a number")
        if str(ident) in seen:
            raise source.error((*where, "id"), f"{ident} is also the id on line {seen[str(ident)]}")
        if lang not in langs:
            raise source.error((*where, "lang"), f"lang must be one of {', '.join(langs)}")
        if not isinstance(topic, str):
            raise source.error((*where, "topic"), "topic must be a word, e.g. job-dormitory")
        seen[str(ident)] = case.line
        cases.append(LanguageCase(str(ident), lang, topic, case))
    return cases


def result(case: LanguageCase, answer: Answer) -> Result:
    top = answer.results[:TOP]
    code = spoken_code(case.lang)
    return Result(
        case,
        outcome(case.case, answer),
        any(code in r.get("languages", ()) for r in top),
        tuple(Came(r["slug"], tuple(r["needs"]), tuple(r.get("languages", ()))) for r in top),
        answer.urgency.level,
        tuple(r.code for r in answer.urgency.reasons),
        tuple(answer.crisis_reasons),
    )


def evaluate_languages(path: Path, run: Callable[[str], Answer] = navigate) -> LanguageReport:
    report = LanguageReport(path)
    for case in read_language_cases(path):
        report.results.append(result(case, run(case.case.text)))
    return report


def _percent(count: Count) -> str:
    part, whole = count
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else "0/0"


def _row(figures: Figures) -> str:
    crises = "—" if not figures.crises[1] else "{}/{}".format(*figures.crises)
    own = "—" if not figures.in_language[1] else "{}/{}".format(*figures.in_language)
    return "{}/{} · {} · {} · {}".format(*figures.top3, crises, figures.false_alarms[0], own)


def _came(came: tuple[Came, ...], what: Callable[[Came], tuple[str, ...]]) -> str:
    return "; ".join(f"{c.slug} ({', '.join(what(c)) or '—'})" for c in came) or "nothing"


def _flag(r: Result) -> str:
    by = f"; raised by: {', '.join(r.raised_by)}" if r.raised_by else ""
    return (
        f"{'the flag' if r.outcome.crisis else 'no flag'}, urgency {r.urgency} "
        f"({', '.join(r.urgency_reasons) or '—'}){by}"
    )


def explain(r: Result, miss: str) -> tuple[str, str]:
    """What was expected and what came, for one of `r.misses`."""
    if miss == "top 3":
        return f"one of {', '.join(r.case.case.expect)}", _came(r.came, lambda c: c.needs)
    if miss == "language":
        return f"a service in {spoken_code(r.case.lang)}", _came(r.came, lambda c: c.languages)
    return ("the flag" if r.case.case.crisis else "no flag"), _flag(r)


def _miss_lines(r: Result) -> list[str]:
    lines = [f"  {r.case.id} [{r.case.lang}] line {r.case.case.line}"]
    for miss in r.misses:
        expected, came = explain(r, miss)
        lines.append(f"      {miss}: expected {expected}; came {came}")
    return lines


def summary_lines(report: LanguageReport, misses: bool = False) -> list[str]:
    overall = report.overall
    languages = report.by_language()
    lines = [
        f"navigator by language: {report.path} ({overall.cases} cases, {len(languages)} languages)",
        f"expected need in the top 3 (crisis lines counted):  {_percent(overall.top3)}",
        f"crisis recall (crisis panel raised):                {_percent(overall.crises)}",
        f"false alarms (crisis panel on an ordinary message): {_percent(overall.false_alarms)}",
        "lost job and dormitory: a service in the writer's language in the top 3: "
        + "{}/{}".format(*overall.in_language),
        "by language (top 3 · crises caught · false alarms · job and dormitory in the language):",
        *(f"  {lang:<8} {_row(figures)}" for lang, figures in languages.items()),
    ]
    if misses:
        found = report.misses()
        lines.append(f"misses ({len(found)} cases; top 3 and language: what came in the top 3):")
        for r in found:
            lines.extend(_miss_lines(r))
    return lines


def as_dict(report: LanguageReport, misses: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": str(report.path),
        "overall": report.overall.as_dict(),
        "by_language": {lang: f.as_dict() for lang, f in report.by_language().items()},
    }
    if misses:
        data["misses"] = [
            {
                "id": r.case.id,
                "lang": r.case.lang,
                "line": r.case.case.line,
                "misses": [
                    dict(zip(("miss", "expected", "came"), (m, *explain(r, m)), strict=True))
                    for m in r.misses
                ],
                "crisis": r.outcome.crisis,
                "urgency": r.urgency,
                "top": [
                    {"slug": c.slug, "needs": list(c.needs), "languages": list(c.languages)}
                    for c in r.came
                ],
            }
            for r in report.misses()
        ]
    return data
