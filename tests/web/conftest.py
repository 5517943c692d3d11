"""Shared by the web tests: a fixed moment in Japan and public URLs to sweep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from unittest import mock

import pytest

from tsunagari.directory.hours import TOKYO

TUESDAY_NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=TOKYO)
TUESDAY_NIGHT = dt.datetime(2026, 11, 24, 22, 0, tzinfo=TOKYO)


@pytest.fixture
def tuesday_noon() -> Iterator[dt.datetime]:
    with mock.patch("django.utils.timezone.now", return_value=TUESDAY_NOON):
        yield TUESDAY_NOON


@pytest.fixture
def tuesday_night() -> Iterator[dt.datetime]:
    with mock.patch("django.utils.timezone.now", return_value=TUESDAY_NIGHT):
        yield TUESDAY_NIGHT
