from pathlib import Path

import pytest

from tests.surveys.factories import respondent, survey_csv
from tsunagari.surveys.importer import read_microdata
from tsunagari.surveys.mappings import MappingError, bundled_mapping, bundled_mappings, load_mapping
from tsunagari.surveys.microdata import MicrodataError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_reversed_direct_question_is_read_through_its_mapping() -> None:
    mapping = bundled_mapping("direct-reversed")
    rows = [
        respondent(id="a", q_direct="1"),
        respondent(id="b", q_direct="5"),
        respondent(id="c", q_direct="時々ある"),
    ]
    data = read_microdata(survey_csv(rows), "official.csv", mapping)
    assert data.direct.tolist() == [5, 1, 2]
    assert data.mapping == "direct-reversed"


def test_a_value_the_mapping_does_not_list_is_an_error_never_a_guess() -> None:
    mapping = bundled_mapping("direct-reversed")
    with pytest.raises(MicrodataError) as caught:
        read_microdata(survey_csv([respondent(q_direct="6")]), "official.csv", mapping)
    (error,) = caught.value.errors
    assert (error.line, error.column) == (2, "q_direct (5)")
    assert mapping.name in error.message


def test_a_mapping_renames_columns_and_renumbers_ucla_items() -> None:
    mapping = bundled_mapping("ucla-zero-based")
    raw = b"id,Q1,Q2_1,Q2_2,Q2_3\nr1,2,0,3,1\n"
    data = read_microdata(raw, "other.csv", mapping)
    assert data.direct.tolist() == [2]
    assert data.ucla.tolist() == [[1, 4, 2]]


def test_a_renamed_column_missing_from_the_file_is_reported() -> None:
    mapping = bundled_mapping("ucla-zero-based")
    with pytest.raises(MicrodataError) as caught:
        read_microdata(b"id,Q1,Q2_1,Q2_2\nr1,2,0,3\n", "other.csv", mapping)
    assert ("Q2_3", 1) in [(e.column, e.line) for e in caught.value.errors]


def test_a_mapping_of_ucla_items_must_declare_the_same_instrument(tmp_path: Path) -> None:
    path = write(tmp_path, 'name: ONS\nvalues:\n  ucla_1: {"1": 1, "2": 2, "3": 3, "x": 4}\n')
    with pytest.raises(MappingError, match="instrument"):
        load_mapping(path)


def test_a_mapping_must_cover_every_option(tmp_path: Path) -> None:
    path = write(tmp_path, 'name: partial\nvalues:\n  q_direct: {"1": 1, "2": 2}\n')
    with pytest.raises(MappingError, match=r"codes \[3, 4, 5\]"):
        load_mapping(path)


def test_a_mapping_to_a_code_outside_the_codebook_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 'name: bad\nvalues:\n  q_direct: {"1": 0}\n')
    with pytest.raises(MappingError, match="not a code"):
        load_mapping(path)


def test_every_bundled_mapping_loads() -> None:
    keys = [mapping.key for mapping in bundled_mappings()]
    assert keys == ["direct-reversed", "ucla-zero-based"]
