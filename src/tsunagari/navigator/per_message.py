"""Work on a message's text shared while it is read, and forgotten as soon as it has been.

Grading one message reads each of its sentences several times in the same forms — its
surface, its romaji reading, the scripts of its letters, its letter n-grams — for the urgency
elements, the crisis rules, the crisis model and the classifier. A process-wide cache
(`functools.lru_cache`) would keep what visitors typed in the worker's memory after their
request, which the privacy rule forbids (nothing a visitor types is kept beyond the
request). So the shared work lives only inside `reading()`, opened by `urgency.grade` and
`danger.read` for one message; a context variable keeps concurrent requests apart. Outside
a reading the functions simply compute.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_work: ContextVar[dict[tuple[str, str], Any] | None] = ContextVar("per_message", default=None)


@contextmanager
def reading() -> Iterator[None]:
    """One message is being read: `per_message` functions share their answers until it ends
    (a reading opened inside another shares the outer one)."""
    if _work.get() is not None:
        yield
        return
    token = _work.set({})
    try:
        yield
    finally:
        _work.reset(token)


def per_message(function: Callable[[str], T]) -> Callable[[str], T]:
    """`function(text)` computed once per text within a `reading()`."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def shared(text: str) -> T:
        work = _work.get()
        if work is None:
            return function(text)
        key = (name, text)
        if key not in work:
            work[key] = function(text)
        return work[key]

    return shared


def kept() -> int:
    """How many answers the current reading holds (0 outside one): for tests."""
    work = _work.get()
    return 0 if work is None else len(work)
