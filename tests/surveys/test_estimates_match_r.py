"""Estimates, standard errors and intervals equal R's `survey` package for the same design."""

from __future__ import annotations

import pytest

from tests.surveys.factories import FIXTURES
from tests.surveys.reference import (
    ABSOLUTE_FLOOR,
    CI_RTOL,
    ESTIMATE_RTOL,
    SE_RTOL,
    matches,
    number,
    rows,
)
from tsunagari.surveys.estimate import estimate_survey
from tsunagari.surveys.importer import read_microdata_file
from tsunagari.surveys.results import Cell, SurveyEstimates

RUNS = sorted({(row["dataset"], row["lonely_psu"]) for row in rows("reference_estimates.csv")})


def ours(dataset: str, lonely_psu: str, ci: str) -> SurveyEstimates:
    data = read_microdata_file(FIXTURES / f"{dataset}.csv")
    return estimate_survey(data, ["age_group", "sex"], lonely_psu=lonely_psu, ci=ci)


def cell_of(estimates: SurveyEstimates, row: dict[str, str]) -> Cell:
    result = estimates.indicators[row["indicator"]]
    return result.by[row["breakdown"]][row["level"]] if row["breakdown"] else result.overall


def reference(dataset: str, lonely_psu: str) -> list[dict[str, str]]:
    return [
        r
        for r in rows("reference_estimates.csv")
        if (r["dataset"], r["lonely_psu"]) == (dataset, lonely_psu)
    ]


def degenerate(row: dict[str, str]) -> bool:
    estimate = number(row["estimate"])
    return min(abs(estimate), abs(1 - estimate)) < ABSOLUTE_FLOOR


def test_the_reference_covers_every_design_and_lonely_psu_rule() -> None:
    assert RUNS == [
        ("design_full", "fail"),
        ("design_lonely", "adjust"),
        ("design_lonely", "average"),
        ("design_lonely", "certainty"),
        ("design_lonely", "remove"),
        ("design_srs", "fail"),
        ("design_strata_only", "fail"),
    ]
    full = reference("design_full", "fail")
    assert {r["indicator"] for r in full} == {
        "direct_often_always",
        "direct_any",
        "ucla3_mean",
        "ucla3_high",
    }
    assert {r["breakdown"] for r in full} == {"", "age_group", "sex"}


@pytest.mark.parametrize(("dataset", "lonely_psu"), RUNS)
def test_estimates_ses_and_n_equal_r(dataset: str, lonely_psu: str) -> None:
    estimates = ours(dataset, lonely_psu, "logit")
    expected = reference(dataset, lonely_psu)
    for row in expected:
        cell = cell_of(estimates, row)
        where = f"{dataset}/{lonely_psu}/{row['indicator']}/{row['breakdown']}={row['level']}"
        assert cell.n == int(row["n"]), where
        assert matches(cell.estimate, number(row["estimate"]), ESTIMATE_RTOL, ABSOLUTE_FLOOR), where
        assert matches(cell.se, number(row["se"]), SE_RTOL, ABSOLUTE_FLOOR), where
    levels = {(r["indicator"], r["breakdown"], r["level"]) for r in expected if r["breakdown"]}
    ours_levels = {
        (key, column, level)
        for key, result in estimates.indicators.items()
        for column, cells in result.by.items()
        for level in cells
    }
    assert ours_levels == levels


@pytest.mark.parametrize(("dataset", "lonely_psu"), RUNS)
@pytest.mark.parametrize("method", ["logit", "beta"])
def test_proportion_intervals_equal_svyciprop(dataset: str, lonely_psu: str, method: str) -> None:
    estimates = ours(dataset, lonely_psu, method)
    compared = 0
    for row in reference(dataset, lonely_psu):
        if row["indicator"] == "ucla3_mean" or degenerate(row):
            continue
        cell = cell_of(estimates, row)
        assert matches(cell.ci_low, number(row[f"{method}_low"]), CI_RTOL), row
        assert matches(cell.ci_high, number(row[f"{method}_high"]), CI_RTOL), row
        compared += 1
    assert compared > 10


@pytest.mark.parametrize(("dataset", "lonely_psu"), RUNS)
def test_mean_intervals_equal_confint_with_design_degrees_of_freedom(
    dataset: str, lonely_psu: str
) -> None:
    estimates = ours(dataset, lonely_psu, "logit")
    for row in reference(dataset, lonely_psu):
        if row["indicator"] != "ucla3_mean":
            continue
        cell = cell_of(estimates, row)
        assert matches(cell.ci_low, number(row["mean_low"]), CI_RTOL), row
        assert matches(cell.ci_high, number(row["mean_high"]), CI_RTOL), row


@pytest.mark.parametrize("method", ["logit", "beta"])
def test_a_proportion_of_exactly_0_or_1_gets_korn_graubard_at_the_unweighted_n(
    method: str,
) -> None:
    """svyciprop gives NaN (or a meaningless fit) here; R's qbeta at n_eff = n is the reference."""
    estimates = ours("design_full", "fail", method)
    cases = [
        r
        for r in reference("design_full", "fail")
        if degenerate(r) and r["indicator"] != "ucla3_mean"
    ]
    assert {r["level"] for r in cases} == {"90+"}
    for row in cases:
        cell = cell_of(estimates, row)
        assert matches(cell.ci_low, number(row["kg_at_n_low"]), CI_RTOL, ABSOLUTE_FLOOR), row
        assert matches(cell.ci_high, number(row["kg_at_n_high"]), CI_RTOL, ABSOLUTE_FLOOR), row
        assert cell.small


def test_r_returns_no_beta_interval_where_the_estimate_is_0() -> None:
    row = next(
        r
        for r in reference("design_full", "fail")
        if r["level"] == "90+" and r["indicator"] == "direct_often_always"
    )
    assert number(row["estimate"]) == 0
    assert row["beta_low"] == "NA"
