"""Japanese era years (和暦) to Western years; 年度 is the fiscal year April–March."""

from __future__ import annotations

import re
from dataclasses import dataclass

ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年(度)?")


@dataclass(frozen=True)
class EraYear:
    year: int
    fiscal: bool
    text: str


def to_year(era: str, number: str) -> int:
    return ERA_START[era] + (1 if number == "元" else int(number))


def find_era_years(text: str) -> list[EraYear]:
    """Every era year in `text`: 令和6年度 → FY2024, 令和7年 → calendar 2025."""
    return [
        EraYear(to_year(m.group(1), m.group(2)), bool(m.group(3)), m.group(0))
        for m in _ERA.finditer(text)
    ]


def fiscal_year_of_month(year: int, month: int) -> int:
    """The fiscal year a calendar month falls in (FY2024 = April 2024 – March 2025)."""
    return year if month >= 4 else year - 1
