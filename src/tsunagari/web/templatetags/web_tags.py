"""Template tags of the public layout: the crisis block and the language switch."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from tsunagari.web.crisis import crisis_panel
from tsunagari.web.presenters import PhoneLink, call_html

register = template.Library()


@register.inclusion_tag("web/includes/crisis_block.html", takes_context=True)
def crisis_block(context: template.Context, prominent: bool = False) -> dict[str, Any]:
    """今すぐ話したいときは: 110/119 and the first line on every page; a short list first
    on a crisis (`crisis_needs`: what the person wrote was read as), the rest on request."""
    kids = bool(context.get("kids"))
    panel = crisis_panel(prominent=prominent, needs=context.get("crisis_needs") or (), kids=kids)
    return {"prominent": prominent, "kids": kids, "panel": panel, "emergency": panel.emergency}


@register.simple_tag
def call_link(phone: PhoneLink, kids: object = False) -> SafeString:
    """A number as a link that calls (none for a fax)."""
    return call_html(phone, bool(kids))


@register.simple_tag(takes_context=True)
def other_language_url(context: template.Context) -> str:
    """The same page in the other language: Japanese at /, English under /en/."""
    request: HttpRequest | None = context.get("request")
    path = request.path if request else "/"
    query = request.META.get("QUERY_STRING", "") if request else ""
    if context.get("drop_query"):  # a page that must not carry what was searched
        query = ""
    if (get_language() or "ja") == "en":
        path = path[len("/en") :] if path.startswith("/en/") else path
    else:
        path = "/en" + path
    return f"{path}?{query}" if query else path


@register.simple_tag
def other_language() -> str:
    return "ja" if get_language() == "en" else "en"
