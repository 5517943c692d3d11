from pathlib import Path

import pytest

from tests.surveys.factories import HEADER, respondent, survey_csv
from tsunagari.surveys.importer import read_microdata, read_microdata_file
from tsunagari.surveys.microdata import MAX_REPORTED_ERRORS, MicrodataError


def errors_of(raw: bytes, name: str = "survey.csv") -> list[tuple[int, str | None, str]]:
    with pytest.raises(MicrodataError) as caught:
        read_microdata(raw, name)
    return [(e.line, e.column, e.message) for e in caught.value.errors]


def test_an_out_of_range_code_is_named_by_file_line_and_column() -> None:
    rows = [respondent(id="a"), respondent(id="b", ucla_2="5")]
    with pytest.raises(MicrodataError) as caught:
        read_microdata(survey_csv(rows), "2024.csv")
    (error,) = caught.value.errors
    assert (error.file, error.line, error.column) == ("2024.csv", 3, "ucla_2 (7)")
    assert "「5」" in error.message
    assert "2024.csv" in str(error) and "3" in str(error)


def test_every_error_of_a_file_is_reported_and_the_file_is_rejected_whole() -> None:
    rows = [
        respondent(id="a", weight="0"),
        respondent(id="b", weight="-1"),
        respondent(id="c", weight="heavy"),
        respondent(id="a", q_direct="6"),
        respondent(id="", q_direct="いつも"),
    ]
    found = errors_of(survey_csv(rows))
    assert [(line, column) for line, column, _ in found] == [
        (2, "weight (2)"),
        (3, "weight (2)"),
        (4, "weight (2)"),
        (5, "id (1)"),
        (5, "q_direct (5)"),
        (6, "id (1)"),
        (6, "q_direct (5)"),
    ]
    assert "2 行目と重複" in found[3][2]


def test_a_blank_weight_stratum_or_psu_is_an_error_not_a_default() -> None:
    found = errors_of(survey_csv([respondent(weight="", stratum="", psu="")]))
    assert [column for _, column, _ in found] == ["weight (2)", "stratum (3)", "psu (4)"]


def test_missing_required_columns_are_named() -> None:
    found = errors_of(b"id,q_direct,ucla_1\nr1,1,1\n")
    assert [(line, column) for line, column, _ in found] == [(1, "ucla_2"), (1, "ucla_3")]


def test_duplicate_column_names_are_rejected() -> None:
    found = errors_of(b"id,q_direct,ucla_1,ucla_2,ucla_3,sex,sex\nr1,1,1,1,1,a,b\n")
    assert found[0][:2] == (1, "sex (7)")


def test_a_row_with_the_wrong_number_of_fields_is_named_by_its_line() -> None:
    raw = survey_csv([respondent(id="a")]) + b"b,1,S1,P1,2\n"
    found = errors_of(raw)
    assert found[0][0] == 3 and "5" in found[0][2]


def test_lines_count_physical_lines_when_a_quoted_field_spans_two() -> None:
    raw = survey_csv([respondent(id="a", sex="男性\n（補足）")]) + b"b,1,S1,P1,9,1,1,1,x\n"
    found = errors_of(raw)
    assert found == [(4, "q_direct (5)", found[0][2])]


def test_a_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte() -> None:
    raw = "id,q_direct,ucla_1,ucla_2,ucla_3\nr1,1,1,1,1\nr2,決してない,1,1,1\n".encode("cp932")
    found = errors_of(raw)
    assert found[0][0] == 3 and "UTF-8" in found[0][2]


def test_a_synthetic_column_must_say_synthetic_on_every_row() -> None:
    rows = [respondent(id="a", synthetic="SYNTHETIC"), respondent(id="b", synthetic="")]
    found = errors_of(survey_csv(rows, [*HEADER, "synthetic"]))
    assert found[0][:2] == (3, "synthetic (10)")


def test_an_empty_file_has_no_respondents() -> None:
    found = errors_of(b"id,q_direct,ucla_1,ucla_2,ucla_3\n")
    assert found[0][0] == 2


def test_many_errors_are_counted_beyond_those_listed() -> None:
    rows = [respondent(id=f"r{i}", q_direct="9") for i in range(MAX_REPORTED_ERRORS + 50)]
    with pytest.raises(MicrodataError) as caught:
        read_microdata(survey_csv(rows), "many.csv")
    assert len(caught.value.errors) == MAX_REPORTED_ERRORS
    assert caught.value.total == MAX_REPORTED_ERRORS + 50


def test_an_unreadable_path_is_reported_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(MicrodataError) as caught:
        read_microdata_file(tmp_path / "missing.csv")
    assert "missing.csv" in caught.value.errors[0].file
