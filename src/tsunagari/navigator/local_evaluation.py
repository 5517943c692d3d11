"""Local first judged (地域優先の評価): what a place told does to the answers.

Each case of a set (`cases: [{text or query, expect}]`) is answered for each of a few places,
by the search (`finder.find`, the first TOP_SEARCH services) and by the navigator (`navigate`,
its first TOP_NAVIGATOR). A local service — one prefecture's or municipality's own window
or place — shown above a nationwide one is a *jump*; a jump is *bad* when the service serves
none of the needs the case expects (a youth place above the debt lines for a debt question).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tsunagari.directory.areas import Place, resolve_place
from tsunagari.navigator.catalogue import Entry
from tsunagari.navigator.datafiles import DataFileError, case_mappings, read_data_file
from tsunagari.search.filters import area_tier, covering_areas

TOP_SEARCH = 10
TOP_NAVIGATOR = 5

# An answer for a text in a place: the slugs shown, best first.
Answerer = Callable[[str, Place], Sequence[str]]


@dataclass(frozen=True)
class LocalCase:
    source: str  # the set's file name
    line: int
    text: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Shown:
    slug: str
    tier: int  # 2 the place's municipality, 1 its prefecture, 0 nationwide
    serves: bool  # serves one of the expected needs


@dataclass(frozen=True)
class Answered:
    route: str  # "search" or "navigator"
    place: str
    case: LocalCase
    shown: tuple[Shown, ...]

    def jumps(self) -> list[Shown]:
        """The local services shown above a nationwide one."""
        last_national = max((i for i, s in enumerate(self.shown) if not s.tier), default=-1)
        return [s for s in self.shown[:last_national] if s.tier]

    def bad_jumps(self) -> list[Shown]:
        return [s for s in self.jumps() if not s.serves]

    @property
    def served(self) -> bool:
        return any(s.serves for s in self.shown[:3])


@dataclass
class LocalReport:
    answers: list[Answered] = field(default_factory=list)

    def of(self, route: str) -> list[Answered]:
        return [a for a in self.answers if a.route == route]


def read_local_cases(paths: Sequence[Path], every: int = 1) -> list[LocalCase]:
    """The cases of each set (one in `every`); raises DataFileError naming file, line and
    field for a case without words or expected needs."""
    cases = []
    for path in paths:
        source = read_data_file(path)
        mappings = list(case_mappings(source, "{text or query, expect}"))
        for where, raw in mappings[:: max(1, every)]:
            text, expect = raw.get("text", raw.get("query")), raw.get("expect")
            if not isinstance(text, str):
                raise source.error((*where, "text"), "text (or query) must be a string")
            if not isinstance(expect, list) or not expect:
                raise source.error((*where, "expect"), "expect must be a list of need codes")
            cases.append(LocalCase(path.name, source.line(where), text, tuple(map(str, expect))))
    return cases


def resolve_places(names: Sequence[str]) -> list[tuple[str, Place]]:
    places = []
    for name in names:
        place = resolve_place(name)
        if place is None:
            raise DataFileError(f"place {name!r}: not a prefecture, municipality or postcode")
        places.append((name, place))
    return places


def judge(
    cases: Sequence[LocalCase],
    places: Sequence[tuple[str, Place]],
    entries: Sequence[Entry],
    routes: dict[str, Answerer],
) -> LocalReport:
    by_slug = {entry.slug: entry for entry in entries}
    report = LocalReport()
    for name, place in places:
        areas = covering_areas(place)
        for case in cases:
            for route, answer in routes.items():
                shown = tuple(
                    Shown(
                        slug,
                        area_tier(by_slug[slug].area_terms, areas) if by_slug[slug].local else 0,
                        bool(set(by_slug[slug].needs) & set(case.expect)),
                    )
                    for slug in answer(case.text, place)
                    if slug in by_slug
                )
                report.answers.append(Answered(route, name, case, shown))
    return report


def summary_lines(report: LocalReport, worst: int = 12) -> list[str]:
    lines = []
    for route in dict.fromkeys(a.route for a in report.answers):
        answers = report.of(route)
        jumps = sum(len(a.jumps()) for a in answers)
        bad = sum(len(a.bad_jumps()) for a in answers)
        lines += [
            f"{route}: {len(answers)} answers",
            f"  local above nationwide: {jumps} ({jumps - bad} serve the need)",
            f"  bad local jumps:        {bad} in {sum(bool(a.bad_jumps()) for a in answers)}"
            " answers",
            f"  top-3 serves the need:  {sum(a.served for a in answers)}",
        ]
        per_place = Counter(dict.fromkeys((a.place for a in answers), 0))
        for a in answers:
            per_place[a.place] += len(a.bad_jumps())
        lines.append("  bad by place: " + ", ".join(f"{p} {n}" for p, n in per_place.items()))
        slugs = Counter(s.slug for a in answers for s in a.bad_jumps())
        lines += [f"    {n:4d}  {slug}" for slug, n in slugs.most_common(worst)]
    return lines


def as_rows(report: LocalReport) -> list[dict[str, Any]]:
    """Every answer's first services, for comparing two runs line by line."""
    return [
        {
            "route": a.route,
            "place": a.place,
            "set": a.case.source,
            "line": a.case.line,
            "text": a.case.text,
            "expect": list(a.case.expect),
            "shown": [f"{s.slug}@{s.tier}{'' if s.serves else '!'}" for s in a.shown],
            "bad": [s.slug for s in a.bad_jumps()],
        }
        for a in report.answers
    ]
