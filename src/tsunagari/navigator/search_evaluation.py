"""Search judged on plain queries: is a need the person named served in the top 5?

A set (e.g. written blind) lists `cases: [{id, query, expect, ...}]`; a case passes when one
of the first five results carries one of the `expect` need codes. An answer with no result
at all is counted on its own: a person who writes something and gets nothing back is the
worst outcome. Other keys of a case (audience, lang) describe it and are reported, not used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.datafiles import case_mappings, read_data_file

TOP = 5

# What a search gives for a query: the need codes of each result, best first.
Searcher = Callable[[str], Sequence[Sequence[str]]]


@dataclass(frozen=True)
class SearchCase:
    line: int
    id: str
    query: str
    expect: tuple[str, ...]
    kind: str  # the case's `lang` (ja, ja-kids, en, …) or "" — for the report only


@dataclass(frozen=True)
class SearchOutcome:
    case: SearchCase
    served: bool
    count: int  # results on the first page
    top_needs: tuple[tuple[str, ...], ...]


@dataclass
class SearchReport:
    path: Path
    outcomes: list[SearchOutcome] = field(default_factory=list)
    unknown_codes: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def served(self) -> int:
        return sum(o.served for o in self.outcomes)

    @property
    def empty(self) -> int:
        return sum(o.count == 0 for o in self.outcomes)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        totals: Counter[str] = Counter(o.case.kind for o in self.outcomes)
        served: Counter[str] = Counter(o.case.kind for o in self.outcomes if o.served)
        return {kind: (served[kind], totals[kind]) for kind in sorted(totals)}


def read_search_cases(path: Path) -> list[SearchCase]:
    """Raises DataFileError naming file, line and field for a malformed case."""
    source = read_data_file(path)
    cases = []
    for number, (where, raw) in enumerate(case_mappings(source, "{id, query, expect}"), 1):
        query, expect = raw.get("query"), raw.get("expect")
        if not isinstance(query, str) or not query.strip():
            raise source.error((*where, "query"), "query must be a non-empty string")
        if (
            not isinstance(expect, list)
            or not expect
            or not all(isinstance(c, str) for c in expect)
        ):
            raise source.error((*where, "expect"), "expect must be a list of need codes")
        cases.append(
            SearchCase(
                source.line(where),
                str(raw.get("id", number)),
                query,
                tuple(expect),
                str(raw.get("lang", "")),
            )
        )
    return cases


def evaluate_search(path: Path, run: Searcher) -> SearchReport:
    known = set(load_taxonomy().needs)
    report = SearchReport(path)
    for case in read_search_cases(path):
        report.unknown_codes |= set(case.expect) - known
        needs = [tuple(n) for n in run(case.query)]
        served = any(set(n) & set(case.expect) for n in needs[:TOP])
        report.outcomes.append(SearchOutcome(case, served, len(needs), tuple(needs[:TOP])))
    return report


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else "0/0"


def search_summary(report: SearchReport, failures: bool = True) -> list[str]:
    lines = [
        f"search evaluation: {report.path} ({report.total} cases)",
        f"need served in the top {TOP}: {_percent(report.served, report.total)}",
        f"answered with nothing:      {_percent(report.empty, report.total)}",
    ]
    lines += [
        f"  {kind or '(no lang)'}: {_percent(served, total)}"
        for kind, (served, total) in report.by_kind().items()
    ]
    if report.unknown_codes:
        lines.append(f"need codes not in the taxonomy: {', '.join(sorted(report.unknown_codes))}")
    missed = [o for o in report.outcomes if not o.served]
    if failures and missed:
        lines.append(f"not served ({len(missed)}):")
        for o in missed:
            tops = " | ".join(",".join(n[:3]) for n in o.top_needs) or "nothing"
            lines.append(f"  {o.case.id} {o.case.query!r} expect {','.join(o.case.expect)}")
            lines.append(f"      top {TOP} needs: {tops}")
    return lines


def search_as_dict(report: SearchReport) -> dict[str, Any]:
    return {
        "file": str(report.path),
        "cases": report.total,
        "served_top5": report.served,
        "empty": report.empty,
        "by_lang": {k: {"served": s, "cases": t} for k, (s, t) in report.by_kind().items()},
        "unknown_codes": sorted(report.unknown_codes),
        "not_served": [
            {"id": o.case.id, "query": o.case.query, "expect": list(o.case.expect)}
            for o in report.outcomes
            if not o.served
        ],
    }
