"""Tests that walk the public pages use the bundled directory and plan (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def bundled(bundled_data: None, db: None) -> None:
    pass
