"""Bodies are named by their codes: a municipality by its JIS X 0402 code with check digit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tsunagari.staff.models import Body, jis_municipality_code_error
from tsunagari.staff.roles import Kind


@pytest.mark.parametrize("code", ["131016", "271004", "011002", "012025", "472018", "131041"])
def test_real_municipality_codes_pass(code: str) -> None:
    assert jis_municipality_code_error(code) == ""


@pytest.mark.parametrize("code", ["131017", "13101", "1310166", "abcdef", "１３１０１６", ""])
def test_a_wrong_or_malformed_code_is_named(code: str) -> None:
    assert jis_municipality_code_error(code)


@pytest.mark.django_db
def test_a_body_with_a_wrong_code_does_not_validate() -> None:
    with pytest.raises(ValidationError) as error:
        Body(kind=Kind.MUNICIPALITY, code="131017", name="千代田区").full_clean()
    assert "131017" in str(error.value.message_dict["code"])
    with pytest.raises(ValidationError):
        Body(kind=Kind.PREFECTURE, code="48", name="?").full_clean()
    Body(kind=Kind.PREFECTURE, code="13", name="東京都").full_clean()
