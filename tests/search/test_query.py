"""Reading a query: concepts, alternatives, synonyms and bounds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tsunagari.search.query import MAX_CONCEPTS, MAX_QUERY_CHARS, Kind, parse_query
from tsunagari.search.synonyms import load_thesaurus


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_query(text, load_thesaurus())


def test_a_word_is_expanded_with_its_synonyms() -> None:
    parsed = parse("イジメ")
    assert parsed.terms == ("苛め",)
    assert {"bullying", "ijime", "苛める"} <= set(parsed.expanded["苛め"])
    (concept,) = parsed.concepts
    assert concept.text == "イジメ"
    assert any(a.kind is Kind.NEED and a.terms == ("need:bullying",) for a in concept.alternatives)


def test_shinitai_in_kana_and_kanji_read_alike() -> None:
    assert parse("しにたい").terms == parse("死にたい").terms == ("死ぬ",)
    assert "自殺" in parse("しにたい").expanded["死ぬ"]


def test_a_phrase_the_thesaurus_knows_is_one_concept() -> None:
    parsed = parse("domestic violence help")
    assert [c.text for c in parsed.concepts] == ["domestic violence", "help"]
    assert "DV" in parsed.expanded["domest violenc"]


def test_a_japanese_phrase_keeps_its_particles_as_typed() -> None:
    (concept,) = parse("学校に行きたくない").concepts
    assert concept.text == "学校に行きたくない"
    assert "不登校" in concept.synonyms


def test_kana_the_dictionary_misreads_is_matched_by_reading() -> None:
    (concept,) = parse("じさつ").concepts
    readings = [a.terms for a in concept.alternatives if a.kind is Kind.READING and a.typed]
    assert ("じさつ",) in readings
    assert "自殺" in concept.synonyms


def test_only_stop_words_is_an_empty_query() -> None:
    assert parse("することができる").concepts == ()
    assert parse("").concepts == ()


def test_a_repeated_word_counts_once() -> None:
    assert parse("いじめ いじめ イジメ").terms == ("苛め",)


def test_queries_are_bounded() -> None:
    many = " ".join(f"word{chr(0x61 + i % 26)}{i}" for i in range(100))
    parsed = parse(many)
    assert len(parsed.concepts) == MAX_CONCEPTS
    assert len(parse("いじめ相談窓口" * 1_000).text) == MAX_QUERY_CHARS


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_as_a_bounded_query(text: str) -> None:
    parsed = parse(text)
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert len(parsed.concepts) <= MAX_CONCEPTS
    assert all(c.alternatives for c in parsed.concepts)
