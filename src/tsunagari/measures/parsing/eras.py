"""Years and dates in the plan's sentences (和暦・西暦); 年度 is the fiscal year April–March."""

from __future__ import annotations

import re
from dataclasses import dataclass

ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年(度)?")
_RANGE = r"(?:\s*[~〜～-]\s*(?P<last>\d{1,2}))?"
_MONTH = r"(?:\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?)?"
_WHEN = re.compile(
    r"(?:(?P<era>令和|平成|昭和)\s*(?P<n>元|\d{1,2})|(?P<west>(?:19|20)\d{2}))"
    + _RANGE
    + r"\s*年(?P<fiscal>度)?(?P<end>末)?"
    + _MONTH
    + r"(?P<mend>末)?"
)


@dataclass(frozen=True)
class EraYear:
    year: int
    fiscal: bool
    text: str


@dataclass(frozen=True)
class When:
    """One year or date in a sentence, where it stands and what it says."""

    start: int
    end: int
    year: int  # the Western year the text names (the first, for a range)
    fiscal: bool  # 年度
    month: int | None
    day: int | None
    text: str

    @property
    def fiscal_year(self) -> int:
        """The fiscal year the mention falls in; a calendar year without a month is itself."""
        if self.fiscal or self.month is None:
            return self.year
        return fiscal_year_of_month(self.year, self.month)

    @property
    def is_date(self) -> bool:
        """A day, or a month of a calendar year: a point in time, never a deadline by itself."""
        return self.day is not None or (self.month is not None and not self.fiscal)


def to_year(era: str, number: str) -> int:
    return ERA_START[era] + (1 if number == "元" else int(number))


def find_era_years(text: str) -> list[EraYear]:
    """Every era year in `text`: 令和6年度 → FY2024, 令和7年 → calendar 2025."""
    return [
        EraYear(to_year(m.group(1), m.group(2)), bool(m.group(3)), m.group(0))
        for m in _ERA.finditer(text)
    ]


def find_whens(text: str) -> list[When]:
    """Every year or date: 令和6年度末, 令和7年3月18日, 令和6~8年度, 2019年 (calendar)."""
    found = []
    for m in _WHEN.finditer(text):
        year = to_year(m["era"], m["n"]) if m["era"] else int(m["west"])
        month = int(m["month"]) if m["month"] else None
        if month is not None and not 1 <= month <= 12:
            month = None
        day = int(m["day"]) if m["day"] and month else None
        found.append(When(m.start(), m.end(), year, bool(m["fiscal"]), month, day, m.group(0)))
    return found


def fiscal_year_of_month(year: int, month: int) -> int:
    """The fiscal year a calendar month falls in (FY2024 = April 2024 – March 2025)."""
    return year if month >= 4 else year - 1
