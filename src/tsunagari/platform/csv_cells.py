"""CSV cells a spreadsheet will not run: a text cell starting with =, +, -, @, a tab or a
carriage return is prefixed with an apostrophe (OWASP's CSV injection advice), so that a
name typed by staff can never become a formula on someone else's machine."""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in values]
