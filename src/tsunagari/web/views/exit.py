"""Quick exit (すぐに離れる): leave without a trace, as far as a browser allows.

`leave` erases the session (the guided chat's answers), asks the browser to drop this
site's cache (Clear-Site-Data) and sends the person to a neutral site. Pages that carry
what a person searched are sent with `no-store`, so Back asks this site for them again;
and a search asked for from a page made before the person left (Back, or a link kept in
the history) is answered with a neutral page, not with the results. A page records when it
was made in its forms (`at`); the time of leaving is kept in a cookie that holds nothing
else and lapses after LEFT_SECONDS. The browser's own history list is beyond a site's
reach: the safety page says how to clear it.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from tsunagari.desk.views.person import end_held

NEUTRAL_SITE = "https://www.google.co.jp/"
LEFT_COOKIE = "left"
LEFT_SECONDS = 24 * 60 * 60


@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    end_held(request)  # a consultation chat ends with the person leaving
    request.session.flush()
    response = HttpResponseRedirect(NEUTRAL_SITE)
    response["Clear-Site-Data"] = '"cache"'
    response["Cache-Control"] = "no-store"
    response.set_cookie(
        LEFT_COOKIE,
        str(int(time.time())),
        max_age=LEFT_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def asked_before_leaving(request: HttpRequest, made_at: int | None) -> bool:
    """The request comes from a page made before the person last left the site."""
    try:
        left = int(request.COOKIES.get(LEFT_COOKIE, ""))
    except ValueError:
        return False
    return made_at is None or made_at <= left


def gone(request: HttpRequest) -> HttpResponse:
    """What Back shows after quick exit: nothing of what was searched."""
    return private(render(request, "web/gone.html", {"drop_query": True}))


def private(response: HttpResponse) -> HttpResponse:
    """Never kept by the browser: Back and the history ask this site again."""
    response["Cache-Control"] = "no-store"
    return response
