"""What the parsers hand to the importer: measure drafts, repairs and open questions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Repair:
    """One change made to the source text, by a named rule or a corrections entry."""

    no: int | None  # the measure, or None for a heading or the plan
    field: str
    before: str
    after: str
    rule: str


@dataclass(frozen=True)
class Doubt:
    """A field that is still uncertain after every sound repair (要確認)."""

    no: int | None
    field: str
    note: str


@dataclass
class MeasureDraft:
    no: int
    pillar: int
    heading: int
    lines: list[int]
    name: str = ""
    overview: str = ""
    target: str = ""
    achievement: str = ""
    review: str = ""
    urls: list[str] = field(default_factory=list)
    ministries: list[str] = field(default_factory=list)
    predecessor_page: int | None = None  # the 2023 lineup measure it continues
    link_score: float = 0.0
    link_method: str = ""

    def full_text(self) -> str:
        return " ".join((self.name, self.overview, self.target, self.achievement, self.review))


@dataclass
class HeadingDraft:
    pillar: int
    number: int
    title: str
    line: int | None = None  # where the table shows it; None when inferred


@dataclass
class PillarDraft:
    number: int
    title: str


@dataclass
class Assembly:
    pillars: list[PillarDraft]
    headings: list[HeadingDraft]
    measures: list[MeasureDraft]
    repairs: list[Repair] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
