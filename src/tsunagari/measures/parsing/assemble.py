"""Rows of the status table → the plan's numbered measures under pillars and headings.

Sound rules only: measure numbers rise one by one (a number that went backwards lost its
leading digit, 39 → 139; rows without a number fill the gaps in order; a row in a gap of
zero continues the row above); headings are numbered ①… within a pillar and a new ①
starts the next pillar; a ministry is repaired only towards the canonical list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tsunagari.measures.parsing.drafts import (
    Assembly,
    Doubt,
    HeadingDraft,
    MeasureDraft,
    PillarDraft,
    Repair,
)
from tsunagari.measures.parsing.lineup import Lineup
from tsunagari.measures.parsing.links import extract_urls
from tsunagari.measures.parsing.ministries import match_ministry, split_ministry_cell
from tsunagari.measures.parsing.status_table import Layout, RawRow
from tsunagari.measures.parsing.text import CIRCLED, coverage, japanese_chars, join_wrapped

_NUMBER = re.compile(r"^\d{1,3}$")
_ORDINAL = re.compile(rf"^\s*(?:([{CIRCLED}])|(\d)(?=[^\d.\s]))")
_PILLAR_MARK = re.compile(r"^\s*\((\d)\)")
TEXT_FIELDS = ("name", "overview", "target", "achievement", "review")


@dataclass
class _Unit:
    """Rows that make one measure, before their cells are joined."""

    rows: list[RawRow]
    no: int | None
    pillar: int = 0
    heading: int = 0
    garbled: bool = False
    notes: list[str] = field(default_factory=list)


def _row_text(row: RawRow) -> str:
    return " ".join(c for c in row.cells[:4] if c.strip())


def _has_content(row: RawRow) -> bool:
    return sum(japanese_chars(c) for c in row.cells[1:6]) >= 4 or bool(
        extract_urls(row.cell("urls"))
    )


class _Assembler:
    def __init__(self, rows: list[RawRow], lineup: Lineup, ministries: list[str]) -> None:
        self.rows = [r for r in rows if not r.is_blank]
        self.lineup = lineup
        self.ministries = ministries
        self.repairs: list[Repair] = []
        self.doubts: list[Doubt] = []
        self.headings: list[HeadingDraft] = []
        self.units: list[_Unit] = []
        self.pillar = 0
        self.heading = 0

    # -- structure -------------------------------------------------------------------
    def _pillar_title(self, number: int) -> str:
        for p in self.lineup.pillars:
            if p.number == number:
                return p.title
        return ""

    def _start_pillar(self, line: int, rule: str) -> None:
        self.pillar += 1
        self.heading = 0
        if rule:
            self.repairs.append(Repair(None, "pillar", "", f"({self.pillar})", rule))

    def _start_heading(self, number: int, line: int | None, text: str) -> None:
        if (number == 1 and self.heading >= 1) or self.pillar == 0:
            self._start_pillar(line or 0, f"line {line}: heading ① starts a new pillar")
        self.heading = number
        title = ""
        for p in self.lineup.pillars:
            if p.number == self.pillar:
                title = next((h.title for h in p.headings if h.number == number), "")
        self.headings.append(HeadingDraft(self.pillar, number, title, line))
        if text and title and coverage(text, title) < 0.3:
            self.doubts.append(
                Doubt(
                    None,
                    f"heading ({self.pillar}){CIRCLED[number - 1]}",
                    f"line {line} reads {text!r}, unlike the 2023 lineup's {title!r}",
                )
            )

    def _pillar_row(self, row: RawRow) -> bool:
        if _PILLAR_MARK.match(row.cell("no")):
            return True
        text = _row_text(row)
        nxt = self.pillar + 1
        return (
            not row.cell("no").strip()
            and bool(self._pillar_title(nxt))
            and coverage(text, self._pillar_title(nxt)) >= 0.6
        )

    def _heading_ordinal(self, row: RawRow) -> int | None:
        if m := _ORDINAL.match(row.cell("no")):
            return CIRCLED.index(m.group(1)) + 1 if m.group(1) else int(m.group(2))
        return None

    # -- rows -------------------------------------------------------------------------
    def _place(self, unit: _Unit) -> None:
        if self.pillar == 0:
            self._start_pillar(unit.rows[0].line, "")
        if self.heading == 0:
            self._start_heading(1, None, "")
            self.repairs.append(
                Repair(None, "heading", "", f"({self.pillar})①", "a pillar opens with ①")
            )
        unit.pillar, unit.heading = self.pillar, self.heading
        self.units.append(unit)

    def walk(self) -> None:
        for row in self.rows:
            number = row.cell("no").strip()
            if row.layout is Layout.LEADING_EXTRA:
                self._garbled(row)
            elif self._pillar_row(row):
                self._start_pillar(row.line, "")
                if not _PILLAR_MARK.match(row.cell("no")):
                    self.repairs.append(
                        Repair(
                            None,
                            "pillar",
                            _row_text(row)[:30],
                            f"({self.pillar})",
                            f"line {row.line}: text matches pillar {self.pillar}'s title",
                        )
                    )
                if "①" in _row_text(row) or row.cell("no").strip() == "":
                    self._start_heading(1, row.line, "")
            elif (ordinal := self._heading_ordinal(row)) is not None:
                merged = bool(row.cell("ministries").strip() and _has_content(row))
                self._start_heading(ordinal, row.line, "" if merged else _row_text(row))
                if merged:
                    self._place(_Unit([row], None, notes=[f"line {row.line} also opens a heading"]))
            elif _NUMBER.match(number):
                self._place(_Unit([row], int(number)))
            elif _has_content(row):
                self._place(_Unit([row], None))
            else:
                self.repairs.append(
                    Repair(None, "row", _row_text(row)[:40], "", f"line {row.line}: noise dropped")
                )

    def _garbled(self, row: RawRow) -> None:
        last = self.units[-1] if self.units else None
        if last is None or not last.garbled:
            last = _Unit([], None, garbled=True)
            self._place(last)
        last.rows.append(row)

    # -- numbering --------------------------------------------------------------------
    def number(self) -> list[_Unit]:
        highest = max(u.no for u in self.units if u.no is not None)
        last = 0
        for unit in self.units:
            if unit.no is None:
                continue
            if unit.no <= last:
                fixed = next(
                    (c for c in range(last + 1, highest + 1) if str(c).endswith(str(unit.no))),
                    None,
                )
                if fixed is None:
                    self.doubts.append(
                        Doubt(unit.no, "no", f"line {unit.rows[0].line}: out of sequence")
                    )
                    unit.no = None
                    continue
                self.repairs.append(
                    Repair(
                        fixed,
                        "no",
                        str(unit.no),
                        str(fixed),
                        f"line {unit.rows[0].line}: numbers rise; {unit.no} lost its leading digit",
                    )
                )
                unit.no = fixed
            last = unit.no
        return self._fill(highest)

    def _fill(self, highest: int) -> list[_Unit]:
        numbered: list[_Unit] = []
        pending: list[_Unit] = []
        last = 0
        for unit in [*self.units, _Unit([], highest + 1)]:
            if unit.no is None:
                pending.append(unit)
                continue
            numbered.extend(self._settle(last, unit.no, pending, numbered))
            pending = []
            if unit.rows:
                numbered.append(unit)
            last = unit.no
        return numbered

    def _settle(self, last: int, nxt: int, pending: list[_Unit], done: list[_Unit]) -> list[_Unit]:
        gap = list(range(last + 1, nxt))
        garbled = [u for u in pending if u.garbled]
        if garbled:
            lines = [r.line for u in garbled for r in u.rows]
            for no in gap:
                for name in (*TEXT_FIELDS, "ministries"):
                    self.doubts.append(
                        Doubt(
                            no,
                            name,
                            f"lines {lines[0]}–{lines[-1]} are overprinted OCR; "
                            f"measure {no} is placed by the number sequence",
                        )
                    )
            return [
                _Unit([], no, garbled[0].pillar, garbled[0].heading, garbled=True) for no in gap
            ]
        if len(pending) == len(gap):
            for unit, no in zip(pending, gap, strict=True):
                self.repairs.append(
                    Repair(
                        no,
                        "no",
                        "",
                        str(no),
                        f"line {unit.rows[0].line}: number lost; the row sits between "
                        f"{last} and {nxt}",
                    )
                )
                unit.no = no
            return pending
        if not gap and done:
            for unit in pending:
                done[-1].rows.extend(unit.rows)
                self.repairs.append(
                    Repair(
                        last,
                        "row",
                        "",
                        f"line {unit.rows[0].line}",
                        f"line {unit.rows[0].line} continues measure {last} (no number free)",
                    )
                )
            return []
        missing = gap[len(pending) :]
        for no in missing:
            for name in (*TEXT_FIELDS, "ministries"):
                self.doubts.append(Doubt(no, name, f"no row of the table carries measure {no}"))
        for unit, no in zip(pending, gap, strict=False):
            unit.no = no
        base = pending[-1] if pending else (done[-1] if done else None)
        stubs = [
            _Unit([], no, base.pillar if base else 0, base.heading if base else 0) for no in missing
        ]
        return [*pending[: len(gap)], *stubs]

    # -- cells ------------------------------------------------------------------------
    def draft(self, unit: _Unit) -> MeasureDraft:
        assert unit.no is not None
        draft = MeasureDraft(unit.no, unit.pillar, unit.heading, [r.line for r in unit.rows])
        if unit.garbled or not unit.rows:
            return draft
        for name in TEXT_FIELDS[1:]:
            setattr(draft, name, join_wrapped(" ".join(r.cell(name) for r in unit.rows)))
        names = [r for r in unit.rows if join_wrapped(r.cell("name"))]
        if names:
            draft.name = join_wrapped(names[0].cell("name"))
            for row in names[1:]:
                self.repairs.append(
                    Repair(
                        unit.no,
                        "name",
                        row.cell("name"),
                        "",
                        f"line {row.line}: a continuation line's name cell is not the name",
                    )
                )
        for url in extract_urls(" ".join(r.cell("urls") for r in unit.rows)):
            if url.url not in draft.urls:
                draft.urls.append(url.url)
            for rule in url.rules:
                self.repairs.append(Repair(unit.no, "urls", url.raw, url.url, rule))
            for doubt in url.doubts:
                self.doubts.append(Doubt(unit.no, "urls", doubt))
        self._ministries(draft, unit)
        return draft

    def _ministries(self, draft: MeasureDraft, unit: _Unit) -> None:
        unknown: list[tuple[int, str]] = []
        for row in unit.rows:
            for token in split_ministry_cell(row.cell("ministries")):
                match = match_ministry(token, self.ministries)
                if match.name is None:
                    unknown.append((row.line, token))
                    continue
                if match.rule != "exact":
                    self.repairs.append(
                        Repair(
                            draft.no,
                            "ministries",
                            token,
                            match.name,
                            f"line {row.line}: canonical ministry list ({match.rule})",
                        )
                    )
                if match.name in draft.ministries:
                    self.doubts.append(
                        Doubt(
                            draft.no,
                            "ministries",
                            f"line {row.line}: {match.name} listed twice; one may be a misread "
                            "of another ministry",
                        )
                    )
                else:
                    draft.ministries.append(match.name)
        if unknown and draft.ministries:
            self.repairs.append(
                Repair(
                    draft.no,
                    "ministries",
                    " ".join(t for _, t in unknown),
                    "",
                    f"line {unknown[0][0]}: text that is no ministry dropped",
                )
            )
        elif unknown:
            self.doubts.append(
                Doubt(
                    draft.no,
                    "ministries",
                    f"line {unknown[0][0]}: {' '.join(t for _, t in unknown)!r} names no ministry",
                )
            )
        if not draft.ministries:
            self.doubts.append(Doubt(draft.no, "ministries", "the ministry cell is empty"))


def assemble(rows: list[RawRow], lineup: Lineup, ministries: list[str]) -> Assembly:
    """Turn the rows into numbered measures; every repair and doubt is recorded."""
    assembler = _Assembler(rows, lineup, ministries)
    assembler.walk()
    units = assembler.number()
    drafts = [assembler.draft(u) for u in units]
    pillars = [PillarDraft(p.number, p.title) for p in lineup.pillars]
    return Assembly(pillars, assembler.headings, drafts, assembler.repairs, assembler.doubts)
