"""data/measures/corrections.yaml: every repair no rule can make, each with its reason.

Entries set one field of one 2024 measure, the title of a heading, or the 2023 → 2024
link of a lineup measure. An entry marked `certain: false` is applied but stays in the
report's list of uncertain fields until someone checks it against the printed plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tsunagari.measures.parsing.errors import SourceError

MEASURE_FIELDS = ("name", "ministries", "overview", "target", "achievement", "review", "urls")
_LIST_FIELDS = ("ministries", "urls")


@dataclass(frozen=True)
class FieldCorrection:
    no: int
    field: str
    value: str | list[str]
    reason: str
    certain: bool


@dataclass(frozen=True)
class HeadingCorrection:
    pillar: int
    number: int
    title: str
    reason: str


@dataclass(frozen=True)
class LinkCorrection:
    page: int  # the 2023 lineup measure, by its page
    successor: int | None  # the 2024 measure number; None: discontinued
    reason: str


@dataclass(frozen=True)
class Corrections:
    measures: list[FieldCorrection]
    headings: list[HeadingCorrection]
    links: list[LinkCorrection]


def _require(entry: Any, keys: set[str], optional: set[str], where: tuple[str, int]) -> None:
    source, index = where
    if not isinstance(entry, dict):
        raise SourceError(source, index, 1, "each entry must be a mapping")
    missing = keys - entry.keys()
    unknown = entry.keys() - keys - optional
    if missing:
        raise SourceError(source, index, 1, f"missing {', '.join(sorted(missing))}")
    if unknown:
        raise SourceError(source, index, 1, f"unknown key(s) {', '.join(sorted(unknown))}")
    if not str(entry["reason"]).strip():
        raise SourceError(source, index, 1, "the reason is empty")


def parse_corrections(text: str, source: str = "corrections.yaml") -> Corrections:
    """Validate and read the file; SourceError names the section and entry number."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or data.keys() - {"measures", "headings", "links"}:
        raise SourceError(source, 1, 1, "top level must hold only measures, headings, links")
    measures: list[FieldCorrection] = []
    for index, entry in enumerate(data.get("measures") or [], start=1):
        where = (f"{source} measures", index)
        _require(entry, {"measure", "field", "value", "reason"}, {"certain"}, where)
        if entry["field"] not in MEASURE_FIELDS:
            raise SourceError(*where, 1, f"field must be one of {', '.join(MEASURE_FIELDS)}")
        value = entry["value"]
        if entry["field"] in _LIST_FIELDS:
            if not isinstance(value, list):
                raise SourceError(*where, 1, f"{entry['field']} takes a list")
            value = [str(v) for v in value]
        else:
            value = str(value).strip()
        measures.append(
            FieldCorrection(
                int(entry["measure"]),
                entry["field"],
                value,
                str(entry["reason"]).strip(),
                bool(entry.get("certain", True)),
            )
        )
    headings = []
    for index, entry in enumerate(data.get("headings") or [], start=1):
        _require(
            entry, {"pillar", "number", "title", "reason"}, set(), (f"{source} headings", index)
        )
        headings.append(
            HeadingCorrection(
                int(entry["pillar"]),
                int(entry["number"]),
                str(entry["title"]),
                str(entry["reason"]).strip(),
            )
        )
    links = []
    for index, entry in enumerate(data.get("links") or [], start=1):
        _require(entry, {"page", "successor", "reason"}, set(), (f"{source} links", index))
        successor = entry["successor"]
        links.append(
            LinkCorrection(
                int(entry["page"]),
                None if successor is None else int(successor),
                str(entry["reason"]).strip(),
            )
        )
    return Corrections(measures, headings, links)


def load_corrections(path: Path) -> Corrections:
    return parse_corrections(path.read_text(encoding="utf-8"), path.name)
