"""Reference values computed by R (tests/surveys/r/reference.R), read for comparison."""

from __future__ import annotations

import csv
import math
from functools import cache

from tests.surveys.factories import FIXTURES

# The contract: estimates equal R's to 1e-8 relative, standard errors to 1e-6. Intervals come
# from R's svyglm fit (logit) and root finding, converged to about 1e-9; they are held to 1e-6.
ESTIMATE_RTOL = 1e-8
SE_RTOL = 1e-6
CI_RTOL = 1e-6
# R computes an estimate of exactly 1 as 1 - 1e-16 and its SE as 1e-17 rather than 0.
ABSOLUTE_FLOOR = 1e-12


def number(text: str) -> float:
    return math.nan if text == "NA" else float(text)


@cache
def rows(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def matches(value: float | None, expected: float, rel: float, floor: float = 0.0) -> bool:
    """Equal within tolerance; R's NaN (no value) matches tsunagari's None."""
    if math.isnan(expected):
        return value is None
    return value is not None and math.isclose(value, expected, rel_tol=rel, abs_tol=floor)
