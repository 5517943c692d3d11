"""Template tags of the public layout: the crisis block and the language switch."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.translation import get_language

from tsunagari.web.crisis import emergency_numbers, first_open, lines_to_show

register = template.Library()

COMPACT_LINES = 2


@register.inclusion_tag("web/includes/crisis_block.html")
def crisis_block(prominent: bool = False) -> dict[str, Any]:
    """今すぐ話したいときは: compact on ordinary pages, every line first on a crisis."""
    lines = lines_to_show()
    return {
        "prominent": prominent,
        "lines": lines if prominent else first_open(lines, COMPACT_LINES),
        "more": not prominent and len(lines) > COMPACT_LINES,
        "emergency": emergency_numbers(),
    }


@register.simple_tag(takes_context=True)
def other_language_url(context: template.Context) -> str:
    """The same page in the other language: Japanese at /, English under /en/."""
    request: HttpRequest | None = context.get("request")
    path = request.path if request else "/"
    query = request.META.get("QUERY_STRING", "") if request else ""
    if (get_language() or "ja") == "en":
        path = path[len("/en") :] if path.startswith("/en/") else path
    else:
        path = "/en" + path
    return f"{path}?{query}" if query else path


@register.simple_tag
def other_language() -> str:
    return "ja" if get_language() == "en" else "en"
