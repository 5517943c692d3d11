"""Seed 000: 重点計画 具体的施策のラインアップ (2023-10-26), the 2023 lineup.

Pillars (基本方針) are "(1) …" lines, headings "①…", measures "・name【ministries】・・・page";
a measure listed again under another heading carries "（前出（1）②：P.33）" instead of a page.
An entry may run over two lines; a measure with parts lists them as indented sub-items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tsunagari.measures.parsing.errors import SourceError
from tsunagari.measures.parsing.text import CIRCLED, normalize

_PILLAR = re.compile(r"^\((\d)\)\s*(.+)$")
_HEADING = re.compile(rf"^([{CIRCLED}])\s*(.+)$")
_PAGE = re.compile(r"[・.…]{2,}\s*(\d+)\s*$")
_CROSS = re.compile(r"\(前出\((\d)\)([" + CIRCLED + r"]+):P\.(\d+)\)\s*$")
_MINISTRIES = re.compile(r"【([^】]+)】")
_RUNNING_HEADER = re.compile(r"^孤独・孤立対策の重点計画 具体的施策")


@dataclass
class LineupEntry:
    line: int
    name: str
    ministries: list[str]
    page: int | None  # the measure's own page; None for a cross-listing
    cross_page: int | None = None  # 前出: the page of the listing it repeats
    parts: list[LineupEntry] = field(default_factory=list)


@dataclass
class LineupHeading:
    number: int
    title: str
    entries: list[LineupEntry] = field(default_factory=list)


@dataclass
class LineupPillar:
    number: int
    title: str
    headings: list[LineupHeading] = field(default_factory=list)


@dataclass
class Lineup:
    pillars: list[LineupPillar]

    def primary_entries(self) -> list[LineupEntry]:
        return [
            e for p in self.pillars for h in p.headings for e in h.entries if e.page is not None
        ]


def _logical_lines(text: str) -> list[tuple[int, str, bool]]:
    """(line number, text, is a sub-item) with continuation lines joined to their entry."""
    out: list[tuple[int, str, bool]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = normalize(raw).rstrip()
        stripped = line.strip()
        if not stripped or _RUNNING_HEADER.match(stripped):
            continue
        sub = raw.startswith(" ") and stripped.startswith("-")
        body = stripped.removeprefix("-").strip()
        if body.startswith("・"):
            out.append((number, body[1:].strip(), sub))
        elif out and out[-1][1] and not _is_complete(out[-1][1]) and not _is_title(body):
            prev_number, prev, prev_sub = out[-1]
            out[-1] = (prev_number, prev + body, prev_sub)
        else:
            out.append((number, body, False))
    return out


def _is_complete(entry: str) -> bool:
    return bool(_PAGE.search(entry) or _CROSS.search(entry)) or _is_title(entry)


def _is_title(text: str) -> bool:
    return bool(_PILLAR.match(text) or _HEADING.match(text))


def _entry(line: int, body: str) -> LineupEntry:
    page = cross = None
    if m := _CROSS.search(body):
        cross, body = int(m.group(3)), body[: m.start()]
    elif m := _PAGE.search(body):
        page, body = int(m.group(1)), body[: m.start()]
    ministries: list[str] = []
    if m := _MINISTRIES.search(body):
        ministries = [x.strip() for x in m.group(1).split("、") if x.strip()]
        body = body[: m.start()] + body[m.end() :]
    return LineupEntry(line, body.strip(), ministries, page, cross)


def parse_lineup(text: str, source: str = "lineup") -> Lineup:
    """Parse the lineup; raises SourceError naming the line of anything unexpected."""
    pillars: list[LineupPillar] = []
    for line, body, sub in _logical_lines(text):
        if m := _PILLAR.match(body):
            pillars.append(LineupPillar(int(m.group(1)), m.group(2).strip()))
        elif m := _HEADING.match(body):
            if not pillars:
                raise SourceError(source, line, 1, "heading before the first pillar")
            number = CIRCLED.index(m.group(1)) + 1
            pillars[-1].headings.append(LineupHeading(number, m.group(2).strip()))
        elif pillars and pillars[-1].headings and ("【" in body or _is_complete(body)):
            entry = _entry(line, body)
            entries = pillars[-1].headings[-1].entries
            if sub and entries:
                entries[-1].parts.append(entry)
                for ministry in entry.ministries:
                    if ministry not in entries[-1].ministries:
                        entries[-1].ministries.append(ministry)
            else:
                entries.append(entry)
        elif pillars or (
            body not in ("II 具体的施策",) and not body.startswith(("重点計画", "令和", "内閣官房"))
        ):
            raise SourceError(source, line, 1, f"unrecognised line {body[:40]!r}")
    if not pillars:
        raise SourceError(source, 1, 1, "no pillar '(1) …' found: not a lineup document")
    return Lineup(pillars)
