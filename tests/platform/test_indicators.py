"""Every measure's indicators against their targets, from the ingested plan."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(bundled_data: None, db: None) -> None:
    pass


def test_the_api_lists_indicators_with_targets_and_latest_values(
    plan: None, client: Client
) -> None:
    rows = client.get("/api/v1/indicators").json()
    assert len(rows) > 20
    assert any(r["target"] is not None and r["latest"] is not None for r in rows)
    from tsunagari.measures.models import Indicator

    assert len(rows) == Indicator.objects.filter(measure__plan__code="2024").count()


def test_the_results_page_links_each_indicator_to_its_measure(plan: None, client: Client) -> None:
    text = client.get("/results/").content.decode()
    assert 'href="/plan/1/"' in text  # the survey is measure 1
    assert "施策の指標と目標" in text


def test_the_english_page_is_in_english(plan: None, client: Client) -> None:
    text = client.get("/en/results/").content.decode()
    assert "Indicators and targets of the measures" in text and "施策の指標と目標" not in text
