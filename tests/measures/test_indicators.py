"""Indicators and observations of the ingested 2024 plan, and what a second ingestion keeps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.personas import Personas
from tsunagari.measures.ingest import ingest
from tsunagari.measures.models import Indicator, Measure, Observation, Review
from tsunagari.measures.workflow import Entry, approve, submit

pytestmark = pytest.mark.django_db


def measure(number: int) -> Measure:
    return Measure.objects.get(plan__code="2024", number=number, page=None)


def test_measure_8s_indicators_keep_their_source_sentences() -> None:
    first = measure(8).indicators.get(name="支援情報検索サイトのアクセス数")
    assert "13万回以上" in first.source_sentence
    assert first.observations.get(fiscal_year=2024).value == Decimal(332598)


def test_the_review_cells_target_has_the_fy2024_result_as_its_baseline() -> None:
    pv = measure(8).indicators.get(name="支援情報検索サイトのPV数")
    assert (pv.source_field, pv.target_value, pv.target_year) == ("review", 300000, 2025)
    assert (pv.baseline_value, pv.baseline_year) == (332598, 2024)
    assert not pv.observations.exists()


def test_measure_66_keeps_its_baseline_and_is_in_progress() -> None:
    share = measure(66).indicators.get(source_field="target")
    assert (share.baseline_value, share.baseline_year, share.target_value) == (
        Decimal("70.7"),
        2020,
        75,
    )
    assert share.observations.get().achievement == "in_progress"
    assert Review.objects.get(measure=measure(66), fiscal_year=2024).status == "in_progress"


def test_a_missed_target_makes_the_measure_not_achieved() -> None:
    assert Review.objects.get(measure=measure(121), fiscal_year=2024).status == "not_achieved"
    assert Review.objects.get(measure=measure(57), fiscal_year=2024).status == "not_achieved"


def test_an_increment_target_is_compared_with_the_increase() -> None:
    created = measure(71).indicators.get(source_field="target")
    assert created.increment and created.target_value == 3000
    assert created.observations.get().value == 3062
    assert Review.objects.get(measure=measure(71), fiscal_year=2024).status == "achieved"


def test_results_without_a_target_are_indicators_with_observations() -> None:
    awareness = measure(14).indicators.get()
    assert awareness.target_value is None and awareness.source_field == "achievement"
    assert awareness.observations.get().value == Decimal("44.1")
    series = measure(117).indicators.get()
    assert list(series.observations.values_list("fiscal_year", "value")) == [
        (2023, Decimal(732)),
        (2024, Decimal(747)),
    ]


def test_targets_named_by_the_issue_are_extracted() -> None:
    wanted = {
        43: 1_000_000,
        50: 80,
        57: 95,
        61: 10206,
        63: 2_730_000,
        66: 75,
        71: 3000,
        72: 150,
        90: 10000,
        92: 1800,
        93: 452,
        96: 6000,
        107: 6850,
    }
    for number, value in wanted.items():
        values = measure(number).indicators.filter(source_field="target")
        assert values.filter(target_value=value).exists(), number


def test_no_law_number_or_date_becomes_a_target() -> None:
    targets = Indicator.objects.filter(measure__plan__code="2024", target_value__isnull=False)
    assert not targets.filter(target_value__in=[17, 63, 12, 2022, 2024]).exists()


def test_ingesting_again_keeps_what_a_ministry_editor_entered(personas: Personas) -> None:
    target = measure(8).indicators.get(name="支援情報検索サイトのアクセス数")
    entry = Entry({"status": "achieved"}, {target.pk: Decimal(350_000)})
    approve(submit(measure(8), 2025, personas.editor, entry), personas.reviewer)
    report = ingest()
    assert not report.changed
    entered = Observation.objects.get(indicator=target, fiscal_year=2025)
    assert (entered.value, entered.achievement) == (350_000, "achieved")
    assert target.observations.get(fiscal_year=2024).value == 332_598
