"""The search index: tantivy, on disk under settings.INDEX_DIR, over the listed services.

The index follows the database: changed services are re-indexed after the change (signals),
a missing index is built at the first search, and one that disagrees with the database
(count or latest change of listed services, checked at most every FRESHNESS_SECONDS) is
rebuilt. Several processes may share the index: one writes at a time (tantivy's lock file),
the others wait for it.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import shutil
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from django.conf import settings
from django.db.models import Count, Max

from tsunagari.directory.models import Service
from tsunagari.search.documents import (
    FILTER_FIELDS,
    READING_FIELDS,
    WORD_FIELDS,
    ServiceRecord,
    fields,
    fields_of_chunk,
    record,
)
from tsunagari.search.loading import listed_in_chunks

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
TOKENIZER = "terms"  # the text is analysed before it reaches tantivy: split on spaces only
FRESHNESS_SECONDS = 60
LOCK_WAIT_SECONDS = 30
CHUNK = 1000
PARALLEL_FROM = 5000  # services; below this, analysing in other processes costs more


@dataclass
class OpenIndex:
    path: Path
    index: tantivy.Index
    checked_at: float = 0.0

    @property
    def built(self) -> bool:
        return (self.path / "built").exists()


_lock = threading.RLock()
_open: OpenIndex | None = None
_pending: set[uuid.UUID] = set()


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("slug", stored=True, tokenizer_name="raw", index_option="basic")
    for name in (*WORD_FIELDS, *READING_FIELDS):
        builder.add_text_field(name, stored=True, tokenizer_name=TOKENIZER, index_option="freq")
    for name in FILTER_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("modified", fast=True)
    builder.add_integer_field("until", indexed=True, fast=True)
    builder.add_float_field("prior", fast=True)
    builder.add_bytes_field("card", stored=True, indexed=False)
    return builder.build()


SCHEMA = build_schema()


def index_path() -> Path:
    return Path(settings.INDEX_DIR) / f"services-v{SCHEMA_VERSION}"


def _create(path: Path) -> tantivy.Index:
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
    index.register_tokenizer(
        TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    )
    return index


def _opened() -> OpenIndex:
    global _open
    path = index_path()
    if _open is None or _open.path != path:
        try:
            index = _create(path)
        except (OSError, ValueError) as error:
            log.warning("search index at %s unreadable (%s): building it again", path, error)
            shutil.rmtree(path, ignore_errors=True)
            index = _create(path)
        _open = OpenIndex(path, index)
    return _open


@contextmanager
def _writer(index: tantivy.Index, heap: int = 50_000_000, threads: int = 1) -> Iterator[Any]:
    """The index's only writer, waiting for another process's to finish; commits on success."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            writer = index.writer(heap, threads)
            break
        except ValueError as error:
            if "Lock" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield writer
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()
    index.reload()


def _record_chunks() -> Iterator[list[ServiceRecord]]:
    for services in listed_in_chunks():
        yield [record(s) for s in services]


def _documents(pool: Any) -> Iterator[dict[str, Any]]:
    """Documents of every listed service; analysed by `pool`'s processes when there is one.

    Records are read here, in the caller's thread and database connection; only the text
    analysis goes to the other processes, a few chunks ahead.
    """
    if pool is None:
        for chunk in _record_chunks():
            yield from fields_of_chunk(chunk)
        return
    ahead: deque[Any] = deque()
    for chunk in _record_chunks():
        ahead.append(pool.apply_async(fields_of_chunk, (chunk,)))
        if len(ahead) > 2 * _workers():
            yield from ahead.popleft().get()
    while ahead:
        yield from ahead.popleft().get()


def _workers() -> int:
    return max(1, min(4, multiprocessing.cpu_count()))


def _pool(count: int) -> Any:
    if count < PARALLEL_FROM or _workers() < 2:
        return nullcontext(None)
    # fork: the workers only analyse text; they never use the database connection.
    return multiprocessing.get_context("fork").Pool(processes=_workers())


def rebuild() -> int:
    """Index every listed service from the database; returns how many."""
    with _lock:
        handle = _opened()
        with _builders_turn(handle.path):
            return _rebuild(handle)


def _rebuild(handle: OpenIndex) -> int:
    with _lock:
        _pending.clear()
        count = 0
        with (
            _pool(Service.objects.not_ended().count()) as pool,
            _writer(handle.index, heap=200_000_000, threads=2) as writer,
        ):
            writer.delete_all_documents()
            for data in _documents(pool):
                writer.add_document(tantivy.Document.from_dict(data, SCHEMA))
                count += 1
        (handle.path / "built").write_text(f"{count}\n", encoding="utf-8")
        handle.checked_at = time.monotonic()
        log.info("search index built: %d services", count)
        return count


def update(ids: Iterable[uuid.UUID]) -> None:
    """Index these services again as they are now in the database (or drop them)."""
    ids = set(ids)
    if not ids:
        return
    with _lock:
        handle = _opened()
        if not handle.built:
            return  # the next search builds it whole
        services = [record(s) for chunk in listed_in_chunks(ids) for s in chunk]
        with _writer(handle.index) as writer:
            for service_id in ids:
                writer.delete_documents_by_term("id", str(service_id))
            for rec in services:
                writer.add_document(tantivy.Document.from_dict(fields(rec), SCHEMA))


def mark_changed(ids: Iterable[uuid.UUID]) -> None:
    """Remember services to index again at the next flush (after commit, or before a search)."""
    with _lock:
        _pending.update(ids)


def flush() -> None:
    with _lock:
        if not _pending:
            return
        ids = set(_pending)
        _pending.clear()
        try:
            update(ids)
        except Exception:
            _pending.update(ids)
            raise


def _in_step_with_database(searcher: tantivy.Searcher) -> bool:
    listed = Service.objects.not_ended().aggregate(count=Count("id"), latest=Max("last_modified"))
    if searcher.num_docs != listed["count"]:
        return False
    if not listed["count"]:
        return True
    found = searcher.aggregate(
        tantivy.Query.all_query(), {"latest": {"max": {"field": "modified"}}}
    )
    latest = int(listed["latest"].timestamp() * 1_000_000)
    return int(found["latest"]["value"] or 0) == latest


@contextmanager
def _builders_turn(path: Path) -> Iterator[None]:
    """One process at a time decides to build: the others wait, then find it built."""
    path.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f"{path.name}.build-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _needs_building(handle: OpenIndex) -> bool:
    if not handle.built:
        return True
    if time.monotonic() - handle.checked_at <= FRESHNESS_SECONDS:
        return False
    handle.index.reload()
    handle.checked_at = time.monotonic()
    return not _in_step_with_database(handle.index.searcher())


def recheck() -> None:
    """Compare with the database before the next search (another server changed much)."""
    with _lock:
        if _open is not None:
            _open.checked_at = 0.0


def current() -> tantivy.Index:
    """The index, brought in step with the database: built if missing, pending changes in."""
    with _lock:
        handle = _opened()
        flush()
        if _needs_building(handle):
            with _builders_turn(handle.path):
                handle.checked_at = 0.0
                if _needs_building(handle):  # another process may have built it meanwhile
                    log.info("search index missing or out of step with the database: building")
                    _rebuild(handle)
        return handle.index


def forget() -> None:
    """Close the index (tests, and after the index folder was removed)."""
    global _open
    with _lock:
        _open = None
