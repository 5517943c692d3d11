"""Estimates as published: cells, their JSON shape (docs: spec/survey.md) and flat rows."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tsunagari.surveys.instruments import INDICATORS

SMALL_CELL_N = 30
INDICATOR_ORDER = [indicator.key for indicator in INDICATORS]
SYNTHETIC_NOTICE = (
    "SYNTHETIC: 合成データ（実在の調査結果ではありません） / synthetic data, not survey results"
)


@dataclass(frozen=True)
class Cell:
    """One estimate with its standard error, 95 % interval and unweighted n (集計セル)."""

    estimate: float | None
    se: float | None
    ci_low: float | None
    ci_high: float | None
    n: int

    @property
    def small(self) -> bool:
        """Fewer than 30 respondents: published statistics suppress or caveat such cells."""
        return self.n < SMALL_CELL_N

    def to_json(self) -> dict[str, Any]:
        cell: dict[str, Any] = {
            "estimate": self.estimate,
            "se": self.se,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "n": self.n,
        }
        if self.small:
            cell["small"] = True
        return cell

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Cell:
        return cls(data["estimate"], data["se"], data["ci_low"], data["ci_high"], data["n"])

    @classmethod
    def of(cls, estimate: float, se: float, low: float, high: float, n: int) -> Cell:
        return cls(_finite(estimate), _finite(se), _finite(low), _finite(high), int(n))


def _finite(value: float) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class IndicatorEstimates:
    overall: Cell
    by: dict[str, dict[str, Cell]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_json(),
            "by": {
                column: {level: cell.to_json() for level, cell in cells.items()}
                for column, cells in self.by.items()
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], breakdowns: list[str]) -> IndicatorEstimates:
        """Read back, in the published order whatever order the storage kept the keys in."""
        by = data["by"]
        return cls(
            Cell.from_json(data["overall"]),
            {
                column: {
                    level: Cell.from_json(by[column][level])
                    for level in sorted(by[column], key=natural)
                }
                for column in sorted(by, key=_position_in(breakdowns))
            },
        )


def natural(label: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "9" before "10" and "16-19" before "20-29"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", label)
        if part
    )


def _position_in(order: list[str]) -> Callable[[str], tuple[int, str]]:
    def key(item: str) -> tuple[int, str]:
        return (order.index(item) if item in order else len(order), item)

    return key


@dataclass(frozen=True)
class Row:
    """One flat row of results, for CSV files and tables."""

    indicator: str
    breakdown: str
    level: str
    cell: Cell


@dataclass(frozen=True)
class SurveyEstimates:
    """Every indicator, overall and by domains, with what a reader needs to know (meta)."""

    n: int
    indicators: dict[str, IndicatorEstimates]
    meta: dict[str, Any]

    @property
    def synthetic(self) -> bool:
        return bool(self.meta.get("synthetic"))

    @property
    def breakdowns(self) -> list[str]:
        first = next(iter(self.indicators.values()), None)
        return list(first.by) if first else []

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "indicators": {key: value.to_json() for key, value in self.indicators.items()},
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SurveyEstimates:
        meta = data.get("meta", {})
        breakdowns = meta.get("breakdowns", [])
        indicators = data["indicators"]
        return cls(
            data["n"],
            {
                key: IndicatorEstimates.from_json(indicators[key], breakdowns)
                for key in sorted(indicators, key=_position_in(INDICATOR_ORDER))
            },
            meta,
        )

    def rows(self) -> Iterator[Row]:
        for key, estimates in self.indicators.items():
            yield Row(key, "", "", estimates.overall)
            for column, cells in estimates.by.items():
                for level, cell in cells.items():
                    yield Row(key, column, level, cell)
