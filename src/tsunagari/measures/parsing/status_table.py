"""Seed 001: the 2024 plan's 実施状況 table, a PDF extraction of tab-separated rows.

This module only reads the layout: it finds the header, checks the columns, and turns
every line into a row of the eight official columns, recording where a line had one
column too few or too many. Giving rows their measure numbers is `assemble`'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from tsunagari.measures.parsing.errors import SourceError
from tsunagari.measures.parsing.text import normalize

COLUMNS = (
    "施策No.",
    "施策名",
    "施策の概要",
    "目標及び達成の期間",
    "目標の達成状況",
    "達成状況を踏まえた施策の見直し方針",
    "関連URL",
    "担当府省庁",
)
FIELDS = ("no", "name", "overview", "target", "achievement", "review", "urls", "ministries")
_NUMBER = re.compile(r"^\d{1,3}$")
_URL_LIKE = re.compile(r"https?:|www\.|[a-z]{2,}/")


class Layout(Enum):
    FULL = "8 columns"
    NO_URL = "7 columns: the URL column is missing"
    NO_NUMBER = "7 columns: the number column is missing"
    TRAILING_EXTRA = "9 columns: an empty extra column at the end"
    LEADING_EXTRA = "9 columns: overprinted text in an extra first column"
    TEXT = "a line outside the table's columns"


@dataclass(frozen=True)
class RawRow:
    line: int
    cells: tuple[str, ...]  # the eight official columns, in FIELDS order
    layout: Layout
    dropped: str = ""  # text of an extra column that was set aside

    def cell(self, field: str) -> str:
        return self.cells[FIELDS.index(field)]

    @property
    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


def _find_header(lines: list[str], source: str) -> int:
    for index, line in enumerate(lines):
        cells = [_compact(c) for c in line.split("\t")]
        if cells and cells[0] == COLUMNS[0]:
            if len(cells) != len(COLUMNS):
                raise SourceError(
                    source,
                    index + 1,
                    len(cells),
                    f"the header has {len(cells)} columns; the status table has "
                    f"{len(COLUMNS)}: {' | '.join(COLUMNS)}",
                )
            for column, (found, expected) in enumerate(zip(cells, COLUMNS, strict=True), 1):
                if found != expected:
                    raise SourceError(
                        source,
                        index + 1,
                        column,
                        f"header column {column} is {found!r}; expected {expected!r} "
                        "(a different table layout)",
                    )
            return index
    raise SourceError(
        source, 1, 1, f"no header row starting with {COLUMNS[0]!r}: not a 実施状況 table"
    )


def _nine_cell_layouts(lines: list[str], start: int) -> dict[int, Layout]:
    """Runs of 9-cell lines share a layout: any text in the last column means the extra
    column is the first one (overprinted text), otherwise the extra column is the last."""
    layouts: dict[int, Layout] = {}
    run: list[int] = []

    def close() -> None:
        leading = any(lines[i].split("\t")[-1].strip() for i in run)
        for i in run:
            layouts[i] = Layout.LEADING_EXTRA if leading else Layout.TRAILING_EXTRA
        run.clear()

    for index in range(start, len(lines)):
        count = len(lines[index].split("\t"))
        if count == 9:
            run.append(index)
        elif count != 1 or lines[index].strip():
            close()
    close()
    return layouts


def _seven_cell_layout(cells: list[str], before: list[RawRow]) -> Layout:
    """Which column a 7-cell line lost: a number in front means the URL column; a URL in
    the sixth cell means the number column; otherwise the line continues its neighbour."""
    if _NUMBER.match(cells[0].strip()):
        return Layout.NO_URL
    if _URL_LIKE.search(cells[5]):
        return Layout.NO_NUMBER
    for row in reversed(before[-2:]):
        if row.layout in (Layout.NO_URL, Layout.NO_NUMBER):
            return row.layout
    return Layout.NO_NUMBER


def read_status_table(text: str, source: str = "status table") -> list[RawRow]:
    """Every line after the header as a row of the eight columns.

    Raises SourceError (file, line, column) when the header is missing or different, or a
    line has a number of cells no known extraction fault explains.
    """
    lines = text.splitlines()
    header = _find_header(lines, source)
    nine = _nine_cell_layouts(lines, header + 1)
    rows: list[RawRow] = []
    for index in range(header + 1, len(lines)):
        cells = lines[index].split("\t")
        number = index + 1
        if len(cells) == 1:
            rows.append(RawRow(number, (cells[0], "", "", "", "", "", "", ""), Layout.TEXT))
        elif len(cells) == 8:
            rows.append(RawRow(number, tuple(cells), Layout.FULL))
        elif len(cells) == 7:
            layout = _seven_cell_layout(cells, rows)
            if layout is Layout.NO_URL:
                rows.append(RawRow(number, (*cells[:6], "", cells[6]), layout))
            else:
                rows.append(RawRow(number, ("", *cells), layout))
        elif len(cells) == 9 and nine[index] is Layout.TRAILING_EXTRA:
            rows.append(RawRow(number, tuple(cells[:8]), Layout.TRAILING_EXTRA))
        elif len(cells) == 9:
            rows.append(RawRow(number, tuple(cells[1:]), Layout.LEADING_EXTRA, cells[0]))
        else:
            raise SourceError(
                source,
                number,
                min(len(cells), 9),
                f"{len(cells)} cells; a status-table row has {len(COLUMNS)} "
                "(7 or 9 only where the PDF extraction lost or added one column)",
            )
    if not any(_NUMBER.match(r.cell("no").strip()) for r in rows):
        raise SourceError(source, header + 2, 1, "no numbered measure rows after the header")
    return rows
