"""Real servers for the production tests: `tsunagari serve` in a process of its own, on a
free loopback port, over a database made for it (never pytest's test database)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

TSUNAGARI = [sys.executable, "-m", "tsunagari.cli"]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def once_per_run() -> None:
    """These servers have a database of their own, whatever pytest's is: the PostgreSQL run
    need not repeat them."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("a server with its own database: run once, with the SQLite tests")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(var_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        TSUNAGARI_VAR_DIR=str(var_dir),
        TSUNAGARI_DATA_DIR=str(settings.DATA_DIR),
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="tsunagari.settings",
        **extra,
    )
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return env


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [*TSUNAGARI, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def prepared_database(
    var_dir: Path, database_url: str = "", *, directory: bool = True
) -> dict[str, str]:
    """A migrated database holding the bundled directory (unless not asked for); returns the
    servers' environment."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env = environment(var_dir, database_url or f"sqlite:///{var_dir / 'db.sqlite3'}")
    run(env, "migrate", "--noinput", "--verbosity", "0")
    if directory:
        run(env, "directory", "import", str(Path(settings.DATA_DIR) / "directory"))
    return env


@contextmanager
def serving(env: dict[str, str], *, workers: int = 1, wait: bool = True) -> Iterator[Server]:
    port = free_port()
    Path(env["TSUNAGARI_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    log = Path(env["TSUNAGARI_VAR_DIR"]) / f"server-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [*TSUNAGARI, "serve", "--port", str(port), "--workers", str(workers), "--no-jobs"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        if wait:
            wait_until_up(server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(server: Server, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server stopped:\n{server.output()[-3000:]}")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=2):
                return
        except OSError as error:
            if getattr(error, "code", None) == 503:
                return  # up, with its database down: some tests want just that
            time.sleep(0.2)
    raise AssertionError(f"the server did not answer within {seconds} s:\n{server.output()}")


def get(url: str, timeout: float = 10) -> tuple[int, bytes, float]:
    """Status, body and seconds taken; an HTTP error status is an answer, not an exception."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read(), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        try:
            body = error.read()
        except ConnectionResetError:
            # A server that refuses a request before reading all of it (a line too long)
            # closes with the rest unread, and the kernel resets: the status has arrived.
            body = b""
        return error.code, body, time.perf_counter() - started
