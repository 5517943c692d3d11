from __future__ import annotations

import pytest
from django.test import Client

from tests.personas import Personas
from tsunagari.measures.models import Measure
from tsunagari.measures.workflow import Entry, submit

pytestmark = pytest.mark.django_db


def test_the_public_plan_lists_every_measure(client: Client) -> None:
    body = client.get("/plan/").content.decode()
    assert "141 件の施策" in body
    assert "孤独・孤立の実態把握" in body


def test_search_filters_by_word_and_ministry(client: Client) -> None:
    body = client.get("/plan/", {"q": "フードバンク", "ministry": "maff"}).content.decode()
    assert "フードバンク活動の推進" in body
    assert "孤独・孤立の実態把握" not in body


def test_a_measure_page_shows_target_and_actual(client: Client) -> None:
    body = client.get("/plan/8/").content.decode()
    assert "332598" in body and "FY2026" in body
    assert "2023年 ラインアップ P.36" in body


def test_english_pages_say_the_measure_texts_stay_japanese(client: Client) -> None:
    body = client.get("/en/plan/8/").content.decode()
    assert '<html lang="en">' in body
    assert "government's Japanese text" in body


def test_the_dashboard_has_charts_with_text_alternatives(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.reviewer)
    body = client.get("/plan/staff/").content.decode()
    assert body.count('role="img"') == 2
    assert '<title id="chart-pillar-t">' in body
    assert "<caption>" in body


def test_the_staff_record_shows_the_change_history(client: Client, personas: Personas) -> None:
    measure = Measure.objects.get(plan__code="2024", number=8)
    submit(measure, 2025, personas.editor, Entry({"status": "achieved", "policy_text": "周知"}, {}))
    client.force_login(personas.editor)
    body = client.get("/plan/staff/measures/8/").content.decode()
    assert "変更履歴" in body and "実施状況の提出" in body and "mhlw-editor" in body


def test_a_measure_page_shows_the_baseline_and_results_without_a_target(client: Client) -> None:
    body = client.get("/plan/66/").content.decode()
    assert "基準: 70.7 %（FY2020）" in body and "75 %（FY2025）" in body
    body = client.get("/plan/14/").content.decode()
    assert "目標の記載なし（実績のみ）" in body and "44.1" in body
