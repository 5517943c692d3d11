"""The navigator's own test set (tests/navigator/cases.yaml) on the bundled directory:
≥ 90 % top-3 hit rate, and every crisis flag right (recall 100 %, no false alarms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.navigator.conftest import NOON
from tsunagari.navigator.evaluation import evaluate, summary_lines
from tsunagari.navigator.navigate import navigate

pytestmark = pytest.mark.django_db

CASES = Path(__file__).parent / "cases.yaml"


def test_the_own_cases_meet_the_targets(directory: None) -> None:
    report = evaluate(CASES, lambda text: navigate(text, now=NOON))
    failures = "\n".join(summary_lines(report))
    assert report.total >= 300
    assert report.crisis_recall == 1.0, failures
    assert report.false_alarms == 0, failures
    assert report.top3_rate >= 0.9, failures
