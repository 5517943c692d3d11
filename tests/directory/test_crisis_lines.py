"""The lines shown first on a crisis: never missing, 24-hour lines first."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db import DatabaseError

from tests.factories import create_service
from tsunagari.directory.crisis_lines import crisis_lines
from tsunagari.directory.hours import TOKYO

pytestmark = pytest.mark.django_db

TUESDAY_NOON = dt.datetime(2026, 11, 24, 12, tzinfo=TOKYO)


def test_24_hour_lines_come_before_lines_with_office_hours() -> None:
    create_service(
        "a-office",
        crisis_line=True,
        phones=("0570-064-556",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
    )
    create_service(
        "b-always",
        crisis_line=True,
        phones=("0120-279-338",),
        holidays="open",
        hours=(("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
    )
    assert [line.slug for line in crisis_lines(TUESDAY_NOON)] == ["b-always", "a-office"]


def test_lines_that_are_not_crisis_lines_are_left_out() -> None:
    create_service("helpline", phones=("0120-000-000",))
    create_service("crisis", crisis_line=True, phones=("0120-279-338",))
    assert [line.slug for line in crisis_lines(TUESDAY_NOON)] == ["crisis"]


def test_an_ended_line_is_not_shown() -> None:
    create_service("ended", crisis_line=True, status="defunct", phones=("0120-000-000",))
    create_service("live", crisis_line=True, phones=("0120-279-338",))
    assert [line.slug for line in crisis_lines(TUESDAY_NOON)] == ["live"]


def test_the_bundled_lines_are_used_when_the_database_fails() -> None:
    with mock.patch(
        "tsunagari.directory.crisis_lines._from_database", side_effect=DatabaseError("down")
    ):
        lines = crisis_lines(TUESDAY_NOON)
    assert "kodomo-sos-dial" in [line.slug for line in lines]
    assert all(line.phones for line in lines)


def test_the_bundled_lines_are_used_when_the_database_is_empty() -> None:
    assert "kodomo-sos-dial" in [line.slug for line in crisis_lines(TUESDAY_NOON)]
