"""Unhandled errors, logged so that an operator can find them, never with what was typed.

A log line names the request id (also in the X-Request-ID header and on the error page, so a
person can quote it), the view, the method, the exception's type and where it was raised.
Never the URL, the query, the body or the exception's message: any of them may hold what a
person wrote (`invalid literal for int(): '死にたい'`).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from django.http import HttpRequest

log = logging.getLogger("tsunagari.errors")
FRAMES = 6


def request_id(request: HttpRequest | None) -> str:
    return str(getattr(request, "request_id", "")) or "-"


def view_name(request: HttpRequest | None) -> str:
    match = getattr(request, "resolver_match", None)
    return (match.view_name or match._func_path) if match else "-"


def where(error: BaseException) -> str:
    """The innermost frames as file:line in function, without the code or the message."""
    frames = traceback.extract_tb(error.__traceback__)[-FRAMES:]
    return (
        " < ".join(f"{_short(f.filename)}:{f.lineno} in {f.name}" for f in reversed(frames)) or "-"
    )


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/src/"):
        if marker in filename:
            return filename.rsplit(marker, 1)[1]
    return filename


def describe(request: HttpRequest | None, error: BaseException) -> str:
    method = request.method if request is not None else "-"
    return (
        f"request_id={request_id(request)} view={view_name(request)} method={method} "
        f"error={type(error).__module__}.{type(error).__qualname__} at {where(error)}"
    )


def log_unhandled(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """got_request_exception: Django is about to answer 500 (or 503, database down)."""
    import sys

    error = sys.exc_info()[1]
    if error is not None:
        log.error("unhandled error %s", describe(request, error))
