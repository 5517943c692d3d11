import numpy as np

from tests.surveys.factories import HEADER, respondent, survey_csv
from tsunagari.surveys.importer import read_microdata


def test_codes_and_japanese_labels_read_to_the_same_answers() -> None:
    rows = [
        respondent(id="a", q_direct="1", ucla_1="4", ucla_2="1", ucla_3="3"),
        respondent(
            id="b",
            q_direct="しばしばある・常にある",
            ucla_1="常にある",
            ucla_2="決してない",
            ucla_3="時々ある",
        ),
    ]
    data = read_microdata(survey_csv(rows), "labels.csv")
    assert data.direct.tolist() == [1, 1]
    assert data.ucla.tolist() == [[4, 1, 3], [4, 1, 3]]


def test_full_width_digits_and_surrounding_spaces_are_the_same_code() -> None:
    data = read_microdata(survey_csv([respondent(q_direct=" ３ ", ucla_1="２")]), "wide.csv")
    assert data.direct.tolist() == [3]
    assert data.ucla[0, 0] == 2


def test_blank_answers_are_item_non_response_and_leave_the_score_undefined() -> None:
    rows = [respondent(id="a", q_direct="", ucla_2=""), respondent(id="b")]
    data = read_microdata(survey_csv(rows), "blank.csv")
    assert data.direct.tolist() == [0, 2]
    total = data.ucla_total
    assert np.isnan(total[0]) and total[1] == 6
    _values, answered = data.indicator_values("ucla3_mean")
    assert answered.tolist() == [False, True]


def test_a_byte_order_mark_is_accepted() -> None:
    data = read_microdata(b"\xef\xbb\xbf" + survey_csv([respondent()]), "bom.csv")
    assert data.ids == ["r1"]


def test_absent_design_columns_mean_unweighted_one_stratum_and_own_psus() -> None:
    header = ["id", "q_direct", "ucla_1", "ucla_2", "ucla_3"]
    rows = [{k: v for k, v in respondent(id=f"r{i}").items() if k in header} for i in range(3)]
    data = read_microdata(survey_csv(rows, header), "srs.csv")
    assert data.weight.tolist() == [1.0, 1.0, 1.0]
    assert data.stratum.tolist() == [0, 0, 0]
    assert data.psu.tolist() == [0, 1, 2]
    assert data.design_columns == frozenset()


def test_psu_labels_are_nested_in_strata() -> None:
    rows = [
        respondent(id="a", stratum="S1", psu="1"),
        respondent(id="b", stratum="S2", psu="1"),
        respondent(id="c", stratum="S1", psu="1"),
    ]
    data = read_microdata(survey_csv(rows), "nested.csv")
    assert data.psu_count == 2
    assert data.psu.tolist() == [0, 1, 0]


def test_other_columns_are_attributes_and_blank_values_belong_to_no_domain() -> None:
    rows = [
        respondent(id="a", sex="男性"),
        respondent(id="b", sex=""),
        respondent(id="c", sex=" 男性 "),
    ]
    data = read_microdata(survey_csv(rows), "attributes.csv")
    sex = data.attributes["sex"]
    assert sex.levels == ["男性"]
    assert sex.codes.tolist() == [0, -1, 0]


def test_a_synthetic_column_marks_the_file_as_synthetic_and_is_not_an_attribute() -> None:
    header = [*HEADER, "synthetic"]
    rows = [respondent(synthetic="SYNTHETIC")]
    data = read_microdata(survey_csv(rows, header), "demo.csv")
    assert data.synthetic
    assert "synthetic" not in data.attributes
