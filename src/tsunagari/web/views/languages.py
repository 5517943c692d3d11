"""Lines by language (言語別の窓口): which services answer in a person's language, and when.

Only languages an official page states are in the directory (`languages`), so a service
listed here answers in the language; one not listed answers in Japanese only as far as its
official page says. Hours are shown in the page's language and stated as Japan time, with
the time it is now in Japan: a reader may be anywhere, or thinking in their home time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from tsunagari.directory.hours import TOKYO
from tsunagari.directory.listing import Listing
from tsunagari.directory.models import Service, ServiceQuerySet
from tsunagari.web.hours_text import HoursText, describe_hours
from tsunagari.web.languages import LANGUAGE_NAMES, language_name
from tsunagari.web.presenters import ServiceCard, card_face, service_card

# The languages of Japan's multilingual lines, in the order the government's pages list them.
SHOWN = ("en", "zh", "ko", "vi", "tl", "pt", "es", "ne", "id", "th", "my", "km", "mn")


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class Line:
    card: ServiceCard  # its face's title is a card's (h3): the page draws its own (h2)
    name: str
    url: str
    hours: HoursText


def _beyond_japanese() -> ServiceQuerySet:
    """Listed services that state a language besides Japanese: the database leaves out the
    many (every local entry) that state none, which the pages would otherwise read one by one.
    (A list's containment cannot be asked of SQLite; its equality can.)"""
    return Service.objects.listed().exclude(languages=[]).exclude(languages=["ja"])


def _answering(code: str) -> list[Service]:
    """Listed services whose official page states `code`, crisis lines first."""
    services = _beyond_japanese().with_details().order_by("-crisis_line", "-scope", "slug")
    return [s for s in services if code in s.languages]


def index(request: HttpRequest) -> HttpResponse:
    counts = {code: 0 for code in SHOWN}
    for languages in _beyond_japanese().values_list("languages", flat=True):
        for code in set(languages or ()) & set(counts):
            counts[code] += 1
    links = [LanguageLink(c, language_name(c), n) for c, n in counts.items() if n]
    return render(request, "web/languages.html", {"languages": links})


def language(request: HttpRequest, code: str) -> HttpResponse:
    if code not in LANGUAGE_NAMES or code == "ja":
        raise Http404(code)
    page_language = get_language() or "ja"
    now = timezone.now()
    today = timezone.localdate(now)
    lines = []
    for service in _answering(code):
        listing = Listing.of(service)
        lines.append(
            Line(
                service_card(card_face(listing, page_language), now, today),
                listing.name_in(page_language),
                reverse("web:service", args=[listing.slug]),
                describe_hours(service, page_language, today),
            )
        )
    context = {
        "code": code,
        "name": language_name(code),
        "lines": lines,
        "japan_now": _japan_time(now),
    }
    return render(request, "web/language.html", context)


def _japan_time(now: dt.datetime) -> str:
    return date_format(now.astimezone(TOKYO), "DATETIME_FORMAT", use_l10n=True)
