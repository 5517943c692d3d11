"""Home and the fixed pages: now-or-never help, staying safe, the children's entry."""

from __future__ import annotations

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tsunagari.platform.models import News
from tsunagari.web.catalogue import LIFE_STAGES, NEED_GROUPS
from tsunagari.web.forms import SearchForm


def latest_news() -> list[News]:
    """The three newest reviewed announcements; none when the database cannot answer, so
    that the home page and its crisis lines still show."""
    try:
        return list(News.objects.public()[:3])
    except DatabaseError:
        return []


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "form": SearchForm(),
        "life_stages": LIFE_STAGES,
        "need_groups": NEED_GROUPS,
        "news": latest_news(),
    }
    return render(request, "web/home.html", context)


def crisis(request: HttpRequest) -> HttpResponse:
    """今すぐ話したいとき: every crisis line, first and in full."""
    return render(request, "web/crisis.html", {"crisis_first": True})


def safety(request: HttpRequest) -> HttpResponse:
    return render(request, "web/safety.html")


def kids(request: HttpRequest) -> HttpResponse:
    """こどものページ: plain words (やさしい日本語) from the four worries children name first."""
    return render(request, "web/kids.html")
