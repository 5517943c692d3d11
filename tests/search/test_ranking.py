"""What a person types finds the right service first, whatever the spelling."""

from __future__ import annotations

import pytest

from tsunagari.directory.models import Service
from tsunagari.search.engine import search


def slugs(query: str) -> list[str]:
    return [hit.slug for hit in search(query, limit=100).hits]


@pytest.mark.parametrize("query", ["いじめ", "イジメ", "虐め", "苛め", "いじめられた", "ｲｼﾞﾒ"])
def test_ijime_ranks_the_childrens_sos_dial_first(directory: list[Service], query: str) -> None:
    assert slugs(query)[0] == "kodomo-sos-dial"


def test_ijime_finds_every_service_about_bullying(directory: list[Service]) -> None:
    found = set(slugs("いじめ"))
    assert {"kodomo-sos-dial", "extra-jinken-line", "extra-mini-letter"} <= found
    assert "extra-yorisoi" not in found


def test_shinitai_in_kana_and_kanji_find_the_same_services(directory: list[Service]) -> None:
    assert slugs("しにたい") == slugs("死にたい")
    assert "extra-inochi-line" in slugs("しにたい")


def test_a_synonym_finds_what_the_word_itself_does_not(directory: list[Service]) -> None:
    # 消えたい is nowhere in the directory; the thesaurus reads it as 死にたい.
    assert "extra-inochi-line" in slugs("消えたい")
    assert "extra-dv-line" in slugs("殴られる")
    assert "extra-dv-line" in slugs("domestic violence")


def test_english_finds_japanese_services(directory: list[Service]) -> None:
    assert slugs("bullying")[0] in {"kodomo-sos-dial", "extra-jinken-line"}
    assert "kodomo-sos-dial" in slugs("bullying")


def test_a_kana_query_meets_kanji_text(directory: list[Service]) -> None:
    assert "extra-jinken-line" in slugs("ぎゃくたい")
    assert "extra-jinken-line" in slugs("じんけん")


def test_a_hit_says_which_words_matched_where(directory: list[Service]) -> None:
    hit = search("いじめ").hits[0]
    assert hit.matched == ("いじめ",)
    assert {"keywords", "needs", "description"} <= set(hit.fields)


def test_a_hit_found_by_a_synonym_names_the_synonym(directory: list[Service]) -> None:
    results = search("消えたい")
    hit = next(h for h in results.hits if h.slug == "extra-inochi-line")
    assert "消えたい" in hit.matched  # the need crisis, named by the person's own word
    assert "消える" in results.query_terms
    assert "死にたい" in results.expanded["消える"]


def test_words_that_match_nothing_find_nothing(directory: list[Service]) -> None:
    results = search("宇宙旅行")
    assert results.hits == [] and results.total == 0


def test_results_page_through_without_overlap(directory: list[Service]) -> None:
    total = search("").total
    # Without a place, the local windows and places (one area's own) are left out.
    local = (Service.Scope.LOCAL, Service.Scope.PLACE)
    assert total == Service.objects.listed().exclude(scope__in=local).count()
    pages = [search("", limit=40, offset=offset).hits for offset in range(0, total + 40, 40)]
    seen = [hit.slug for page in pages for hit in page]
    assert len(seen) == len(set(seen)) == total
    assert pages[-1] == []
