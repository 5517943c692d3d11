from __future__ import annotations

from typing import Any

from django.db.models.signals import post_migrate

from tsunagari.apps_base import TsunagariApp, Writer


class MeasuresConfig(TsunagariApp):
    name = "tsunagari.measures"
    label = "measures"
    verbose_name = "重点計画"

    def ready(self) -> None:
        from tsunagari.measures.access import ensure_groups

        def create_groups(sender: Any, **kwargs: Any) -> None:
            ensure_groups()

        post_migrate.connect(create_groups, sender=self, dispatch_uid="measures-groups")

    def load_bundled_data(self, out: Writer) -> None:
        from tsunagari.measures.ingest import ingest
        from tsunagari.measures.report import summary

        out.write(summary(ingest()) + "\n")
