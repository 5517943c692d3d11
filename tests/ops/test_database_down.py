"""A real server whose PostgreSQL does not answer: the crisis lines, a short message, 503s
where a page needs the database, and a health check that says so."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from tests.ops.servers import environment, free_port, get, once_per_run, serving

pytestmark = pytest.mark.slow


def test_a_server_whose_postgresql_is_down_still_gives_the_crisis_lines(tmp_path: Path) -> None:
    once_per_run()
    nowhere = f"postgres://postgres@127.0.0.1:{free_port()}/tsunagari"  # nothing listens
    with serving(environment(tmp_path, nowhere)) as server:
        for url, line in [
            ("/", b"0120279338"),
            ("/crisis/", b"0120279338"),
            ("/kids/", b"0120078310"),  # a child is given the children's line first
            ("/search/?q=" + quote("いじめ"), b"0120279338"),
            ("/navigator/", b"0120279338"),
        ]:
            status, body, _ = get(server.url + url)
            assert status in (200, 503), (url, status)
            assert b'href="tel:' + line + b'"' in body, url
        assert get(server.url + "/healthz")[0] == 503
        assert get(server.url + "/api/v1/services")[0] == 503
