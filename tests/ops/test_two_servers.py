"""Two servers on one PostgreSQL, each with its own search index, agree within seconds after
an import made beside them (LISTEN/NOTIFY; without it, they would wait for their freshness
check, a minute)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

from tests.ops.servers import Server, get, prepared_database, run, serving, wait_until_up
from tsunagari.search.index import FRESHNESS_SECONDS

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

NEW_LINE = """
organizations:
  - id: night-owls
    name: 夜のふくろう会
    name_en: Night Owls
    kind: npo
services:
  - id: zz-new-night-line
    name: 梟の夜電話
    name_en: Night connection line
    organization: night-owls
    description: 夜に話を聞く電話相談です。
    description_en: A phone line that listens at night.
    needs: [loneliness]
    methods: [phone]
    phones:
      - {number: 0120-000-111, label: 夜の電話, label_en: Night line, toll_free: true}
    source_url: https://example.org/source
    verified_on: 2026-11-01
"""
QUERY = "/api/v1/services?q=" + quote("梟")  # in no other entry
AGREE_WITHIN = 10.0


@pytest.fixture
def database_url() -> Iterator[str]:
    if connection.vendor != "postgresql":
        pytest.skip("several servers share a PostgreSQL database")
    params = connection.settings_dict
    name = f"{params['NAME']}_servers"
    admin = psycopg.connect(
        host=params["HOST"],
        port=params["PORT"] or 5432,
        user=params["USER"],
        password=params["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    user = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    try:
        yield f"postgres://{user}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def found(server: Server) -> list[str]:
    status, body, _ = get(server.url + QUERY)
    assert status == 200, body
    return [r["name"]["ja"] for r in json.loads(body)["results"]]


def wait_for(servers: list[Server], names: list[str]) -> float:
    started = time.monotonic()
    while time.monotonic() - started < AGREE_WITHIN:
        if all(found(s)[:1] == names[:1] and len(found(s)) == len(names) for s in servers):
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError({s.url: found(s) for s in servers})


def test_two_servers_agree_within_seconds_after_an_import(
    database_url: str, tmp_path: Path
) -> None:
    env = prepared_database(tmp_path / "first", database_url, directory=False)
    other = {**env, "TSUNAGARI_VAR_DIR": str(tmp_path / "second")}
    source = tmp_path / "night-owls.yaml"
    with serving(env, wait=False) as first, serving(other, wait=False) as second:
        wait_until_up(first)
        wait_until_up(second)
        assert found(first) == [] and found(second) == []  # each builds its own index

        source.write_text(NEW_LINE, encoding="utf-8")
        run(env, "directory", "import", str(source))
        seconds = wait_for([first, second], ["梟の夜電話"])

        source.write_text(NEW_LINE.replace("    needs:", "    status: defunct\n    needs:"))
        run(env, "directory", "import", str(source))
        seconds = max(seconds, wait_for([first, second], []))
    assert seconds < AGREE_WITHIN < FRESHNESS_SECONDS
    assert Path(env["TSUNAGARI_VAR_DIR"], "index").exists() and (tmp_path / "second/index").exists()


def test_a_notice_from_another_process_marks_its_services(monkeypatch: Any) -> None:
    from tsunagari.search import follow, index

    marked: list[Any] = []
    monkeypatch.setattr(index, "mark_changed", lambda ids: marked.extend(ids))
    follow.follow("elsewhere:6f1c2d1e-0000-4000-8000-000000000001")
    follow.follow(f"{follow.ORIGIN}:6f1c2d1e-0000-4000-8000-000000000002")  # our own
    assert [str(i) for i in marked] == ["6f1c2d1e-0000-4000-8000-000000000001"]
