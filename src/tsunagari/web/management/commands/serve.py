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
                # No access log, and no warnings either: gunicorn's warning about a malformed
                # request quotes its URL, which carries what the visitor typed (privacy).
                self.cfg.set("accesslog", None)
                self.cfg.set("loglevel", "error")
                self.cfg.set("timeout", 30)
                # gunicorn's largest request line (4 KB by default) holds a search or a short
                # message; longer messages are POSTed to /api/v1/navigate.
                self.cfg.set("limit_request_line", 8190)
                # Load the app (Sudachi's dictionary, the thesaurus) once, before the
                # workers fork, rather than on each worker's first request.
                self.cfg.set("preload_app", True)

            def load(self) -> Any:
                from tsunagari.directory.areas import place_in_text
                from tsunagari.navigator.navigate import preload
                from tsunagari.search.synonyms import load_thesaurus

                preload()  # Sudachi, the lexicon and the crisis rules
                load_thesaurus()
                place_in_text("Hamamatsu")  # place names and their readings
                return application

        self.stdout.write(f"tsunagari: serving on http://{bind}/")
        Server().run()
