"""`evaluate_local`: a local service shown above a nationwide one is a jump, a bad one when it
serves none of the needs expected; sets are read with either `text` or `query`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsunagari.navigator.datafiles import DataFileError
from tsunagari.navigator.local_evaluation import (
    Answered,
    LocalCase,
    Shown,
    read_local_cases,
    resolve_places,
)

CASE = LocalCase("set.yaml", 3, "親の認知症が心配", ("dementia",))


def test_only_local_services_above_a_nationwide_one_are_jumps() -> None:
    answer = Answered(
        "search",
        "盛岡市",
        CASE,
        (
            Shown("town-window", 2, serves=False),
            Shown("prefecture-dementia", 1, serves=True),
            Shown("national-dementia", 0, serves=True),
            Shown("town-youth-place", 2, serves=False),  # below every nationwide one
        ),
    )
    assert [s.slug for s in answer.jumps()] == ["town-window", "prefecture-dementia"]
    assert [s.slug for s in answer.bad_jumps()] == ["town-window"]
    assert answer.served


def test_an_answer_of_local_services_only_has_no_jump() -> None:
    answer = Answered("navigator", "盛岡市", CASE, (Shown("town-window", 2, serves=False),))
    assert answer.jumps() == [] and not answer.served


def test_sets_are_read_with_text_or_query_one_case_in_every(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        "cases:\n"
        "  - {text: 親の認知症が心配, expect: [dementia]}\n"
        "  - {query: 借金が返せない, expect: [poverty]}\n"
        "  - {query: 眠れない, expect: [mental-health]}\n",
        encoding="utf-8",
    )
    assert [c.text for c in read_local_cases([path])] == [
        "親の認知症が心配",
        "借金が返せない",
        "眠れない",
    ]
    assert [c.line for c in read_local_cases([path], every=2)] == [2, 4]


def test_a_case_without_expected_needs_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("cases:\n  - {text: 眠れない}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"set\.yaml:2: cases\.0\.expect"):
        read_local_cases([path])


def test_an_unknown_place_is_an_error() -> None:
    with pytest.raises(DataFileError, match="どこでもない"):
        resolve_places(["どこでもない"])
