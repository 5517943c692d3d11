"""95 % confidence intervals (信頼区間), as R's `survey` computes them.

Every interval uses Student's t with the design's degrees of freedom (PSUs minus strata of
the respondents in the domain, R's `degf()` on the subset):

- proportions, "logit" (default): R `svyciprop(method="logit")`, a Wald interval on the
  logit scale, so it stays inside (0, 1) for proportions near 0 or 1;
- proportions, "beta": R `svyciprop(method="beta")`, Korn–Graubard, a Clopper–Pearson
  interval at the effective sample size (conservative for rare outcomes);
- means: R `confint(svymean(...), df=degf(design))`.

Where the estimate is exactly 0 or 1 the linearised variance is 0 and R returns NaN for both
proportion methods; there tsunagari gives the Korn–Graubard interval at the unweighted n
(design effect 1), the convention of Korn & Graubard (1998).
"""

from __future__ import annotations

import numpy as np
from scipy import special, stats

from tsunagari.surveys.microdata import FloatArray, IntArray

LEVEL = 0.95
PROPORTION_METHODS = ("logit", "beta")


def t_quantile(df: IntArray | FloatArray) -> FloatArray:
    df = np.asarray(df, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.where(df >= 1, stats.t.ppf(1 - (1 - LEVEL) / 2, np.maximum(df, 1)), np.nan)


def mean_interval(
    estimate: FloatArray, se: FloatArray, df: IntArray
) -> tuple[FloatArray, FloatArray]:
    half = t_quantile(df) * se
    return estimate - half, estimate + half


def logit_interval(p: FloatArray, se: FloatArray, df: IntArray) -> tuple[FloatArray, FloatArray]:
    """Wald interval on the logit scale (delta method), back-transformed."""
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = special.logit(p)
        half = t_quantile(df) * se / (p * (1 - p))
        return special.expit(centre - half), special.expit(centre + half)


def beta_interval(
    p: FloatArray, se: FloatArray, n: IntArray, df: IntArray
) -> tuple[FloatArray, FloatArray]:
    """Korn–Graubard: Clopper–Pearson at the effective sample size p(1-p)/se²."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return _clopper_pearson(p, p * (1 - p) / se**2, n, df)


def _clopper_pearson(
    p: FloatArray, n_eff: FloatArray, n: IntArray, df: IntArray
) -> tuple[FloatArray, FloatArray]:
    """Beta quantiles at n_eff scaled by (t_{n-1} / t_df)², as `svyciprop(method="beta")`."""
    alpha = 1 - LEVEL
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = stats.t.ppf(alpha / 2, n - 1) / stats.t.ppf(alpha / 2, df)
        n_eff = n_eff * ratio**2
        low = stats.beta.ppf(alpha / 2, n_eff * p, n_eff * (1 - p) + 1)
        high = stats.beta.ppf(1 - alpha / 2, n_eff * p + 1, n_eff * (1 - p))
    low = np.where(p == 0, 0.0, low)
    high = np.where(p == 1, 1.0, high)
    return low, high


def proportion_interval(
    method: str, p: FloatArray, se: FloatArray, n: IntArray, df: IntArray
) -> tuple[FloatArray, FloatArray]:
    """The chosen method, with Korn–Graubard at the unweighted n where p is 0 or 1."""
    if method == "logit":
        low, high = logit_interval(p, se, df)
    elif method == "beta":
        low, high = beta_interval(p, se, n, df)
    else:
        raise ValueError(f"unknown interval method {method!r}: use {PROPORTION_METHODS}")
    degenerate = (p == 0) | (p == 1)
    if degenerate.any():
        fallback_low, fallback_high = _clopper_pearson(p, n.astype(np.float64), n, df)
        low = np.where(degenerate, fallback_low, low)
        high = np.where(degenerate, fallback_high, high)
    return low, high
