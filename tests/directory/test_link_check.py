"""The link and fact check, against a real HTTP server on this machine (the network is closed)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.directory.test_bundle import VALID, write
from tsunagari.directory.importer import import_path
from tsunagari.directory.links import Link, Outcome, check_link
from tsunagari.directory.models import LinkCheck

PAGE = "<html><body>相談は０１２０－２７９－３３８（無料）へ</body></html>".encode()


class Site(BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/line")
            self.end_headers()
            return
        if self.path == "/gone":
            self.send_error(404)
            return
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/head-refused" and self.command == "HEAD":
            self.send_error(405)
            return
        content = b"<html><body>no number here</body></html>" if self.path == "/blank" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def outcome(url: str, numbers: tuple[str, ...] = (), timeout: float = 5.0) -> Outcome:
    return check_link(Link(url, ("test",), numbers), timeout).outcome


def test_a_page_that_is_there_is_ok(site: str) -> None:
    assert outcome(f"{site}/line") is Outcome.OK


def test_a_permanent_redirect_is_reported_as_moved_with_its_new_address(site: str) -> None:
    report = check_link(Link(f"{site}/moved", ("test",)), 5.0)
    assert report.outcome is Outcome.MOVED
    assert report.moved_to == f"{site}/line"


def test_a_404_is_reported_as_vanished(site: str) -> None:
    assert outcome(f"{site}/gone") is Outcome.VANISHED


def test_a_server_that_refuses_head_is_asked_with_get(site: str) -> None:
    assert outcome(f"{site}/head-refused") is Outcome.OK


def test_a_page_slower_than_the_timeout_has_failed(site: str) -> None:
    assert outcome(f"{site}/slow", timeout=0.5) is Outcome.FAILED


def test_a_source_that_no_longer_shows_the_number_is_reported(site: str) -> None:
    assert outcome(f"{site}/line", ("0120-279-338",)) is Outcome.OK
    report = check_link(Link(f"{site}/blank", ("test",), ("0120-279-338",)), 5.0)
    assert report.outcome is Outcome.FACT_MISSING
    assert "0120-279-338" in report.detail


def test_a_host_that_does_not_exist_has_vanished() -> None:
    assert outcome("http://no-such-host.invalid/x", timeout=2.0) is Outcome.VANISHED


@pytest.mark.django_db
def test_the_command_checks_every_url_of_the_database_and_keeps_the_findings(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = VALID.replace("https://example.org/line", f"{site}/blank")
    text = text.replace('"#8008"', '"0120-279-338"\n        toll_free: true')
    import_path(write(tmp_path, text))
    with pytest.raises(CommandError, match="1 provenance errors, 1 links to fix"):
        call_command("directory", "check", "--links", "--timeout", "5")
    out = capsys.readouterr().out
    assert f"fact-missing: {site}/blank" in out
    stored = LinkCheck.objects.get(url=f"{site}/blank")
    assert stored.outcome == "fact-missing"
    assert "example-line: service source" in stored.used_by
