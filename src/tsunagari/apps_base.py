"""What every tsunagari app may offer the project shell."""

from __future__ import annotations

from typing import Protocol

from django.apps import AppConfig


class Writer(Protocol):
    def write(self, text: str) -> object: ...


class TsunagariApp(AppConfig):
    """An app that may load bundled data during `tsunagari bootstrap`.

    Apps load in INSTALLED_APPS order, so an app may rely on the data of the apps before it
    (the search index is built after the directory is imported).
    """

    default_auto_field = "django.db.models.BigAutoField"

    def load_bundled_data(self, out: Writer) -> None:
        """Load this app's curated data from settings.DATA_DIR; idempotent."""
