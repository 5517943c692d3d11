"""`tsunagari bootstrap`: load every app's bundled data (idempotent)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from tsunagari.apps_base import TsunagariApp


class Command(BaseCommand):
    help = "Load the bundled data of every app, in INSTALLED_APPS order."

    def handle(self, *args: Any, **options: Any) -> None:
        for config in apps.get_app_configs():
            if isinstance(config, TsunagariApp):
                config.load_bundled_data(self.stdout)
        self.stdout.write(self.style.SUCCESS("bundled data loaded"))
