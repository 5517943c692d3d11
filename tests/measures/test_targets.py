"""Quantitative targets read from the plan's own sentences (seed 001), and the look-alikes
that must never become targets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tsunagari.measures.parsing.targets import TargetFound, find_targets


def one(text: str, field: str = "target") -> TargetFound:
    targets, _ = find_targets(text, field)
    assert len(targets) == 1, targets
    return targets[0]


def test_the_issues_example_target_has_its_name_unit_year_and_direction() -> None:
    t = one("支援情報検索サイトのアクセス数を令和8年度までに年間13万回以上とすることを目標に運用")
    assert (t.name, t.value, t.unit, t.year, t.fiscal, t.direction) == (
        "支援情報検索サイトのアクセス数",
        Decimal(130_000),
        "回",
        2026,
        True,
        "increase",
    )
    assert not t.needs_review


def test_a_stated_baseline_and_its_year_are_kept() -> None:  # measure 66
    t = one(
        "食育基本法(平成17年法律第63号)に基づく「第4次食育推進基本計画」の計画期間"
        "(令和3年度からおおむね5年間)を通して、地域等で共食したいと思う人が共食する割合を、"
        "令和2年度の70.7%から令和7年度までに75%以上とすることを掲げており、"
    )
    assert (t.name, t.value, t.year) == ("地域等で共食したいと思う人が共食する割合", 75, 2025)
    assert (t.baseline, t.baseline_year, t.direction) == (Decimal("70.7"), 2020, "increase")


def test_halving_is_a_decrease_to_the_bracketed_level() -> None:  # measure 63
    t = one(
        "令和12年度までに、平成12年度比で事業系食品口ス量を半減(273万トン)する目標の達成に資する"
        "ためにも、令和6年度において、…食品を提供する量が増加することを目指す。"
    )
    assert (t.name, t.value, t.unit, t.direction) == (
        "事業系食品口ス量",
        Decimal(2_730_000),
        "トン",
        "decrease",
    )
    assert (t.year, t.baseline_year) == (2030, 2000)


def test_a_count_of_people_to_train_over_a_period_is_flagged_for_its_start() -> None:  # 43
    t = one("に展開し、10年間で100万人の心のサポーターを養成することにより、")
    assert (t.name, t.value, t.unit) == ("心のサポーターの養成", Decimal(1_000_000), "人")
    assert t.year is None and t.needs_review
    assert any("10年間" in n for n in t.notes)


def test_a_share_of_municipalities_keeps_its_scope() -> None:  # measure 50
    targets, _ = find_targets(
        "・妊娠・出産、子育てに温かい機運醸成に取り組む地方公共団体を、都道府県においては全て、"
        "市区町村においては8割とする。・結婚支援に取り組む地方公共団体を、都道府県においては全て、"
        "市区町村においては広域的な連携を伴うものを8割とする。"
    )
    assert [(t.name, t.value, t.unit) for t in targets] == [
        ("妊娠・出産、子育てに温かい機運醸成に取り組む地方公共団体(市区町村)", 80, "%"),
        ("結婚支援に取り組む地方公共団体(市区町村、広域的な連携を伴うもの)", 80, "%"),
    ]


def test_a_count_of_local_governments_named_after_the_number() -> None:  # measure 57
    t = one(
        "令和6年度に、95以上の自治体がこともの居場所づくり支援体制強化事業を活用することを目標とする。"
    )
    assert (t.name, t.value, t.unit, t.year) == (
        "こともの居場所づくり支援体制強化事業を活用する自治体",
        95,
        "自治体",
        2024,
    )


def test_places_to_set_up_with_a_bracketed_remark_in_between() -> None:  # measure 61
    t = one(
        "最終年である令和6年度において、子育て中の親子が気軽に集い、不安や悩みを相談できる場所を"
        "10,206か所(地方単独事業分含む。)設置することを目指す。"
    )
    assert (t.name, t.value, t.unit, t.year) == ("不安や悩みを相談できる場所", 10206, "か所", 2024)


def test_an_increase_by_a_number_is_an_increment() -> None:  # measure 71
    t = one("に取り組む主体を新たに3,000件創出する。")
    assert (t.value, t.unit, t.delta, t.direction) == (3000, "件", True, "increase")
    assert t.needs_review  # the cell lost the start of the name and gives no year


def test_a_cell_cut_right_after_the_number_still_yields_a_flagged_target() -> None:  # 72
    t = one(
        "活躍のまち」に関する構想等に基づき、コミュニティに関する取組(デジタル技術を活用した"
        "取組を含む。)を実施している地方公共団体数」を150"
    )
    assert (t.value, t.unit) == (150, "団体")  # the unit the count's name implies
    assert t.name.endswith("地方公共団体数") and t.needs_review


def test_places_where_a_course_runs() -> None:  # measure 96
    t = one("令和6年度は全国6,000か所での講習会の実施を目指す。")
    assert (t.name, t.value, t.unit, t.year) == ("講習会の実施", 6000, "か所", 2024)


def test_a_year_at_the_end_of_the_month_and_an_approximate_level() -> None:  # measure 107
    t = one(
        "「新たな児童虐待防止対策体制総合強化プラン」に基づき、令和6年度末までに児童福祉司の配置を"
        "6,850人程度とすることを目指す。"
    )
    assert (t.name, t.value, t.year) == ("児童福祉司の配置", 6850, 2024)


def test_a_ceiling_with_a_long_defining_clause() -> None:  # measure 121
    t = one(
        "を行うフォローアップ業務終了事由の再犯等の者の人数を、矯正施設入所者の帰住地調整等を行う"
        "コーディネート業務により受入先に帰住した者の人数で除した、直近の2年平均の値を、"
        "令和6年度は18.6%以下とする。"
    )
    assert (t.value, t.direction, t.year) == (Decimal("18.6"), "decrease", 2024)
    assert t.name.endswith("直近の2年平均の値") and "で除した" in t.name  # widened past 値


def test_several_targets_of_one_cell_share_its_year_flagged() -> None:  # measure 28
    targets, _ = find_targets(
        "令和6年度中に、再就職支援プログラム事業を行う就職支援ナビゲーター1人当たりの本プログラム"
        "開始件数を206件以上とし、本プログラム利用者の就職率を84.5%以上とする。マザーズハローワーク"
        "事業における、担当者制による就職支援を受けた重点支援対象者の就職を64,049人以上とし、"
        "本重点支援対象者の就職率を95.9%以上とする。"
    )
    assert [(t.value, t.unit, t.year) for t in targets] == [
        (206, "件", 2024),
        (Decimal("84.5"), "%", 2024),
        (64049, "人", 2024),
        (Decimal("95.9"), "%", 2024),
    ]
    assert targets[0].name.endswith("1人当たりの本プログラム開始件数")  # 1人 is no quantity
    assert not targets[0].needs_review and targets[2].needs_review


def test_a_ratio_to_another_count() -> None:  # measure 97
    targets, _ = find_targets(
        "引き続き、生活困窮者の年間新規相談受付件数を令和7年度までに40万件にするとともに、"
        "自立生活のためのプラン作成件数を新規相談受付件数の50%とする。",
        "review",
    )
    assert [(t.name, t.value, t.unit, t.year) for t in targets] == [
        ("生活困窮者の年間新規相談受付件数", 400_000, "件", 2025),
        ("自立生活のためのプラン作成件数(新規相談受付件数に対する割合)", 50, "%", 2025),
    ]


def test_a_list_shares_its_last_comparison_and_the_results_year_is_a_baseline() -> None:  # 47
    targets, _ = find_targets(
        "(令和7年度の目標値は令和6年度実績(社会福祉士315,589名、精神保健福祉士111,588名以上とする。)",
        "review",
    )
    assert [(t.name, t.value, t.year, t.direction) for t in targets] == [
        ("社会福祉士", 315_589, 2025, "increase"),
        ("精神保健福祉士", 111_588, 2025, "increase"),
    ]


def test_a_target_restated_in_the_cell_is_one_target_with_its_years() -> None:  # measure 141
    t = one(
        "同世代の正規の雇用者について30万人増やすことを目指している。具体的には、就職氷河期世代の"
        "中心層について、2019年平均の正規の職員・従業員の数を基準値とし、5年後の2024年平均の"
        "正規の職員・従業員数が、当該基準値から30万人増加していることを目標としている。"
    )
    assert (t.name, t.value, t.delta) == ("正規の職員・従業員数", 300_000, True)
    assert (t.year, t.fiscal, t.baseline_year) == (2024, False, 2019)


def test_every_year_is_an_annual_target_without_a_year() -> None:  # measure 127
    t = one(
        "さらに、高等職業訓練促進給付金を受給して資格を取得した者に占める就業者の割合を毎年80%以上にする。"
    )
    assert (t.annual, t.year, t.needs_review) == (True, None, False)


def test_a_glued_label_and_a_bracketed_deadline() -> None:  # measure 101
    t = one("協力団体を活用する市区町村の都道府県内人口カバー率50%以上(令和6年度まで)を目指す。")
    assert (t.name, t.value, t.year) == (
        "協力団体を活用する市区町村の都道府県内人口カバー率",
        50,
        2024,
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "令和7年度までに、全ての都道府県において少なくとも1団体(都道府県又は市区町村)は、"
            "地方版孤独・孤立対策官民連携プラットフォームが整備されていることを目指す。",
            "少なくとも",
        ),
        ("相談窓口の設置(年5件)を着実に進め、相談体制の充実を目指す。", "bracketed aside"),
    ],
)
def test_qualifiers_and_asides_are_set_aside_never_targets(text: str, reason: str) -> None:
    targets, aside = find_targets(text)
    assert targets == []
    assert len(aside) == 1 and reason in aside[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "食育基本法(平成17年法律第63号)に基づき推進する。",
        "「OTC医薬品の濫用」(令和6年1月12日公表)において、…関係府省庁間で連携し取組を進める。",
        "第2期市町村子ども・子育て支援事業計画に基づき、支援を行うことを目指す。",
        "(新経済・財政再生計画改革工程表2022)",
        "令和6年度より、3か年を実施期間とするモデル事業を通じて取り組む。",
    ],
)
def test_law_numbers_dates_and_plan_names_are_never_targets(text: str) -> None:
    assert find_targets(text) == ([], [])


def test_a_status_in_the_review_cell_is_no_target() -> None:  # measure 141's review
    assert find_targets(
        "不本意非正規は今もなお35万人存在しており、引き続き支援が必要。", "review"
    ) == (
        [],
        [],
    )
