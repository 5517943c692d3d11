"""`tsunagari serve`: the production server, never Django's dev server.

gunicorn manages uvicorn workers (asyncio, ASGI: see tsunagari.ops.server), and beside
them the scheduled jobs run in a django-q2 cluster (tsunagari.ops.jobs) unless --no-jobs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the portal with gunicorn and uvicorn workers (static files via whitenoise)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        # The desk's live chat needs every worker on one channel layer: Redis when
        # TSUNAGARI_REDIS_URL is set; otherwise the in-process layer, so one worker.
        parser.add_argument("--workers", type=int, default=2 if settings.DESK_REDIS_URL else 1)
        parser.add_argument(
            "--no-jobs", action="store_true", help="do not run the scheduled jobs beside it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from gunicorn.app.base import BaseApplication

        bind = f"{options['host']}:{options['port']}"
        jobs = None if options["no_jobs"] else _start_jobs()

        class Server(BaseApplication):
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", options["workers"])
                self.cfg.set("worker_class", "tsunagari.ops.server.Worker")
                self.cfg.set("keepalive", 5)
                # A worker whose event loop is stuck this long is replaced.
                self.cfg.set("timeout", 30)
                self.cfg.set("graceful_timeout", 10)
                self.cfg.set("forwarded_allow_ips", ",".join(settings.FORWARDED_ALLOW_IPS))
                # No access log, and no warnings either: a warning about a malformed request
                # may quote its URL, which carries what the visitor typed (privacy).
                self.cfg.set("accesslog", None)
                self.cfg.set("loglevel", "error")
                # Load the app (Sudachi's dictionary, the thesaurus) once, before the
                # workers fork, rather than on each worker's first request.
                self.cfg.set("preload_app", True)
                self.cfg.set("post_worker_init", _follow_other_servers)
                self.cfg.set("child_exit", _worker_gone)
                self.cfg.set("on_exit", lambda server: _stop(jobs))

            def load(self) -> Any:
                from tsunagari.asgi import application
                from tsunagari.directory.areas import place_in_text
                from tsunagari.navigator.navigate import preload
                from tsunagari.search.synonyms import load_thesaurus

                preload()  # Sudachi, the lexicon and the crisis rules
                load_thesaurus()
                place_in_text("Hamamatsu")  # place names and their readings
                return application

        self.stdout.write(f"tsunagari: serving on http://{bind}/")
        Server().run()


def _follow_other_servers(worker: Any) -> None:
    from tsunagari.search import follow

    follow.start()  # each worker keeps its index in step with the other servers' changes


def _worker_gone(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def _start_jobs() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tsunagari.cli", "qcluster"])


def _stop(jobs: subprocess.Popen[bytes] | None) -> None:
    metrics = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
    if os.path.basename(metrics).startswith("tsunagari-metrics-"):  # made by tsunagari.cli
        shutil.rmtree(metrics, ignore_errors=True)
    if jobs is not None and jobs.poll() is None:
        jobs.terminate()
        try:
            jobs.wait(timeout=15)
        except subprocess.TimeoutExpired:
            jobs.kill()
