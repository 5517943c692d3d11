"""Numbers checked for what they are: Japan's numbering plan, in every field."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from tests.directory.test_bundle import VALID, problems_of, write
from tests.factories import create_service
from tsunagari.directory.models import Phone, Schedule
from tsunagari.directory.phone_numbers import (
    Kind,
    is_dialable,
    kind_of,
    numbers_in_text,
    problem,
    tel_uri,
)

WRONG_DIGIT_COUNT = "0120-279-3380"  # よりそいホットライン with a digit too many
MISSING_DIGIT = "0120-279-33"
INVENTED_SHORT_CODE = "#0000"


def test_numbers_as_ministries_print_them_are_accepted_with_their_kind() -> None:
    for number, kind in (
        ("0120-0-78310", Kind.FREE_DIAL),
        ("0800-100-2707", Kind.FREE_DIAL),
        ("0570-013904", Kind.NAVI_DIAL),
        ("050-3598-7574", Kind.IP_PHONE),
        ("03-5286-9090", Kind.GEOGRAPHIC),
        ("045-212-0581", Kind.GEOGRAPHIC),
        ("090-1234-5678", Kind.MOBILE),
        ("#8008", Kind.SHORT),
        ("189", Kind.SHORT),
    ):
        assert kind_of(number) is kind, number


def test_a_number_with_a_digit_too_many_or_too_few_is_refused_with_the_reason() -> None:
    assert "has 10 digits, not 11" in (problem(WRONG_DIGIT_COUNT) or "")
    assert "has 10 digits, not 9" in (problem(MISSING_DIGIT) or "")
    assert "has 11 digits, not 10" in (problem("0800-100-270") or "")
    assert "geographic number has 10 digits" in (problem("03-5286-909") or "")


def test_short_codes_nobody_runs_are_refused() -> None:
    for number in (INVENTED_SHORT_CODE, "100", "177", "#8009", "#99999"):
        assert "is not a short code in service" in (problem(number) or ""), number
    for number in ("110", "118", "119", "188", "189", "#7119", "#8000", "#8008", "#8103"):
        assert problem(number) is None, number
    for number in ("#8891", "#9110", "#9999"):
        assert problem(number) is None, number


def test_numbers_outside_the_plan_or_not_for_support_lines_are_refused() -> None:
    assert problem("0990-123-456")  # premium rate
    assert problem("0180-99-1234")  # not a number of the plan
    for number in ("+81 3 1234 5678", "0120--279", "012-3", "8008", "0120-279-338-"):
        assert not is_dialable(number), number


def test_numbers_are_found_in_free_text_as_people_write_them() -> None:
    text = (
        "岩手・宮城・福島は０１２０－２７９－２２６、虐待は「189」、危ないときは110番。"
        "Call 119 or #9999, police (110). 〒060-0001、2024-05-02、365日、500円、（定員120）"
    )
    assert numbers_in_text(text) == ["0120-279-226", "189", "110", "119", "#9999", "110"]


def test_a_hash_number_is_escaped_in_its_tel_link() -> None:
    assert tel_uri("#8008") == "tel:%238008"
    assert tel_uri("0120-0-78310") == "tel:0120078310"


@given(st.text(alphabet="0123456789-#", max_size=16))
def test_every_accepted_number_has_ten_or_eleven_digits_or_is_a_short_code(text: str) -> None:
    if is_dialable(text):
        digits = text.replace("-", "").lstrip("#")
        assert len(digits) in (3, 4, 10, 11)


# --- in the directory files: every field --------------------------------------------------


@pytest.mark.parametrize("number", [WRONG_DIGIT_COUNT, MISSING_DIGIT, INVENTED_SHORT_CODE])
def test_a_bad_number_in_phones_is_refused(tmp_path: Path, number: str) -> None:
    (found,) = problems_of(write(tmp_path, VALID.replace('"#8008"', f'"{number}"')))
    assert "phones[0].number" in found and number in found


@pytest.mark.parametrize(
    "field",
    ["hours_note", "alert", "eligibility", "fees"],
)
@pytest.mark.parametrize("number", [WRONG_DIGIT_COUNT, MISSING_DIGIT, INVENTED_SHORT_CODE])
def test_a_bad_number_in_a_free_text_field_is_refused(
    tmp_path: Path, field: str, number: str
) -> None:
    text = VALID.replace(
        "    source_url:",
        f'    {field}: "つながらないときは {number} へ"\n    {field}_en: x\n    source_url:',
    )
    (found,) = problems_of(write(tmp_path, text))
    assert f"services[0].{field}" in found and number in found


def test_a_number_with_a_wrong_digit_in_a_label_is_refused_as_no_entrys_number(
    tmp_path: Path,
) -> None:
    # 0120-279-383 fits the plan; it is よりそいホットライン's 0120-279-338 with two digits swapped
    text = VALID.replace(
        '      - number: "#8008"',
        '      - number: "0120-279-338"\n        toll_free: true\n'
        "        label: つながらないときは 0120-279-383\n        label_en: or 0120-279-383",
    )
    found = problems_of(write(tmp_path, text))
    assert len(found) == 2
    assert all("0120-279-383 is not the number of any entry's phones" in p for p in found)
    assert "phones[0].label" in found[0]


def test_a_number_in_a_schedule_description_is_checked(tmp_path: Path) -> None:
    text = VALID.replace(
        '        closes: "17:00"\n',
        '        closes: "17:00"\n        description: 177番\n        description_en: dial 177\n',
    )
    found = problems_of(write(tmp_path, text))
    assert [p.split(": ")[1] for p in found] == [
        "services[0].schedules[0].description",
        "services[0].schedules[0].description_en",
    ]


def test_navi_dial_marked_free_is_refused(tmp_path: Path) -> None:
    text = VALID.replace('"#8008"', '"0570-064-556"\n        toll_free: true')
    (found,) = problems_of(write(tmp_path, text))
    assert "navi dial is never free" in found


# --- in the curation admin: the same rules on the model --------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("number", [WRONG_DIGIT_COUNT, MISSING_DIGIT, INVENTED_SHORT_CODE])
def test_the_admin_refuses_a_bad_number_in_a_phone_or_a_label(number: str) -> None:
    service = create_service(phones=("0120-279-338",))
    with pytest.raises(ValidationError) as caught:
        Phone(service=service, number=number).full_clean()
    assert "number" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        Phone(service=service, number="#8008", label=f"または {number}").full_clean()
    assert "label" in caught.value.message_dict
    rule = Schedule(service=service, byday="MO", opens_at="09:00", closes_at="17:00")
    rule.description = f"{number} は平日のみ"
    with pytest.raises(ValidationError) as caught:
        rule.full_clean()
    assert "description" in caught.value.message_dict


@pytest.mark.django_db
def test_the_admin_refuses_a_number_in_a_note_that_no_service_has() -> None:
    create_service("yorisoi", phones=("0120-279-338",))
    service = create_service("other", hours_note="混んでいるときは 0120-279-383 へ")
    with pytest.raises(ValidationError) as caught:
        service.full_clean()
    assert "0120-279-383" in str(caught.value.message_dict["hours_note"])
    service.hours_note = "混んでいるときは 0120-279-338 へ"
    service.full_clean()
