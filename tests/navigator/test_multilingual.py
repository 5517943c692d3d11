"""The navigator in the languages foreign residents write (tests/navigator/multilingual-dev.yaml):
the language is told, the needs are read, and for a lost job and the dormitory a line that
answers in the language is among the first three answers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.navigator.conftest import NOON
from tsunagari.navigator import catalogue
from tsunagari.navigator.navigate import navigate
from tsunagari.navigator.ranking import OWN_LANGUAGE_BONUS, Request, rank
from tsunagari.navigator.spoken import detect, load_languages, page_language, spoken_code
from tsunagari.navigator.understand import understand

CASES = Path(__file__).parent / "multilingual-dev.yaml"
LANGUAGES = ("zh-hans", "zh-hant", "ko", "vi", "tl", "pt-br", "es", "ne", "id", "th")


@dataclass(frozen=True)
class Case:
    lang: str
    text: str
    expect: tuple[str, ...]
    own_line: bool


@cache
def cases() -> tuple[Case, ...]:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return tuple(
        Case(c["lang"], c["text"], tuple(c["expect"]), bool(c.get("own_line")))
        for c in data["cases"]
    )


def by_language(hits: dict[str, list[bool]]) -> str:
    return ", ".join(f"{lang} {sum(h)}/{len(h)}" for lang, h in sorted(hits.items()))


def test_every_language_has_cases_over_the_topics() -> None:
    counted = defaultdict(int)
    for case in cases():
        counted[case.lang] += 1
    assert all(counted[lang] >= 8 for lang in LANGUAGES), counted


def test_every_language_file_loads_and_names_its_script() -> None:
    codes = {language.code for language in load_languages()}
    assert {spoken_code(lang) for lang in LANGUAGES} | {"en"} <= codes


def test_the_language_of_each_case_is_told() -> None:
    hits: dict[str, list[bool]] = defaultdict(list)
    for case in cases():
        code = detect(case.text)
        hits[case.lang].append(page_language(code, case.text) == case.lang)
    assert all(all(h) for h in hits.values()), by_language(hits)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("いじめられている", "ja"),
        ("生活保護申請方法", "ja"),
        ("会社倒産", "ja"),
        ("I lost my job and my visa expires next month", "en"),
        ("shigoto wo kubi ni natta", ""),
        ("ok", ""),
    ],
)
def test_japanese_english_and_romaji_are_not_taken_for_another_language(
    text: str, language: str
) -> None:
    assert detect(text) == language


def test_the_needs_of_each_language_are_read_in_the_first_three() -> None:
    hits: dict[str, list[bool]] = defaultdict(list)
    for case in cases():
        first = understand(case.text).need_codes[:3]
        hits[case.lang].append(bool(set(first) & set(case.expect)))
    rates = {lang: sum(h) / len(h) for lang, h in hits.items()}
    assert min(rates.values()) >= 0.85, by_language(hits)


def test_a_message_in_another_language_is_read_as_a_foreign_resident_writing() -> None:
    reading = understand("Em bị mất việc rồi")
    assert reading.language == "vi" and "foreign" in reading.audience_codes
    assert not reading.english


@pytest.mark.django_db
def test_a_lost_job_and_dormitory_finds_a_line_in_the_language(directory: None) -> None:
    hits: dict[str, list[bool]] = defaultdict(list)
    for case in (c for c in cases() if c.own_line):
        answer = navigate(case.text, now=NOON)
        code = spoken_code(case.lang)
        first = [r for r in answer.results if not r.get("crisis_line")][:3]
        hits[case.lang].append(any(code in r["languages"] for r in first))
    assert all(all(h) for h in hits.values()), by_language(hits)


@pytest.mark.django_db
def test_a_line_in_the_language_never_comes_before_the_crisis_lines(directory: None) -> None:
    answer = navigate("Tôi mất việc, không còn chỗ ở, tôi muốn chết", now=NOON)
    assert answer.crisis
    flags = [bool(r.get("crisis_line")) for r in answer.results]
    assert flags[0], "the crisis lines come first, whatever the language"


@pytest.mark.django_db
def test_a_line_in_the_writers_language_ranks_up_among_those_for_the_need(
    directory: None,
) -> None:
    needs = {"workplace": 0.9, "foreign-residents": 0.5}
    entries = catalogue.services()
    plain = rank(entries, Request(needs=needs, now=NOON), 5)
    in_vietnamese = rank(entries, Request(needs=needs, language="vi", now=NOON), 5)
    first = in_vietnamese[0]
    assert "vi" in first.entry.languages and "language:vi" in first.reasons
    assert all(set(r.entry.needs) & set(needs) for r in in_vietnamese)  # no padding
    assert [r.entry.slug for r in plain] != [r.entry.slug for r in in_vietnamese]
    assert OWN_LANGUAGE_BONUS > 0
