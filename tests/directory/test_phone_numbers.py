from hypothesis import given
from hypothesis import strategies as st

from tsunagari.directory.phone_numbers import is_dialable, tel_uri


def test_numbers_as_ministries_print_them_are_accepted() -> None:
    for number in ("0120-0-78310", "0570-013904", "0120-279-338", "03-5774-0992", "#8008", "189"):
        assert is_dialable(number), number


def test_malformed_numbers_are_rejected() -> None:
    for number in ("+81 3 1234 5678", "0120--279", "012-3", "#80", "8008", "0120-279-338-"):
        assert not is_dialable(number), number


def test_a_hash_number_is_escaped_in_its_tel_link() -> None:
    assert tel_uri("#8008") == "tel:%238008"
    assert tel_uri("0120-0-78310") == "tel:0120078310"


@given(st.text(alphabet="0123456789-#", max_size=16))
def test_every_accepted_number_has_ten_or_eleven_digits_or_is_a_short_code(text: str) -> None:
    if is_dialable(text):
        digits = text.replace("-", "").lstrip("#")
        assert len(digits) in (3, 4, 10, 11)
