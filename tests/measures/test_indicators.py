from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagari.measures.models import Measure
from tsunagari.measures.parsing.eras import find_era_years, fiscal_year_of_month
from tsunagari.measures.parsing.indicators import (
    compare,
    decision_of,
    find_results,
    find_targets,
    pair,
)


@given(st.integers(min_value=2, max_value=40))
def test_reiwa_fiscal_years_map_to_western_fiscal_years(n: int) -> None:
    (year,) = find_era_years(f"令和{n}年度までに")
    assert (year.year, year.fiscal) == (2018 + n, True)


def test_a_year_without_do_is_a_calendar_year() -> None:
    (year,) = find_era_years("令和7年までに")
    assert (year.year, year.fiscal) == (2025, False)


def test_january_belongs_to_the_previous_fiscal_year() -> None:
    assert fiscal_year_of_month(2025, 3) == 2024
    assert fiscal_year_of_month(2024, 4) == 2024


def test_the_issues_example_target_and_result_are_extracted_and_compared() -> None:
    (target,) = find_targets("支援情報検索サイトのPV数を令和8年度までに年間30万回以上とする。")
    assert (target.value, target.unit, target.year, target.direction) == (
        Decimal(300000),
        "回",
        2026,
        "increase",
    )
    results = find_results("・支援情報検索サイトPV数:332,598(令和6年4月~令和7年3月)")
    result, note = pair(target, results)
    assert result is not None and note == ""
    assert (result.value, result.fiscal_year) == (Decimal(332598), 2024)
    assert compare(target, result) == "achieved"


def test_a_target_without_a_year_is_flagged_not_guessed() -> None:
    (target,) = find_targets("常用雇用移行率を71.2%以上とする。")
    assert target.needs_review and target.year is None


def test_a_review_that_rules_out_revision_is_not_a_revision() -> None:
    assert decision_of("本事業による支援を推進していく必要があるため、見直しを検討していない。")[
        0
    ] != ("revise")
    assert decision_of("引き続き支援を行う。")[0] == "continue"


@pytest.mark.django_db
def test_measure_8s_indicators_keep_their_source_sentences() -> None:
    measure = Measure.objects.get(plan__code="2024", number=8)
    first = measure.indicators.first()
    assert first is not None and "13万回以上" in first.source_sentence
    assert first.observations.get(fiscal_year=2024).value == Decimal(332598)
