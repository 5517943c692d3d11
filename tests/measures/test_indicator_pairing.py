"""Targets paired with the results that measure them; achievement; the measure's status."""

from __future__ import annotations

from decimal import Decimal

from tsunagari.measures.parsing.indicators import (
    achievement_of,
    decision_of,
    read_indicators,
    stated_status,
)


def test_the_issues_example_target_and_result_are_compared() -> None:
    reading = read_indicators(
        "支援情報検索サイトのアクセス数を令和8年度までに年間13万回以上とすることを目標に運用",
        "・支援情報検索サイトPV数:332,598(令和6年4月~令和7年3月)",
        "",
    )
    (indicator,) = reading.indicators
    (observation,) = indicator.observations
    assert (observation.fiscal_year, observation.value, observation.achievement) == (
        2024,
        Decimal(332_598),
        "achieved",
    )


def test_a_result_before_a_review_target_is_its_baseline_not_progress() -> None:
    reading = read_indicators(
        "",
        "・支援情報検索サイトPV数:332,598(令和6年4月~令和7年3月)",
        "令和7年度以降は、支援情報検索サイトのPV数を年間30万回以上とすることを目標とする。",
    )
    (indicator,) = reading.indicators
    assert (indicator.source_field, indicator.target_value, indicator.target_year) == (
        "review",
        300_000,
        2025,
    )
    assert (indicator.baseline_value, indicator.baseline_year) == (332_598, 2024)
    assert indicator.observations == []


def test_a_target_below_its_deadline_is_in_progress() -> None:  # measure 90
    reading = read_indicators(
        "地域おこし協力隊の隊員数を令和8年度に10,000人に増やすことを目指す。",
        "令和6年度の地域おこし協力隊の隊員数は、7,910名。",
        "",
    )
    (observation,) = reading.indicators[0].observations
    assert observation.achievement == "in_progress"
    assert reading.status == "in_progress"


def test_a_missed_ceiling_is_not_achieved() -> None:  # measure 121
    reading = read_indicators(
        "直近の2年平均の値を、令和6年度は18.6%以下とする。",
        "直近の2年平均の値は、21.1%であった。また、直近の3年平均の値は、99.0%であった。",
        "",
    )
    target, other = reading.indicators
    assert [o.achievement for o in target.observations] == ["not_achieved"]
    assert other.target_value is None and other.observations[0].value == Decimal("99.0")
    assert reading.status == "not_achieved"


def test_names_that_say_nothing_pair_by_a_unit_only_one_target_and_result_share() -> None:
    reading = read_indicators(
        "が452市町村となることを目指す。",
        "令和6年度末時点で456市町村において集落支援員が活用されている。",
        "",
    )
    (target,) = reading.targets
    (observation,) = target.observations
    assert (observation.value, observation.achievement, observation.needs_review) == (
        456,
        "achieved",
        True,
    )
    assert "unit only" in observation.note


def test_results_of_another_scope_are_not_paired() -> None:  # measure 50
    reading = read_indicators(
        "・結婚支援に取り組む地方公共団体を、都道府県においては全て、市区町村においては広域的な"
        "連携を伴うものを8割とする。",
        "・結婚支援に取り組んだのは、都道府県においては98%、市区町村において広域的な連携を伴うも",
        "",
    )
    target, result_only = reading.indicators
    assert target.observations == []
    assert (result_only.name, result_only.target_value) == ("結婚支援に取り組んだ(都道府県)", None)


def test_a_review_that_restates_a_cut_target_completes_it() -> None:  # measure 97
    reading = read_indicators(
        "度までに40万件にするとともに、",
        "新規相談受付件数:293,455件",
        "引き続き、生活困窮者の年間新規相談受付件数を令和7年度までに40万件にする。",
    )
    (target,) = reading.indicators
    assert (target.source_field, target.name, target.target_year) == (
        "target",
        "生活困窮者の年間新規相談受付件数",
        2025,
    )
    assert target.observations[0].achievement == "in_progress"


def test_an_annual_target_missed_in_a_year_is_not_achieved() -> None:
    assert achievement_of("increase", Decimal(80), None, True, 2023, Decimal(78)) == "not_achieved"
    assert achievement_of("increase", Decimal(80), None, False, 2023, Decimal(78)) == (
        "not_comparable"
    )
    assert achievement_of("decrease", Decimal(50), 2030, False, 2024, Decimal(60)) == "in_progress"
    assert achievement_of("increase", None, 2030, False, 2024, Decimal(60)) == "not_comparable"


def test_the_text_stating_achievement_counts_but_on_the_way_to_it_does_not() -> None:
    assert stated_status("3,062件増加し、1年前倒しで目標を達成。") == "achieved"
    assert stated_status("令和7年の目標達成に向けて、順調に推移している。") is None
    assert stated_status("目標を下回った。") == "not_achieved"


def test_a_review_that_rules_out_revision_is_not_a_revision() -> None:
    assert decision_of("本事業による支援を推進していく必要があるため、見直しを検討していない。")[
        0
    ] != ("revise")
    assert decision_of("引き続き支援を行う。")[0] == "continue"


def test_a_measure_without_targets_is_qualitative_unless_its_text_says() -> None:
    assert read_indicators("支援体制の充実を図る。", "研修を実施した。", "").status == "qualitative"
