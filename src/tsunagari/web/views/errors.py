"""Error pages. They never touch the database, so the crisis lines always show."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("web/404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(render_to_string("web/500.html"), status=500)
