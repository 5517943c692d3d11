"""The sampling design (標本設計) and design-based means with linearised variances.

Taylor linearisation for a stratified, clustered, weighted design with PSUs drawn with
replacement and PSU ids nested in strata: what R's `survey` package computes for
`svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE)`. A domain (a subset such
as the respondents who answered, or an age group) keeps the full design: PSUs of the
stratum with nobody in the domain count with a zero total, as `svymean` on a subset does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from tsunagari.surveys.microdata import BoolArray, FloatArray, IntArray, Microdata

LONELY_PSU_RULES = ("fail", "adjust", "average", "certainty", "remove")
# Past this many (domain, PSU) cells the totals are grouped by sorting instead of a dense table.
DENSE_CELLS_LIMIT = 4_000_000


class DesignError(Exception):
    """The design cannot give a variance as asked (a stratum with one PSU, say)."""


@dataclass(frozen=True)
class Design:
    """Weights, strata and nested PSUs of one file, and the rule for single-PSU strata."""

    weight: FloatArray
    stratum: IntArray
    psu: IntArray
    psu_stratum: IntArray
    psus_in_stratum: IntArray
    lonely_psu: str

    @property
    def psu_count(self) -> int:
        return len(self.psu_stratum)

    @property
    def stratum_count(self) -> int:
        return len(self.psus_in_stratum)

    @classmethod
    def of(cls, data: Microdata, lonely_psu: str = "fail") -> Design:
        """The design of a file; raises DesignError on a single-PSU stratum under "fail"."""
        if lonely_psu not in LONELY_PSU_RULES:
            raise DesignError(f"unknown lonely-PSU rule {lonely_psu!r}: use {LONELY_PSU_RULES}")
        psu_stratum = np.zeros(data.psu_count, dtype=np.int64)
        psu_stratum[data.psu] = data.stratum
        psus_in_stratum = np.bincount(psu_stratum, minlength=len(data.strata))
        lonely = np.flatnonzero(psus_in_stratum == 1)
        if lonely_psu == "fail" and len(lonely):
            first_line = {
                int(h): int(data.lines[np.argmax(data.stratum == h)]) for h in lonely[:10]
            }
            named = ", ".join(
                f"「{data.strata[h]}」({data.source}:{line})" for h, line in first_line.items()
            )
            raise DesignError(
                _(
                    "PSU が1つしかない層が %(count)d あります: %(strata)s。この層の分散は推定"
                    "できません。単一PSU層の扱い（--lonely-psu adjust|average|certainty|remove、"
                    "R の survey.lonely.psu と同じ）を選ぶか、隣の層と統合してください。"
                )
                % {"count": len(lonely), "strata": named}
            )
        return cls(data.weight, data.stratum, data.psu, psu_stratum, psus_in_stratum, lonely_psu)


@dataclass(frozen=True)
class DomainMeans:
    """Per domain: weighted mean, its variance, respondents (n) and design degrees of freedom."""

    estimate: FloatArray
    variance: FloatArray
    n: IntArray
    df: IntArray


def domain_means(
    design: Design, y: FloatArray, answered: BoolArray, groups: IntArray, k: int
) -> DomainMeans:
    """Weighted means of `y` in each of `k` domains (codes in `groups`, -1 = none).

    Only respondents with `answered` count; the variance is that of `svymean` on the subset
    of answering respondents in the domain, which keeps the full design (`svyby`).
    """
    rows = answered & (groups >= 0)
    g, w, yy, psu = groups[rows], design.weight[rows], y[rows], design.psu[rows]
    n = np.bincount(g, minlength=k)
    total_weight = np.bincount(g, weights=w, minlength=k)
    with np.errstate(invalid="ignore", divide="ignore"):
        estimate = np.bincount(g, weights=w * yy, minlength=k) / total_weight
        influence = w * (yy - estimate[g]) / total_weight[g]
    domain, psu_index, psu_total = _psu_totals(g, psu, influence, k, design.psu_count)
    variance, strata_in_domain = _stratified_variance(design, domain, psu_index, psu_total, k)
    psus_in_domain = np.bincount(domain, minlength=k)
    variance[n == 0] = np.nan
    return DomainMeans(estimate, variance, n, psus_in_domain - strata_in_domain)


def _psu_totals(
    g: IntArray, psu: IntArray, values: FloatArray, k: int, psu_count: int
) -> tuple[IntArray, IntArray, FloatArray]:
    """Sums of `values` for every (domain, PSU) pair with at least one row in it."""
    key = g * psu_count + psu
    if k * psu_count <= DENSE_CELLS_LIMIT:
        counts = np.bincount(key, minlength=k * psu_count)
        cells = np.flatnonzero(counts)
        totals = np.bincount(key, weights=values, minlength=k * psu_count)[cells]
    else:
        cells, inverse = np.unique(key, return_inverse=True)
        totals = np.bincount(inverse, weights=values, minlength=len(cells))
    cells = cells.astype(np.int64)
    return cells // psu_count, cells % psu_count, np.asarray(totals, dtype=np.float64)


def _stratified_variance(
    design: Design, domain: IntArray, psu: IntArray, total: FloatArray, k: int
) -> tuple[FloatArray, IntArray]:
    """Between-PSU variance within strata, summed; and strata present in each domain.

    A stratum's PSUs absent from the domain count as zero totals. Centring is done in two
    passes (mean first) so that the squares keep their precision.
    """
    strata = design.stratum_count
    size = design.psus_in_stratum.astype(np.float64)
    key = domain * strata + design.psu_stratum[psu]
    present = np.bincount(key, minlength=k * strata)
    mean = np.bincount(key, weights=total, minlength=k * strata) / np.tile(size, k)
    deviation = total - mean[key]
    absent = np.tile(size, k) - present
    squares = np.bincount(key, weights=deviation**2, minlength=k * strata) + absent * mean**2
    squares = squares.reshape(k, strata)
    in_domain = present.reshape(k, strata) > 0
    lonely = np.broadcast_to(design.psus_in_stratum == 1, (k, strata))
    with np.errstate(invalid="ignore", divide="ignore"):
        by_stratum = squares * (size / (size - 1))
    rule = design.lonely_psu
    if rule == "adjust":
        # The lone PSU's total is centred on the population mean of the linearised variable, 0.
        uncentred = np.bincount(key, weights=total**2, minlength=k * strata).reshape(k, strata)
        by_stratum = np.where(lonely, uncentred, by_stratum)
    else:
        by_stratum = np.where(lonely, 0.0, by_stratum)
    variance = by_stratum.sum(axis=1)
    if rule == "average":
        counted = in_domain.sum(axis=1)
        kept = (in_domain & ~lonely).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            variance = variance * counted / kept
    return variance, in_domain.sum(axis=1)
