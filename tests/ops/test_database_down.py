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
        for url in ["/", "/crisis/", "/kids/", "/search/?q=" + quote("いじめ"), "/navigator/"]:
            status, body, _ = get(server.url + url)
            assert status in (200, 503), (url, status)
            assert b'href="tel:0120279338"' in body, url
        assert get(server.url + "/healthz")[0] == 503
        assert get(server.url + "/api/v1/services")[0] == 503
