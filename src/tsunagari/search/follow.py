"""Several servers on one PostgreSQL, each with its own index, kept in step within seconds.

A process that changes the directory says which services changed on the channel below
(PostgreSQL NOTIFY, sent once the change is committed); every other process LISTENs on a
connection of its own, in a thread (`start`, called in each worker of `tsunagari serve`),
and marks those services to be indexed again before its next search. A notice too long to
list them says "*": check everything. After a lost connection a process checks everything
too, since notices sent meanwhile are gone. On SQLite there is one server, and nothing here
runs; nor in tests and commands, whose processes are not servers.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import connection

from tsunagari.search import index

log = logging.getLogger(__name__)

CHANNEL = "tsunagari_directory"
EVERYTHING = "*"
MAX_PAYLOAD = 7900  # PostgreSQL refuses a notice of 8,000 bytes or more
ORIGIN = uuid.uuid4().hex  # this process: it does not follow its own notices
RETRY_SECONDS = 5.0

_noted: set[uuid.UUID] = set()
_lock = threading.Lock()
_listening_in: int | None = None  # the process id whose thread listens (a fork must start its own)


def shared() -> bool:
    return connection.vendor == "postgresql"


def note(ids: Iterable[uuid.UUID]) -> None:
    """Remember services to announce once their change is committed."""
    if shared():
        with _lock:
            _noted.update(ids)


def announce_noted() -> None:
    """Tell the other processes; called after a commit."""
    with _lock:
        ids = sorted(str(i) for i in _noted)
        _noted.clear()
    if not ids:
        return
    listed = f"{ORIGIN}:{','.join(ids)}"
    payload = listed if len(listed) <= MAX_PAYLOAD else f"{ORIGIN}:{EVERYTHING}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, payload])


def follow(payload: str) -> None:
    origin, _, listed = payload.partition(":")
    if origin == ORIGIN:
        return
    if listed == EVERYTHING:
        index.recheck()
    else:
        index.mark_changed(uuid.UUID(i) for i in listed.split(",") if i)


def start() -> None:
    """Start this process's listener, once."""
    global _listening_in
    if _listening_in == os.getpid() or not shared():
        return
    with _lock:
        if _listening_in == os.getpid():
            return
        _listening_in = os.getpid()
    params = dict(connection.get_connection_params())
    threading.Thread(target=_listen, args=(params,), name="tsunagari-follow", daemon=True).start()


def _listen(params: dict[str, Any]) -> None:
    import psycopg

    params.pop("cursor_factory", None)
    params.pop("context", None)
    first = True
    while True:
        try:
            with psycopg.connect(**params, autocommit=True) as listener:
                listener.execute(f"LISTEN {CHANNEL}")
                if not first:
                    index.recheck()  # notices sent while we were away are lost
                first = False
                for notice in listener.notifies():
                    follow(notice.payload)
        except Exception as error:  # the thread must outlive a database restart
            log.warning(
                "directory changes: not listening (%s); again in %.0f s",
                type(error).__name__,
                RETRY_SECONDS,
            )
            first = False
            time.sleep(RETRY_SECONDS)
