from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.surveys.factories import FIXTURES, survey_staff
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.services import store_survey_year


@pytest.fixture
def analyst(db: None) -> User:
    return survey_staff()


@pytest.fixture
def stored_year(analyst: User) -> SurveyYear:
    raw = (FIXTURES / "design_full.csv").read_bytes()
    return store_survey_year(raw, "design_full.csv", 2023, analyst)
