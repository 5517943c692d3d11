"""`tsunagari serve`: the production server (gunicorn), never Django's dev server."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the portal with gunicorn (static files via whitenoise)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        from gunicorn.app.base import BaseApplication

        from tsunagari.wsgi import application

        bind = f"{options['host']}:{options['port']}"

        class Server(BaseApplication):
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", options["workers"])
                # No access log: URLs carry what visitors type (privacy).
                self.cfg.set("accesslog", None)
                self.cfg.set("timeout", 30)

            def load(self) -> Any:
                return application

        self.stdout.write(f"tsunagari: serving on http://{bind}/")
        Server().run()
