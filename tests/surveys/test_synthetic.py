import numpy as np

from tsunagari.surveys.estimate import estimate_survey
from tsunagari.surveys.importer import read_microdata
from tsunagari.surveys.synthetic import generate_survey


def test_generated_microdata_have_a_realistic_design_and_say_synthetic() -> None:
    text = generate_survey(2023, respondents=3000)
    assert all(line.endswith(",SYNTHETIC") for line in text.splitlines()[1:])
    data = read_microdata(text.encode(), "synthetic-2023.csv")
    assert data.synthetic
    assert 2500 < data.n < 3500
    assert len(data.strata) == 24
    assert data.psu_count > 100
    assert np.unique(data.weight).size > 20
    assert (data.direct == 0).mean() > 0.005
    assert (data.ucla == 0).any(axis=1).mean() > 0.03
    assert set(data.attributes) == {"age_group", "sex", "region"}


def test_the_same_year_and_seed_give_the_same_file() -> None:
    assert generate_survey(2022, 500) == generate_survey(2022, 500)


def test_loneliness_is_higher_among_the_young_as_in_the_national_survey() -> None:
    data = read_microdata(generate_survey(2024, respondents=6000).encode(), "s.csv")
    ages = estimate_survey(data, ["age_group"]).indicators["ucla3_mean"].by["age_group"]
    young, old = ages["20-29"].estimate, ages["70-79"].estimate
    assert young is not None and old is not None and young > old
