"""Properties of the estimator that hold for any data, checked on generated files."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.surveys.factories import respondent, survey_csv
from tsunagari.surveys.estimate import estimate_survey
from tsunagari.surveys.importer import read_microdata
from tsunagari.surveys.results import SurveyEstimates, natural

answers = st.lists(
    st.tuples(st.integers(1, 5), st.integers(1, 4), st.integers(1, 4), st.integers(1, 4)),
    min_size=4,
    max_size=40,
)


def srs_file(rows: list[tuple[int, int, int, int]]) -> bytes:
    header = ["id", "q_direct", "ucla_1", "ucla_2", "ucla_3"]
    return survey_csv(
        [
            {
                "id": f"r{i}",
                "q_direct": str(d),
                "ucla_1": str(a),
                "ucla_2": str(b),
                "ucla_3": str(c),
            }
            for i, (d, a, b, c) in enumerate(rows)
        ],
        header,
    )


@settings(max_examples=40, deadline=None)
@given(answers)
def test_a_simple_random_sample_gives_the_textbook_mean_and_standard_error(
    rows: list[tuple[int, int, int, int]],
) -> None:
    cell = (
        estimate_survey(read_microdata(srs_file(rows), "srs.csv")).indicators["ucla3_mean"].overall
    )
    scores = np.array([a + b + c for _, a, b, c in rows], dtype=float)
    assert cell.estimate is not None and math.isclose(cell.estimate, scores.mean(), rel_tol=1e-12)
    expected_se = scores.std(ddof=1) / math.sqrt(len(scores))
    assert cell.se is not None and math.isclose(cell.se, expected_se, rel_tol=1e-9, abs_tol=1e-12)
    assert cell.n == len(rows)


@settings(max_examples=25, deadline=None)
@given(answers, st.randoms(use_true_random=False))
def test_estimates_do_not_depend_on_the_order_of_rows(
    rows: list[tuple[int, int, int, int]], random: object
) -> None:
    shuffled = list(rows)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first = estimate_survey(read_microdata(srs_file(rows), "a.csv")).indicators
    second = estimate_survey(read_microdata(srs_file(shuffled), "b.csv")).indicators
    for key in first:
        a, b = first[key].overall, second[key].overall
        assert a.estimate is not None and b.estimate is not None
        assert math.isclose(a.estimate, b.estimate, rel_tol=1e-12, abs_tol=1e-15)


def test_a_domain_keeps_the_full_design_rather_than_being_cut_out() -> None:
    """A domain estimated as its own file would lose the other PSUs' zero totals."""
    rows = [
        respondent(id=f"r{i}", stratum="S1", psu=f"P{i % 4}", sex="女性" if i % 2 == 0 else "男性",
                   ucla_1=str(1 + i % 4), weight=str(1 + i % 3))
        for i in range(24)
    ]  # fmt: skip
    data = read_microdata(survey_csv(rows), "domains.csv")
    women = estimate_survey(data, ["sex"]).indicators["ucla3_mean"].by["sex"]["女性"]
    alone = [r for r in rows if r["sex"] == "女性"]
    cut_out = estimate_survey(read_microdata(survey_csv(alone), "women.csv"))
    assert women.estimate == cut_out.indicators["ucla3_mean"].overall.estimate
    assert women.se != cut_out.indicators["ucla3_mean"].overall.se


def test_domain_levels_sort_naturally() -> None:
    assert sorted(["80+", "16-19", "9", "100"], key=natural) == ["9", "16-19", "80+", "100"]


def test_results_read_back_in_published_order_whatever_order_storage_kept() -> None:
    """PostgreSQL's jsonb sorts object keys; the pages must still list 16-19 before 20-29."""
    rows = [
        respondent(id=f"r{i}", psu=f"P{i % 2}", sex=s) for i, s in enumerate(["b", "a", "10", "9"])
    ]
    estimates = estimate_survey(read_microdata(survey_csv(rows), "order.csv"), ["sex"])
    stored = estimates.to_json()
    shuffled = {
        **stored,
        "indicators": {k: stored["indicators"][k] for k in sorted(stored["indicators"])},
    }
    for result in shuffled["indicators"].values():
        result["by"]["sex"] = dict(sorted(result["by"]["sex"].items()))
    again = SurveyEstimates.from_json(shuffled)
    assert list(again.indicators) == [
        "direct_often_always",
        "direct_any",
        "ucla3_mean",
        "ucla3_high",
    ]
    assert list(again.indicators["ucla3_mean"].by["sex"]) == ["9", "10", "a", "b"]
    assert again.to_json() == stored
