"""SQLite takes writes while pages are read: 4 writers and 16 readers against a real server
for 20 s, and not one error (before WAL and immediate transactions, a survey upload beside
two readers of the chat gave 37 × 500 "database is locked")."""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests

from tests.ops.servers import Server, once_per_run, prepared_database, run, serving

pytestmark = pytest.mark.slow

SECONDS = 20.0
PASSWORD = "a long enough password 9"
ANALYST = f"""
from django.contrib.auth.models import User
from tsunagari.staff.members import grant
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Role
analyst = User.objects.create_user("analyst", password="{PASSWORD}")
cao, _ = Body.objects.get_or_create(kind=Kind.CABINET_OFFICE, code="cao", name="内閣府")
grant(analyst, cao, Role.ANALYST)
"""
SURVEY = Path(__file__).resolve().parents[2] / "data" / "surveys" / "synthetic-2021.csv"
READS = [
    "/",
    "/search/?q=" + quote("いじめ"),
    "/api/v1/services?q=" + quote("眠れない"),
    "/api/v1/navigate?text=" + quote("仕事をなくして眠れない"),
    "/services/childline/",
    "/crisis/",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    once_per_run()
    env = prepared_database(tmp_path_factory.mktemp("sqlite-concurrency"))
    run(env, "shell", "-c", ANALYST)
    with serving(env, workers=2) as running:
        yield running


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self.errors: list[str] = []

    def record(self, kind: str, response: requests.Response) -> None:
        with self.lock:
            if response.status_code >= 400:
                self.errors.append(f"{kind} {response.request.path_url}: {response.status_code}")
            self.counts[kind] += 1


def csrf(session: requests.Session, page: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, "no CSRF token on the page"
    return match.group(1)


def chat_writes(url: str, tally: Tally) -> None:
    """A visitor's chat: a new session (INSERT), an answer (UPDATE), clearing it (DELETE)."""
    with requests.Session() as browser:
        tally.record("write", browser.get(url + "/navigator/?kids=1", timeout=30))
        token = csrf(browser, browser.get(url + "/navigator/", timeout=30).text)
        answer = {"step": "who", "choice": "family", "csrfmiddlewaretoken": token}
        tally.record("write", browser.post(url + "/navigator/", answer, timeout=30))
        cleared = {"csrfmiddlewaretoken": token}
        tally.record("write", browser.post(url + "/navigator/clear/", cleared, timeout=30))


def staff_writes(url: str, tally: Tally, years: Iterator[int]) -> None:
    """An analyst signs in (last_login, a new session) and uploads a survey year: a
    transaction that reads (is the year taken?) and then writes, as the failing one did."""
    with requests.Session() as browser:
        token = csrf(browser, browser.get(url + "/staff/login/", timeout=30).text)
        login = {"username": "analyst", "password": PASSWORD, "csrfmiddlewaretoken": token}
        signed_in = browser.post(url + "/staff/login/", login, timeout=30, allow_redirects=False)
        assert signed_in.status_code == 302, "the sign-in failed"
        tally.record("write", signed_in)
        form = {"year": next(years), "lonely_psu": "fail", "csrfmiddlewaretoken": token}
        form["csrfmiddlewaretoken"] = browser.cookies["csrftoken"]
        with open(SURVEY, "rb") as survey:
            files = {"file": ("survey.csv", survey, "text/csv")}
            uploaded = browser.post(url + "/staff/surveys/upload/", form, files=files, timeout=60)
        assert "/staff/surveys/" in uploaded.url and uploaded.history, uploaded.status_code
        tally.record("upload", uploaded)


def reads(url: str, tally: Tally, offset: int) -> None:
    path = READS[(offset + tally.counts["read"]) % len(READS)]
    tally.record("read", requests.get(url + path, timeout=30))


def loop(work: Callable[[], None], tally: Tally, until: float) -> None:
    while time.monotonic() < until:
        try:
            work()
        except Exception as error:  # a refused connection or a time-out is an error too
            with tally.lock:
                tally.errors.append(f"{type(error).__name__}: {error}")


def test_four_writers_and_sixteen_readers_for_20_seconds_without_an_error(
    server: Server,
) -> None:
    tally = Tally()
    years = itertools.count(2001)
    until = time.monotonic() + SECONDS
    workers: list[Callable[[], Any]] = [
        lambda: chat_writes(server.url, tally),
        lambda: chat_writes(server.url, tally),
        lambda: chat_writes(server.url, tally),
        lambda: staff_writes(server.url, tally, years),
    ]
    workers += [lambda i=i: reads(server.url, tally, i) for i in range(16)]
    threads = [threading.Thread(target=loop, args=(w, tally, until)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"SQLite, 20 s: {dict(tally.counts)}, errors {len(tally.errors)}")
    assert tally.errors == []
    assert (
        tally.counts["upload"] >= 2 and tally.counts["write"] >= 40 and tally.counts["read"] >= 100
    ), tally.counts
    assert "database is locked" not in server.output()
