"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _shared_dir() -> Path:
    """The read-only contracts beside the checkout (../shared), wherever the clone lives."""
    if os.environ.get("TSUNAGARI_SHARED_DIR"):
        return Path(os.environ["TSUNAGARI_SHARED_DIR"])
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "spec").is_dir():
            return parent / "shared"
    return Path("/work/shared")


SHARED_DIR = _shared_dir()


@pytest.fixture(autouse=True)
def _isolated_var_dir(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each test writes its search index and other state under its own temporary folder."""
    settings.VAR_DIR = tmp_path / "var"  # type: ignore[attr-defined]
    settings.INDEX_DIR = tmp_path / "var" / "index"  # type: ignore[attr-defined]
