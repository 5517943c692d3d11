"""Results (実績) with their fiscal years, from the achievement column's sentences (seed 001)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tsunagari.measures.parsing.results import ResultFound, find_results


def read(text: str) -> list[tuple[str, Decimal, str, int]]:
    results, _ = find_results(text)
    return [(r.name, r.value, r.unit, r.fiscal_year) for r in results]


def test_page_views_in_a_period_belong_to_the_fiscal_year_it_starts() -> None:
    assert read("支援情報検索サイトPV数:332,598(令和6年4月~令和7年3月)") == [
        ("支援情報検索サイトPV数", Decimal(332_598), "回", 2024)
    ]


def test_a_topic_with_its_fiscal_year() -> None:
    assert read("令和6年度における人権相談窓口の認知度は44.1%であった。") == [
        ("人権相談窓口の認知度", Decimal("44.1"), "%", 2024)
    ]
    assert read("その上で令和5年度における男性の育児休業取得率は30.1%(前年比+約13%)であった。") == [
        ("男性の育児休業取得率", Decimal("30.1"), "%", 2023)
    ]


def test_labels_glued_to_numbers_in_a_results_block() -> None:
    assert read(
        "(令和6年度実績:重点支援対象者数64,173人、重点支援対象者の就職率97.3%(目標達成))"
    ) == [
        ("重点支援対象者数", Decimal(64_173), "人", 2024),
        ("重点支援対象者の就職率", Decimal("97.3"), "%", 2024),
    ]


def test_the_end_of_march_is_the_previous_fiscal_year() -> None:
    assert read(
        "(令和7年3月末時点で社会福祉士315,589名、精神保健福祉士111,588名となっており、"
    ) == [
        ("社会福祉士", Decimal(315_589), "人", 2024),
        ("精神保健福祉士", Decimal(111_588), "人", 2024),
    ]


def test_each_result_takes_the_year_in_the_brackets_after_it() -> None:
    assert read("バー率:32%(令和5年度末時点)居住支援法人の指定数:967法人(令和6年12月末時点)") == [
        ("バー率", Decimal(32), "%", 2023),
        ("居住支援法人の指定数", Decimal(967), "法人", 2024),
    ]


def test_a_list_item_with_only_a_year_takes_the_name_before_it() -> None:
    assert read(
        "就労準備支援事業の実施自治体数の増加・令和5年度732自治体(81%)・令和6年度747自治体(82%)"
        "※令和6年6月時点"
    ) == [
        ("就労準備支援事業の実施自治体数", Decimal(732), "自治体", 2023),
        ("就労準備支援事業の実施自治体数", Decimal(747), "自治体", 2024),
    ]


def test_a_statement_without_a_year_is_about_the_tables_year_noted() -> None:
    results, _ = find_results("化事業を実施した自治体数は46自治体であった。")
    (r,) = results
    assert (r.value, r.fiscal_year) == (46, 2024)
    assert "令和6年度" in r.note and not r.needs_review


def test_an_answer_share_and_an_increase() -> None:
    results, _ = find_results(
        "令和6年4月から令和7年3月までの期間においては、約75%の相談者から「満足した」との回答を得ている。"
    )
    (r,) = results
    assert (r.name, r.value, r.approx, r.fiscal_year) == (
        "「満足した」と回答した相談者",
        75,
        True,
        2024,
    )
    results, _ = find_results(
        "件から令和5年度末の7,179件へと3,062件増加し、1年前倒しで目標を達成。"
    )
    increase = next(r for r in results if r.delta)
    assert (increase.value, increase.fiscal_year, increase.needs_review) == (3062, 2023, True)


def test_a_date_at_the_start_of_april_is_the_new_fiscal_year() -> None:
    results, aside = find_results(
        "と、令和7年4月1日時点で、少なくとも1団体(都道府県又は市区町村)は地方版孤独・孤立対策"
        "官民連携プラットフォームが整備されている都道府県は38都道府県であり、令和7年度中に設置予定"
        "の団体も含めると42都道府県となる見込みである。"
    )
    assert [(r.value, r.unit, r.fiscal_year) for r in results] == [(38, "都道府県", 2025)]
    assert {a.reason.split(",")[0] for a in aside} == {
        "a threshold for each place (少なくとも)",
        "a projection",
    }


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("例えば、群馬県の事例では、のべ400名以上が事業を利用し、9名が高等学校卒業認定", "example"),
        ("相談件数(暫定値)139,919件(令和6年4月~令和7年3月)前年度比4.7%増加", "previous year"),
        ("ナーの開催(年5件)のほか", "bracketed aside"),
        ("響前(平成31年)と比較すると、まだ約73%の回復となっている。", "reference level"),
        ("人口カバー率50%以上の都道府県数は、令和6年4月現在3。", "qualifies a count"),
    ],
)
def test_look_alikes_are_set_aside_with_the_reason(text: str, reason: str) -> None:
    _, aside = find_results(text)
    assert any(reason in a.reason for a in aside)


def test_an_ocr_repeated_line_gives_one_result() -> None:
    results, _ = find_results(
        "社会的養護自立支援拠点事業:55自治体。社会的養護自立支援拠点事業:55自治体。"
    )
    assert len(results) == 1 and isinstance(results[0], ResultFound)
