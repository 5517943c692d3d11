"""The whole reading of the two seeds, pure: text in, plan drafts with a report out."""

from __future__ import annotations

from dataclasses import dataclass, field

from tsunagari.measures.parsing.alignment import (
    Link,
    align,
    complete_names,
    fill_sequence_gaps,
    looks_cut,
)
from tsunagari.measures.parsing.assemble import assemble
from tsunagari.measures.parsing.corrections import Corrections
from tsunagari.measures.parsing.drafts import Assembly, Doubt, Repair
from tsunagari.measures.parsing.errors import SourceError
from tsunagari.measures.parsing.lineup import Lineup, parse_lineup
from tsunagari.measures.parsing.status_table import read_status_table


@dataclass
class PlanReading:
    lineup: Lineup
    plan: Assembly
    links: list[Link]
    discontinued: dict[int, str] = field(default_factory=dict)  # 2023 page → reason

    @property
    def repairs(self) -> list[Repair]:
        return self.plan.repairs

    @property
    def doubts(self) -> list[Doubt]:
        return self.plan.doubts


def _apply(reading: PlanReading, corrections: Corrections, source: str) -> None:
    plan = reading.plan
    by_no = {m.no: m for m in plan.measures}
    settled: set[tuple[int | None, str]] = set()
    for index, fix in enumerate(corrections.measures, start=1):
        draft = by_no.get(fix.no)
        if draft is None:
            raise SourceError(f"{source} measures", index, 1, f"no measure {fix.no} in the plan")
        before = getattr(draft, fix.field)
        setattr(draft, fix.field, fix.value)
        shown = " ".join(before) if isinstance(before, list) else before
        after = " ".join(fix.value) if isinstance(fix.value, list) else fix.value
        plan.repairs.append(
            Repair(fix.no, fix.field, shown, after, f"corrections.yaml: {fix.reason}")
        )
        settled.add((fix.no, fix.field))
        if not fix.certain:
            plan.doubts.append(
                Doubt(fix.no, fix.field, f"set by hand, to check in the printed plan: {fix.reason}")
            )
    for index, heading_fix in enumerate(corrections.headings, start=1):
        heading = next(
            (
                h
                for h in plan.headings
                if h.pillar == heading_fix.pillar and h.number == heading_fix.number
            ),
            None,
        )
        if heading is None:
            raise SourceError(f"{source} headings", index, 1, "no such heading in the plan")
        plan.repairs.append(
            Repair(
                None,
                f"heading ({heading.pillar}){heading.number}",
                heading.title,
                heading_fix.title,
                f"corrections.yaml: {heading_fix.reason}",
            )
        )
        heading.title = heading_fix.title
        settled.add((None, f"heading ({heading.pillar}){'①②③④⑤⑥⑦⑧⑨'[heading.number - 1]}"))
    plan.doubts[:] = [
        d for d in plan.doubts if (d.no, d.field) not in settled or d.note.startswith("set by hand")
    ]
    _apply_links(reading, corrections, source)


def _apply_links(reading: PlanReading, corrections: Corrections, source: str) -> None:
    pages = {e.page for e in reading.lineup.primary_entries()}
    numbers = {m.no for m in reading.plan.measures}
    for index, fix in enumerate(corrections.links, start=1):
        if fix.page not in pages or (fix.successor is not None and fix.successor not in numbers):
            raise SourceError(f"{source} links", index, 1, "unknown page or measure number")
        reading.links = [link for link in reading.links if link.page != fix.page]
        if fix.successor is None:
            reading.discontinued[fix.page] = fix.reason
        else:
            reading.links.append(Link(fix.successor, fix.page, 1.0, "corrections.yaml"))
    for draft in reading.plan.measures:
        own = [link for link in reading.links if link.no == draft.no]
        if own:
            best = max(own, key=lambda link: link.score)
            draft.predecessor_page, draft.link_score, draft.link_method = (
                best.page,
                best.score,
                best.method,
            )


def _settle_names(plan: Assembly) -> None:
    named = {r.no for r in plan.repairs if r.field == "name"}
    plan.doubts[:] = [
        d
        for d in plan.doubts
        if not (
            d.field == "name"
            and d.no in named
            and not d.note.startswith("set by hand")
            and not looks_cut(next(m.name for m in plan.measures if m.no == d.no))
        )
    ]


def read_plan(
    lineup_text: str,
    status_text: str,
    corrections: Corrections,
    ministries: list[str],
    sources: tuple[str, str, str] = ("lineup", "status table", "corrections.yaml"),
) -> PlanReading:
    """Parse both seeds, repair by rule, apply the corrections; raises SourceError."""
    lineup = parse_lineup(lineup_text, sources[0])
    rows = read_status_table(status_text, sources[1])
    plan = assemble(rows, lineup, ministries)
    entries = lineup.primary_entries()
    links = fill_sequence_gaps(plan.measures, entries, align(plan.measures, entries))
    repairs, doubts = complete_names(plan.measures, entries, links)
    plan.repairs.extend(repairs)
    plan.doubts.extend(doubts)
    _settle_names(plan)
    reading = PlanReading(lineup, plan, links)
    _apply(reading, corrections, sources[2])
    return reading
