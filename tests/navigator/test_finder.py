"""One route to a page of results (finder.find): the literal search, widened by what the
navigator understood when it is thin, never empty, and the one crisis decision."""

from __future__ import annotations

import pytest
from django.test import Client

from tsunagari.navigator.crisis import CrisisResult
from tsunagari.navigator.finder import crisis_in, find, lines_first
from tsunagari.search.engine import Filters, cards

pytestmark = pytest.mark.django_db


def _needs(query: str, filters: Filters = Filters()) -> list[list[str]]:  # noqa: B008
    hits = find(query, filters).results.hits
    stored = cards([h.service_id for h in hits])
    return [stored[h.service_id]["needs"] for h in hits]


def test_words_that_name_no_service_are_answered_by_what_they_mean(directory: None) -> None:
    found = find("妻を亡くした")
    assert found.widened and found.understood.needs[0] == "bereavement"
    assert "bereavement" in _needs("妻を亡くした")[0]


def test_a_literal_search_that_serves_the_need_is_left_as_it_is(directory: None) -> None:
    found = find("いじめ")
    assert not found.widened
    assert all("bullying" in needs for needs in _needs("いじめ")[:3])


def test_the_needs_read_as_clearly_share_the_first_five(directory: None) -> None:
    first = _needs("同性が好き　おかしいのかな　高校生")[:5]
    assert any("sogi" in needs for needs in first)
    assert any("child-worries" in needs for needs in first)


def test_a_place_named_in_the_words_narrows_the_widened_answer(directory: None) -> None:
    found = find("グリーフケア　東京都")
    assert found.understood.place is not None and found.understood.place.prefecture == "東京都"
    slugs = [h.slug for h in found.results.hits[:5]]
    assert "tokyo-jishi-izoku-madoguchi" in slugs


def test_words_with_no_match_and_no_meaning_still_get_windows_for_any_trouble(
    directory: None,
) -> None:
    found = find("ぽよよん　ぺけぺけ")
    assert found.general and found.results.total > 0
    assert all("loneliness" in needs for needs in _needs("ぽよよん　ぺけぺけ"))


def test_a_need_chosen_on_the_form_is_not_second_guessed(directory: None) -> None:
    found = find("妻を亡くした", Filters(needs=("housing",)))
    assert not found.widened
    assert all("housing" in needs for needs in _needs("妻を亡くした", Filters(needs=("housing",))))


def test_the_lines_come_first_for_danger_and_when_the_detector_fails() -> None:
    assert crisis_in("死にたい")
    assert not crisis_in("眠れない")
    assert crisis_in("Em đang đứng trên cầu. Xin lỗi mọi người")  # no word the rules know
    assert crisis_in("自殺 相談")  # a search for the lines: the grade never lowers the rules
    assert lines_first(CrisisResult(False, (), False, error=True))


def test_the_page_and_the_api_answer_with_the_same_services(
    directory: None, client: Client
) -> None:
    api = client.get("/api/v1/services", {"q": "妻を亡くした", "limit": 20}).json()
    page = client.get("/search/", {"q": "妻を亡くした"}).content.decode()
    slugs = [r["slug"] for r in api["results"]]
    assert slugs and all(f'href="/services/{slug}/"' in page for slug in slugs[:5])
    positions = [page.index(f'href="/services/{slug}/"') for slug in slugs[:5]]
    assert positions == sorted(positions)
