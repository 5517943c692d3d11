"""Survey microdata (個票データ) held as columns, and the errors found while reading it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from tsunagari.surveys.instruments import UCLA_HIGH_THRESHOLD

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MAX_REPORTED_ERRORS = 200


@dataclass(frozen=True)
class InputError:
    """One problem in an input file: where it is (file, line, column) and what is wrong."""

    file: str
    line: int
    column: str | None
    template: Promise | str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(self.template) % self.params if self.params else str(self.template)

    def __str__(self) -> str:
        if self.column:
            return _("%(file)s %(line)d行目 %(column)s列: %(message)s") % {
                "file": self.file,
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("%(file)s %(line)d行目: %(message)s") % {
            "file": self.file,
            "line": self.line,
            "message": self.message,
        }


class MicrodataError(Exception):
    """A file was rejected whole; `errors` says where and why (at most MAX_REPORTED_ERRORS)."""

    def __init__(self, errors: list[InputError], total: int | None = None) -> None:
        self.errors = errors
        self.total = len(errors) if total is None else total
        super().__init__("\n".join(str(error) for error in errors))


class ErrorCollector:
    """Collects input errors for one file, keeping the first few and counting the rest."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[InputError] = []
        self.total = 0

    def add(self, line: int, where: str | None, template: Promise | str, /, **params: Any) -> None:
        self.total += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(InputError(self.file, line, where, template, params))

    def raise_if_any(self) -> None:
        if self.total:
            raise MicrodataError(sorted(self.errors, key=lambda e: e.line), self.total)


@dataclass(frozen=True)
class Attribute:
    """A column to break results down by (集計区分): level codes, -1 where blank."""

    name: str
    codes: IntArray
    levels: list[str]


@dataclass(frozen=True)
class Microdata:
    """One validated file, one row per respondent (回答者).

    Answers are codes of tsunagari's codebook with 0 for item non-response (無回答). PSU
    indices are nested in strata: the same PSU label in two strata is two PSUs.
    """

    source: str
    ids: list[str]
    lines: IntArray
    weight: FloatArray
    stratum: IntArray
    strata: list[str]
    psu: IntArray
    psu_count: int
    direct: IntArray
    ucla: IntArray
    attributes: dict[str, Attribute]
    design_columns: frozenset[str]
    synthetic: bool
    mapping: str | None = None

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def ucla_total(self) -> FloatArray:
        """UCLA-3 score (3–12); NaN unless all three items were answered."""
        total = self.ucla.sum(axis=1).astype(np.float64)
        total[(self.ucla == 0).any(axis=1)] = np.nan
        return total

    def indicator_values(self, key: str) -> tuple[FloatArray, BoolArray]:
        """The indicator's value for each respondent and whether they answered its items."""
        if key in ("direct_often_always", "direct_any"):
            answered = self.direct > 0
            cut = 1 if key == "direct_often_always" else 3
            return ((self.direct >= 1) & (self.direct <= cut)).astype(np.float64), answered
        total = self.ucla_total
        answered = ~np.isnan(total)
        if key == "ucla3_mean":
            return np.where(answered, total, 0.0), answered
        if key == "ucla3_high":
            return (np.where(answered, total, 0.0) >= UCLA_HIGH_THRESHOLD).astype(
                np.float64
            ), answered
        raise KeyError(key)
