"""Which numbers in the plan's sentences are quantities (real sentences of seed 001)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagari.measures.parsing.eras import find_era_years, find_whens, fiscal_year_of_month
from tsunagari.measures.parsing.numbers import quantities, read_sentence, split_sentences


def values(sentence: str) -> list[tuple[Decimal, str]]:
    return [(q.value, q.unit) for q in quantities(read_sentence(sentence))]


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


def test_a_dated_month_falls_in_its_fiscal_year() -> None:
    (when,) = find_whens("(令和7年3月18日現在)")
    assert (when.year, when.month, when.day, when.fiscal_year) == (2025, 3, 18, 2024)
    assert when.is_date


@pytest.mark.parametrize(
    "sentence",
    [
        "食育基本法(平成17年法律第63号)に基づく「第4次食育推進基本計画」",  # law and plan numbers
        "(令和6年1月12日公表)において",  # a date
        "第2期市町村子ども・子育て支援事業計画に基づき",  # an ordinal
        "全国共通番号「#8103(ハートさん)」の運用",  # a phone number
        "24時間365日対応化",  # durations
        "1人1台端末等を活用した児童生徒の悩みや不安の早期発見",  # per head
        "20歳未満の保護観察対象者等を雇用し",  # an age
        "「農福連携等推進ビジョン(2024改訂版)」を決定",  # a plan version
        "(新経済・財政再生計画改革工程表2022)",  # a plan name with its year
        "地方創生2.0に係る「基本構想」",  # a version number
        "実施期間を令和7年4月から令和8年3月までの間に拡充(12/29~1/3を除く)",
        "1.就労・処遇改善に向けた支援2.社会参加に向けた段階的支援",  # a numbered list
        "令和6年度より、3か年を実施期間とする",
        "公布後2年以内に予定されている施行までの間に",
    ],
)
def test_numbers_that_are_no_quantity_are_masked(sentence: str) -> None:
    assert values(sentence) == []


def test_units_and_multipliers_are_read() -> None:
    assert values("10年間で100万人の心のサポーターを養成") == [(Decimal(1_000_000), "人")]
    assert values("前年度より約2万7千人増加した") == [(Decimal(27_000), "人")]
    assert values("市区町村においては8割とする") == [(Decimal(80), "%")]
    assert values("令和6年度の地域おこし協力隊の隊員数は、7,910名") == [(Decimal(7910), "人")]
    assert values("10,206か所(地方単独事業分含む。)設置する") == [(Decimal(10206), "か所")]


def test_a_ratio_of_people_is_read_as_a_percentage_with_a_note() -> None:
    (q,) = quantities(read_sentence("民の3人に2人以上が聞いたことがあるようにする"))
    assert (q.value, q.unit, q.cmp) == (Decimal("66.7"), "%", "以上")
    assert q.notes


def test_a_count_with_three_decimals_had_its_comma_read_as_a_point() -> None:
    (q,) = quantities(read_sentence("-相談件数:電話相談27.357件(令和6年4月~令和7年"))
    assert q.value == Decimal(27357)
    assert "comma" in q.notes[0]


def test_a_percentage_keeps_its_decimals() -> None:
    assert values("直近の2年平均の値は、21.1%であった") == [(Decimal("21.1"), "%")]


def test_a_number_without_unit_or_comparison_is_no_quantity_unless_asked() -> None:
    s = read_sentence("…を実施している地方公共団体数」を150")
    assert quantities(s) == []
    (bare,) = quantities(s, bare=True)
    assert (bare.value, bare.unit) == (Decimal(150), "")


def test_sentences_end_at_the_full_stop_outside_brackets_and_at_list_bullets() -> None:
    text = (
        "周知した。・支援情報検索サイトPV数:332,598(令和6年4月~令和7年3月)"
        "・まもろうよこころPV数:3,652,257"
    )
    assert split_sentences(text) == [
        "周知した。",
        "支援情報検索サイトPV数:332,598(令和6年4月~令和7年3月)",
        "まもろうよこころPV数:3,652,257",
    ]
    assert split_sentences("場所を10,206か所(地方単独事業分含む。)設置する。性犯罪・性暴力") == [
        "場所を10,206か所(地方単独事業分含む。)設置する。",
        "性犯罪・性暴力",
    ]
