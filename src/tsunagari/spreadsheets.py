"""Every CSV and .xlsx file we hand out is written here, with cells made inert.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or a carriage return before them, or spaces) as a formula: text an editor
typed (``=HYPERLINK(...)``) or a value in an uploaded survey file (``=1+2+cmd|...``) would
become a link or a command on a colleague's machine (OWASP "CSV injection").

- CSV has no types, so such text gets a leading apostrophe, which spreadsheets read as
  "this is text" and do not show. Numbers, negative ones included, are left as they are.
- In .xlsx a cell has a type: text is written as a string cell marked ``quotePrefix`` (what
  Excel itself does for text typed after an apostrophe), so it keeps its exact wording and
  never becomes a formula, now or when someone edits it.

Nothing else in the project may call ``csv.writer`` or build an openpyxl workbook
(``tests/test_spreadsheets.py`` looks).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# Characters that start a formula or a DDE command; a tab or carriage return first is
# read as such by some programs too. Compared after NFKC, so full-width ＝＋－＠ count.
FORMULA_STARTS = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def is_number(text: str) -> bool:
    """A plain decimal number (``-12``, ``-0.5``, ``1e-05``), which a spreadsheet reads
    as that number and nothing more."""
    return _NUMBER.fullmatch(text.strip()) is not None


def runs_as_formula(text: str) -> bool:
    """Would a spreadsheet treat this text as a formula (or a command)? Spaces and line
    breaks before the sign do not make it safe (a tab or CR is itself such a sign)."""
    if not text or is_number(text):
        return False
    rest = text.lstrip(" \u3000\u00a0\n\v\f")
    return bool(rest) and unicodedata.normalize("NFKC", rest[0])[:1] in FORMULA_STARTS


def inert(value: Any) -> Any:
    """A CSV field: text that would run gets an apostrophe first; the rest is unchanged."""
    if isinstance(value, str) and runs_as_formula(value):
        return "'" + value
    return value


class CsvWriter:
    """``csv.writer`` whose every field passes through ``inert``."""

    def __init__(self, out: io.TextIOBase | io.StringIO, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([inert(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(header: Iterable[Any], rows: Iterable[Iterable[Any]], **options: Any) -> str:
    """A whole CSV file as text, header first."""
    out = io.StringIO()
    writer = CsvWriter(out, **options)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A workbook with one sheet of that title."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    return book, sheet


def set_text(cell: Cell, value: Any) -> None:
    """Put a value in a cell; text always stays text."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl makes any "=..." a formula otherwise
        if runs_as_formula(value):
            cell.quotePrefix = True
    else:
        cell.value = value


def append_row(sheet: Worksheet, values: Iterable[Any]) -> int:
    """Add a row below the last one (like ``Worksheet.append``); the row's number."""
    values = list(values)
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        assert isinstance(cell, Cell)  # a new row has no merged cells
        set_text(cell, value)
    return row
