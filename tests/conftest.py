"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_var_dir(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each test writes its search index and other state under its own temporary folder."""
    settings.VAR_DIR = tmp_path / "var"  # type: ignore[attr-defined]
    settings.INDEX_DIR = tmp_path / "var" / "index"  # type: ignore[attr-defined]
