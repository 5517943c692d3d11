"""Template tags of the public layout: the crisis block and the language switch."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from tsunagari.web.crisis import EmergencyNumber, Panel, ShownLine, crisis_panel
from tsunagari.web.presenters import PhoneLink, call_html

register = template.Library()


@register.simple_tag(takes_context=True)
def crisis_block(context: template.Context, prominent: bool = False) -> SafeString:
    """今すぐ話したいときは: 110/119 and the first line on every page; a short list first
    on a crisis (`crisis_needs`: what the person wrote was read as), the rest on request."""
    kids = bool(context.get("kids"))
    panel = crisis_panel(prominent=prominent, needs=context.get("crisis_needs") or (), kids=kids)
    return drawn_crisis_block(
        bool(prominent),
        kids,
        tuple(panel.emergency),
        tuple(panel.lines),
        tuple(panel.more),
        get_language() or "ja",
        get_script_prefix(),
    )


@lru_cache(maxsize=256)
def drawn_crisis_block(
    prominent: bool,
    kids: bool,
    emergency: tuple[EmergencyNumber, ...],
    lines: tuple[ShownLine, ...],
    more: tuple[ShownLine, ...],
    language: str,
    prefix: str,
) -> SafeString:
    """The block as drawn from everything it shows: the lines in their order with their
    names, numbers and badges of the minute, in the page's language and mode (and under the
    script prefix its link is drawn with). The same lines draw the same block, so it is
    drawn once for them; a line changed or reordered is a new key."""
    panel = Panel(list(emergency), list(lines), list(more))
    shown = {"prominent": prominent, "kids": kids, "panel": panel, "emergency": panel.emergency}
    return mark_safe(render_to_string("web/includes/crisis_block.html", shown))


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
