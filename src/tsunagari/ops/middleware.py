"""Request ids, JSON for every API error, and staff pages that are never cached."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control

Handler = Callable[[HttpRequest], HttpResponse]

# A proxy's own id is kept when it looks like one, so that its log and ours meet.
GIVEN_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
STAFF_PATHS = re.compile(r"^/(en/)?(admin|staff|plan/staff)/")


def request_id(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if GIVEN_ID.match(given) else uuid.uuid4().hex  # type: ignore[attr-defined]
        response = get_response(request)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]
        return response

    return middleware


def api_errors_as_json(get_response: Handler) -> Handler:
    """An API client always gets JSON: Django's own 400/404/405/413/500 pages are HTML."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return _as_json(request, response)
        return response

    return middleware


def _as_json(request: HttpRequest, response: HttpResponse) -> JsonResponse:
    detail = _DETAILS.get(response.status_code) or HTTPStatus(response.status_code).phrase
    body = {"detail": detail, "request_id": getattr(request, "request_id", "")}
    answer = JsonResponse(body, status=response.status_code)
    for header in ("Allow", "Retry-After"):
        if header in response:
            answer[header] = response[header]
    return answer


_DETAILS = {
    400: "bad request: the request could not be read",
    404: "no such address in this API: see its openapi.json",
    413: f"request body too large: at most {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes",
    500: "internal error: it has been logged with this request_id",
    503: "the database is unavailable: try again shortly; crisis lines need no database",
}


def no_store_for_staff(get_response: Handler) -> Handler:
    """Staff pages carry names and unpublished work: no copy in a shared or browser cache."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if STAFF_PATHS.match(request.path) or _logged_in(request):
            patch_cache_control(response, no_store=True, private=True)
        return response

    return middleware


def _logged_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)  # set by AuthenticationMiddleware, lazily
    try:
        return bool(user is not None and user.is_authenticated)
    except DatabaseError:  # the page says the database is down; caching is not the issue
        return False
