"""Estimates arranged for the templates: formatted numbers, one table per breakdown."""

from __future__ import annotations

from dataclasses import dataclass

from tsunagari.surveys.exports import format_cell
from tsunagari.surveys.instruments import INDICATORS_BY_KEY, Indicator
from tsunagari.surveys.results import Cell, SurveyEstimates
from tsunagari.surveys.variables import label


@dataclass(frozen=True)
class TableRow:
    label: str
    estimate: str
    se: str
    interval: str
    n: int
    small: bool


@dataclass(frozen=True)
class Breakdown:
    column: str  # the file's variable name: in URLs and downloads
    rows: list[TableRow]

    @property
    def label(self) -> str:
        """What people read: 年齢層, not age_group."""
        return label(self.column)


@dataclass(frozen=True)
class IndicatorTable:
    indicator: Indicator
    overall: TableRow
    breakdowns: list[Breakdown]


def row(label: str, cell: Cell, indicator: Indicator) -> TableRow:
    estimate, se, interval = format_cell(cell, indicator.is_proportion)
    return TableRow(label, estimate, se, interval, cell.n, cell.small)


def indicator_tables(estimates: SurveyEstimates, overall_label: str) -> list[IndicatorTable]:
    tables = []
    for key, result in estimates.indicators.items():
        indicator = INDICATORS_BY_KEY[key]
        tables.append(
            IndicatorTable(
                indicator,
                row(overall_label, result.overall, indicator),
                [
                    Breakdown(column, [row(level, c, indicator) for level, c in cells.items()])
                    for column, cells in result.by.items()
                ],
            )
        )
    return tables
