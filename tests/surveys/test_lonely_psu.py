import pytest

from tests.surveys.factories import FIXTURES
from tests.surveys.reference import rows
from tsunagari.surveys.design import Design, DesignError
from tsunagari.surveys.estimate import EstimationError, estimate_survey
from tsunagari.surveys.importer import read_microdata_file


def test_a_single_psu_stratum_fails_with_its_name_and_line_like_r() -> None:
    data = read_microdata_file(FIXTURES / "design_lonely.csv")
    with pytest.raises(EstimationError) as caught:
        estimate_survey(data)
    message = str(caught.value)
    assert "「S01」" in message and "「S03」" in message
    assert "design_lonely.csv:2" in message
    assert "--lonely-psu adjust|average|certainty|remove" in message
    (r_said,) = rows("reference_failures.csv")
    assert "has only one PSU" in r_said["message"]


def test_certainty_and_remove_give_the_same_variance_with_one_stage() -> None:
    data = read_microdata_file(FIXTURES / "design_lonely.csv")
    certainty = estimate_survey(data, lonely_psu="certainty").indicators["ucla3_mean"].overall
    remove = estimate_survey(data, lonely_psu="remove").indicators["ucla3_mean"].overall
    adjust = estimate_survey(data, lonely_psu="adjust").indicators["ucla3_mean"].overall
    assert certainty.se == remove.se
    assert adjust.se is not None and certainty.se is not None and adjust.se > certainty.se


def test_an_unknown_rule_is_refused() -> None:
    data = read_microdata_file(FIXTURES / "design_full.csv")
    with pytest.raises(DesignError, match="unknown lonely-PSU rule"):
        Design.of(data, "ignore")
