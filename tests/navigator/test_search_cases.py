"""Our own plain queries (search-cases.yaml) through the search page's route: a need the
person named is served in the top five for at least 90 %, and no query gets nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsunagari.navigator.management.commands.evaluate_search import needs_found
from tsunagari.navigator.search_evaluation import evaluate_search, search_summary

CASES = Path(__file__).with_name("search-cases.yaml")


@pytest.mark.django_db
def test_plain_queries_are_served_in_the_top_five_and_never_answered_with_nothing(
    directory: None,
) -> None:
    report = evaluate_search(CASES, needs_found)
    assert report.total >= 40
    assert report.empty == 0, "\n".join(search_summary(report))
    assert report.served >= 0.9 * report.total, "\n".join(search_summary(report))
    assert not report.unknown_codes
