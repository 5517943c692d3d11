"""Shared by the navigator tests: the bundled directory, and a fresh snapshot per test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings

from tsunagari.directory.bundle import Bundle, read_bundle
from tsunagari.directory.hours import TOKYO
from tsunagari.directory.importer import import_bundle
from tsunagari.navigator import catalogue
from tsunagari.navigator.urgency import message_elements

# A Tuesday at noon in Japan: day-time lines are open, nothing is a holiday.
NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=TOKYO)


@pytest.fixture(autouse=True)
def _fresh_snapshot() -> Iterator[None]:
    catalogue.forget()
    yield
    catalogue.forget()


@cache
def _bundle() -> Bundle:
    return read_bundle(Path(settings.DATA_DIR) / "directory")  # parsing YAML takes seconds


@pytest.fixture
def directory(db: None) -> None:
    """The curated national directory, as `tsunagari bootstrap` loads it."""
    import_bundle(_bundle(), source="data/directory")


def elements(text: str) -> frozenset[str]:
    """The urgency elements found in the whole of `text`."""
    return message_elements(text)[0]
