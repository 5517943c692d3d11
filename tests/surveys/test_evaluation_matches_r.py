"""The before/after statistics equal R's t.test, wilcox.test and the noncentral-t dz interval."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from tests.surveys.factories import FIXTURES, respondent, survey_csv
from tests.surveys.reference import matches, number, rows
from tsunagari.surveys.evaluate import Evaluation, dz_interval, evaluate_programme, paired_change
from tsunagari.surveys.importer import read_microdata, read_microdata_file

MEASURE_KEYS = {"ucla": "ucla3_total", "direct_frequency": "direct_frequency"}
STATISTICS = [
    "mean_pre", "mean_post", "mean_change", "sd_change", "t", "t_p", "wilcoxon_p", "dz",
]  # fmt: skip


def evaluated(name: str) -> Evaluation:
    return evaluate_programme(
        read_microdata_file(FIXTURES / f"{name}_pre.csv"),
        read_microdata_file(FIXTURES / f"{name}_post.csv"),
    )


@pytest.mark.parametrize(
    "row", rows("reference_evaluation.csv"), ids=lambda r: f"{r['dataset']}-{r['measure']}"
)
def test_paired_statistics_equal_r(row: dict[str, str]) -> None:
    evaluation = evaluated(row["dataset"])
    change = evaluation.measures[MEASURE_KEYS[row["measure"]]]
    assert evaluation.n_pre == int(row["n_pre"]) and evaluation.n_post == int(row["n_post"])
    assert change.n_paired == int(row["n_paired"])
    for name in STATISTICS:
        assert matches(getattr(change, name), number(row[name]), 1e-9), name
    assert matches(change.change_ci_low, number(row["change_low"]), 1e-9)
    assert matches(change.change_ci_high, number(row["change_high"]), 1e-9)
    assert change.t_df == int(float(row["t_df"]))
    assert change.wilcoxon_v == number(row["wilcoxon_v"])
    assert (change.wilcoxon_method == "exact") == (row["wilcoxon_exact"] == "TRUE")
    assert matches(change.dz_ci_low, number(row["dz_low"]), 1e-8)
    assert matches(change.dz_ci_high, number(row["dz_high"]), 1e-8)


def test_both_wilcoxon_methods_are_covered_by_the_reference() -> None:
    assert {r["wilcoxon_exact"] for r in rows("reference_evaluation.csv")} == {"TRUE", "FALSE"}


def test_pairs_lost_and_late_joiners_are_counted() -> None:
    evaluation = evaluated("programme")
    assert evaluation.n_dropped_out == evaluation.n_pre - len(
        set(read_microdata_file(FIXTURES / "programme_pre.csv").ids)
        & set(read_microdata_file(FIXTURES / "programme_post.csv").ids)
    )
    assert evaluation.n_joined_late == 1
    ucla = evaluation.measures["ucla3_total"]
    assert ucla.n_lost == evaluation.n_pre - ucla.n_paired


def test_the_t_test_and_dz_agree_with_scipy_on_random_data() -> None:
    generator = np.random.default_rng(3)
    before = generator.integers(3, 13, 60).astype(float)
    after = np.clip(before + generator.integers(-3, 3, 60), 3, 12)
    result = paired_change(before, after)
    reference = stats.ttest_rel(after, before)
    assert result["t"] == pytest.approx(reference.statistic, rel=1e-12)
    assert result["t_p"] == pytest.approx(reference.pvalue, rel=1e-12)
    interval = reference.confidence_interval()
    assert result["change_ci_low"] == pytest.approx(interval.low, rel=1e-12)
    dz = (after - before).mean() / (after - before).std(ddof=1)
    assert result["dz"] == pytest.approx(dz, rel=1e-12)


def test_the_dz_interval_covers_the_noncentral_t_quantiles() -> None:
    low, high = dz_interval(0.5, 30)
    t_observed = 0.5 * np.sqrt(30)
    assert stats.nct.cdf(t_observed, 29, low * np.sqrt(30)) == pytest.approx(0.975, abs=1e-9)
    assert stats.nct.cdf(t_observed, 29, high * np.sqrt(30)) == pytest.approx(0.025, abs=1e-9)


def test_no_change_at_all_gives_no_tests_rather_than_an_error() -> None:
    rows_ = [respondent(id=f"r{i}") for i in range(5)]
    same = read_microdata(survey_csv(rows_), "same.csv")
    change = evaluate_programme(same, same).measures["ucla3_total"]
    assert change.mean_change == 0 and change.n_paired == 5
    assert change.t is None and change.wilcoxon_p is None and change.dz is None


def test_the_caveat_and_instruments_travel_with_the_json() -> None:
    data = evaluated("programme_small").to_json()
    assert "比較群" in data["caveat"]
    assert data["measures"]["ucla3_total"]["instrument"] == "ucla3-ja-4pt"
    assert data["meta"]["synthetic"] is False
