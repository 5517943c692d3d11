"""Facts of the 2024 plan checked by eye against seed 001 and the 2023 lineup (seed 000)."""

from __future__ import annotations

from collections import Counter

import pytest

from tsunagari.measures.models import Heading, Measure, Review
from tsunagari.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def measure(number: int) -> Measure:
    return Measure.objects.get(plan__code="2024", number=number, page=None)


def ministries(number: int) -> list[str]:
    return [m.name for m in measure(number).ordered_ministries()]


def test_the_2024_plan_has_141_measures_numbered_1_to_141() -> None:
    numbers = list(
        Measure.objects.filter(plan__code="2024")
        .values_list("number", flat=True)
        .order_by("number")
    )
    assert numbers == list(range(1, 142))


def test_measure_1_is_the_survey_of_loneliness_by_the_cabinet_office() -> None:
    assert measure(1).name == "孤独・孤立の実態把握"
    assert ministries(1) == ["内閣府"]


def test_measures_per_pillar_follow_the_table() -> None:
    counts = Counter(
        m.listings.get(kind="primary").heading.pillar.number
        for m in Measure.objects.filter(plan__code="2024")
    )
    assert counts == {1: 20, 2: 35, 3: 79, 4: 7}


def test_measure_139_read_as_39_keeps_its_number_and_name() -> None:
    assert measure(139).name == "孤独・孤立対策官民連携プラットフォームの運営"
    assert measure(140).name == "地方における孤独・孤立対策官民連携プラットフォームの整備の推進"


def test_misread_ministries_are_repaired_towards_the_canonical_list() -> None:
    assert ministries(98) == ["厚生労働省"]  # 享生労働省
    assert ministries(57) == ["こども家庭庁"]  # こども家庭所
    assert ministries(80) == ["復興庁", "厚生労働省"]  # 生労働省


def test_a_name_cut_to_its_last_line_is_completed_from_the_2023_lineup() -> None:
    assert measure(24).name == "妊娠期から子育て期にわたる切れ目のない支援"  # ない支援
    assert measure(102).name == "保険者とかかりつけ医等の協働による加入者の予防健康づくりの推進"


def test_a_lost_name_is_taken_from_the_2023_measure_in_the_same_place() -> None:
    assert measure(7).name == "統一的な相談窓口体制の推進"
    assert measure(62).name == "生活保護世帯を含む生活困窮世帯のこどもへの学習・生活支援"


def test_the_merged_park_row_is_two_measures() -> None:
    assert measure(104).name == "「つながりの場所」としての自然公園の活用"
    assert ministries(104) == ["環境省"]
    assert measure(105).name == "「つながりの場所」としての都市公園の活用"
    assert ministries(105) == ["国土交通省"]


def test_headings_of_the_2024_plan_include_its_new_titles() -> None:
    heading = Heading.objects.get(pillar__plan__code="2024", pillar__number=3, number=3)
    assert (
        heading.title
        == "人と人とのつながりを生むための施策の相乗効果を高める分野横断的な連携の促進"
    )


def test_2023_measures_link_to_their_2024_successors() -> None:
    old = Measure.objects.get(plan__code="2023", page=36)
    assert old.successor == measure(8)
    assert old.successor_method == "name"
    covid = Measure.objects.get(plan__code="2023", page=47)
    assert covid.successor is None and covid.discontinued_reason


def test_repeated_listings_of_the_2023_lineup_are_kept() -> None:
    old = Measure.objects.get(plan__code="2023", page=41)  # 児童生徒の自殺予防
    assert Counter(old.listings.values_list("kind", flat=True)) == {"primary": 1, "repeated": 2}


def test_uncertain_names_are_flagged_on_the_measure() -> None:
    assert "name" in measure(43).doubt_fields()
    assert "name" not in measure(1).doubt_fields()


def test_the_url_underscores_lost_by_ocr_are_restored() -> None:
    assert measure(1).urls == ["https://www.cao.go.jp/kodoku_koritsu/torikumi/zenkokuchousa.html"]


def test_each_measure_has_its_fy2024_review_from_the_plan_table() -> None:
    reviews = Review.objects.filter(measure__plan__code="2024", fiscal_year=2024)
    assert reviews.count() == 141
    assert not reviews.filter(submission__isnull=False).exists()


def test_ingesting_again_changes_nothing_and_adds_no_history() -> None:
    from tsunagari.measures.ingest import ingest

    before = AuditEntry.objects.count()
    report = ingest()
    assert not report.changed
    assert AuditEntry.objects.count() == before
