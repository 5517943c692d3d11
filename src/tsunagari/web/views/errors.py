"""Error pages. The 500 and 503 pages never need the database: when it is down or read-only,
a page still answers, with the crisis lines and a short message, rather than failing."""

from __future__ import annotations

import sys

from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tsunagari.staff.params import BadParameter
from tsunagari.web.crisis import emergency_numbers, lines_to_show, static_lines


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("web/404.html", request=request), status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A parameter that means nothing here: the page says which one and why; a body too
    large is a 413."""
    if isinstance(exception, RequestDataTooBig):
        return HttpResponse(_("送られたデータが大きすぎます。"), status=413)
    message = str(exception) if isinstance(exception, BadParameter) else ""
    return HttpResponse(
        render_to_string("web/400.html", {"message": message}, request=request), status=400
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(render_to_string("web/403.html", request=request), status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 when the database failed (down, read-only, locked): the crisis lines show
    either way. No request context: its processors could query the database that failed."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        status, lines = 503, lines_to_show()  # from the bundled files if the database is down
        title = _("一部の機能が一時的に使えません")
        message = _(
            "いまデータベースにつながらないため、このページを表示できません。"
            "少し待ってから、もう一度開いてください。上の電話窓口には、いつでもかけられます。"
        )
    else:
        status, lines = 500, static_lines()
        title = _("エラーが起きました")
        message = _(
            "ページを表示できませんでした。少し待ってから、もう一度開いてください。"
            "上の電話窓口には、いつでもかけられます。"
        )
    context = {
        "lines": lines,
        "emergency": emergency_numbers(),
        "prominent": True,
        "title": title,
        "message": message,
        "request_id": getattr(request, "request_id", ""),
    }
    response = HttpResponse(render_to_string("web/500.html", context), status=status)
    if status == 503:
        response["Retry-After"] = "30"
    return response
