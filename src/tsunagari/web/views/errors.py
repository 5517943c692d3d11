"""Error pages. The 500 page never touches the database: its crisis lines are a static copy."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from tsunagari.staff.params import BadParameter
from tsunagari.web.crisis import emergency_numbers, static_lines


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("web/404.html", request=request), status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A parameter that means nothing here: the page says which one and why."""
    message = str(exception) if isinstance(exception, BadParameter) else ""
    return HttpResponse(
        render_to_string("web/400.html", {"message": message}, request=request), status=400
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("web/403.html", request=request), status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: context processors could query the database that just failed.
    context = {"lines": static_lines(), "emergency": emergency_numbers(), "prominent": True}
    return HttpResponse(render_to_string("web/500.html", context), status=500)
