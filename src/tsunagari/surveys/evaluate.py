"""Before/after evaluation (事業評価) of an NPO programme, paired by respondent id.

Participants answer the same questionnaire before and after. For the UCLA-3 score and the
direct question the change is described (mean, 95 % interval), tested (paired t-test,
Wilcoxon signed-rank test as R's `wilcox.test(paired=TRUE)` does it) and sized (Cohen's dz
with its noncentral-t interval). Design columns are ignored: participants are not a
probability sample, and without a comparison group a change is not an effect.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy import optimize, stats

from tsunagari.surveys.instruments import DIRECT_JA, UCLA3_JA
from tsunagari.surveys.microdata import FloatArray, Microdata

CAVEAT = _(
    "比較群（事業に参加しなかった人）がないため、この変化を事業の効果とみなすことはできません。"
    "変化には、平均への回帰（孤独感の強い時期に参加した人は何もしなくても下がりやすい）、"
    "時期や季節による変化、途中で回答しなくなった人の偏りも含まれます。"
)
MEASURES = {
    "ucla3_total": (UCLA3_JA, _("UCLA孤独感尺度（3項目）の得点（3〜12点、高いほど孤独）")),
    "direct_frequency": (
        DIRECT_JA,
        _("直接質問の頻度得点（6−回答コード：1＝決してない〜5＝しばしばある・常にある）"),
    ),
}


@dataclass(frozen=True)
class PairedChange:
    """Change from before to after in one measure, over the pairs that answered both times."""

    measure: str
    instrument: str
    n_paired: int
    n_lost: int
    mean_pre: float | None
    mean_post: float | None
    mean_change: float | None
    sd_change: float | None
    change_ci_low: float | None
    change_ci_high: float | None
    t: float | None
    t_df: int | None
    t_p: float | None
    wilcoxon_v: float | None
    wilcoxon_p: float | None
    wilcoxon_method: str | None
    dz: float | None
    dz_ci_low: float | None
    dz_ci_high: float | None


@dataclass(frozen=True)
class Evaluation:
    pre_source: str
    post_source: str
    n_pre: int
    n_post: int
    n_dropped_out: int
    n_joined_late: int
    measures: dict[str, PairedChange]
    synthetic: bool

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["caveat"] = str(CAVEAT)
        data["meta"] = {
            "synthetic": self.synthetic,
            "confidence_level": 0.95,
            "pairing": "by id; a pair counts for a measure if it was answered both times",
            "design_columns": "ignored: programme participants are not a probability sample",
        }
        return data


class PairingError(ValueError):
    """The two files share no respondent: there is nothing to compare."""


def evaluate_programme(pre: Microdata, post: Microdata) -> Evaluation:
    """Pair the two files by id and describe the change in each measure. Raises
    PairingError, naming both files, when no id is in both."""
    post_index = {respondent: i for i, respondent in enumerate(post.ids)}
    pairs = [(i, post_index[r]) for i, r in enumerate(pre.ids) if r in post_index]
    if not pairs:
        raise PairingError(
            _(
                "事前のファイル %(pre)s（%(n_pre)d人）と事後のファイル %(post)s（%(n_post)d人）に"
                "共通する回答者ID（id 列）がひとつもないため、比較できません。"
                "同じ参加者には事前と事後で同じIDを付けてください。"
            )
            % {
                "pre": Path(pre.source).name,
                "n_pre": pre.n,
                "post": Path(post.source).name,
                "n_post": post.n,
            }
        )
    before_rows = np.array([i for i, _ in pairs], dtype=np.int64)
    after_rows = np.array([j for _, j in pairs], dtype=np.int64)
    measures = {}
    for key, (instrument, _label) in MEASURES.items():
        before = _measure(pre, key)[before_rows]
        after = _measure(post, key)[after_rows]
        answered = ~np.isnan(before) & ~np.isnan(after)
        change = paired_change(before[answered], after[answered])
        measures[key] = PairedChange(
            key, instrument.key, int(answered.sum()), pre.n - int(answered.sum()), **change
        )
    return Evaluation(
        pre.source,
        post.source,
        pre.n,
        post.n,
        pre.n - len(pairs),
        post.n - len(pairs),
        measures,
        pre.synthetic or post.synthetic,
    )


def _measure(data: Microdata, key: str) -> FloatArray:
    if key == "ucla3_total":
        return data.ucla_total
    return np.where(data.direct > 0, 6.0 - data.direct, np.nan)


def paired_change(before: FloatArray, after: FloatArray) -> dict[str, Any]:
    """Mean change, paired t-test, Wilcoxon signed-rank test and Cohen's dz."""
    n = len(before)
    change = after - before
    result: dict[str, Any] = dict.fromkeys(
        ("mean_pre", "mean_post", "mean_change", "sd_change", "change_ci_low", "change_ci_high",
         "t", "t_df", "t_p", "wilcoxon_v", "wilcoxon_p", "wilcoxon_method",
         "dz", "dz_ci_low", "dz_ci_high")
    )  # fmt: skip
    if n == 0:
        return result
    result.update(
        mean_pre=float(before.mean()),
        mean_post=float(after.mean()),
        mean_change=float(change.mean()),
    )
    if n < 2:
        return result
    sd = float(change.std(ddof=1))
    result["sd_change"] = sd
    half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    result.update(
        change_ci_low=result["mean_change"] - half, change_ci_high=result["mean_change"] + half
    )
    result.update(_wilcoxon(change))
    if sd > 0:
        test = stats.ttest_rel(after, before)
        dz = result["mean_change"] / sd
        low, high = dz_interval(dz, n)
        result.update(
            t=float(test.statistic), t_df=n - 1, t_p=float(test.pvalue),
            dz=dz, dz_ci_low=low, dz_ci_high=high,
        )  # fmt: skip
    return result


def _wilcoxon(change: FloatArray) -> dict[str, Any]:
    """R's rule: exact below 50 pairs without zeros or ties, else normal with correction."""
    nonzero = change[change != 0]
    if len(nonzero) == 0:
        return {}
    ranks = stats.rankdata(np.abs(nonzero))
    exact = len(nonzero) == len(change) < 50 and len(np.unique(np.abs(nonzero))) == len(nonzero)
    test = stats.wilcoxon(
        nonzero,
        zero_method="wilcox",
        correction=not exact,
        method="exact" if exact else "asymptotic",
    )
    return {
        "wilcoxon_v": float(ranks[nonzero > 0].sum()),
        "wilcoxon_p": float(test.pvalue),
        "wilcoxon_method": "exact" if exact else "normal approximation, continuity-corrected",
    }


def dz_interval(dz: float, n: int, level: float = 0.95) -> tuple[float, float]:
    """Interval for Cohen's dz by inverting the noncentral t distribution of dz·√n."""
    df = n - 1
    t_obs = dz * math.sqrt(n)
    spread = 10 * math.sqrt(1 + t_obs**2 / (2 * df))
    alpha = 1 - level

    def tail(ncp: float) -> float:
        value = float(stats.nct.cdf(t_obs, df, ncp))
        if math.isnan(value):  # far tails, where the series does not converge
            return 0.0 if ncp > t_obs else 1.0
        return value

    def bound(probability: float) -> float:
        return float(
            optimize.brentq(
                lambda ncp: tail(ncp) - probability,
                t_obs - spread,
                t_obs + spread,
                xtol=1e-12,
            )
        )

    return bound(1 - alpha / 2) / math.sqrt(n), bound(alpha / 2) / math.sqrt(n)
