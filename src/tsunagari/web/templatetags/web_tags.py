"""Template tags of the public layout: the crisis block and the language switcher."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from tsunagari.directory.taxonomy import Term
from tsunagari.navigator.spoken import spoken_code
from tsunagari.web import page_languages
from tsunagari.web.crisis import EmergencyNumber, Panel, ShownLine, crisis_panel
from tsunagari.web.data_language import in_its_language, lang_attribute
from tsunagari.web.languages import LANGUAGE_NAMES
from tsunagari.web.page_languages import LanguageLink
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
    spoken = spoken_code(language)  # zh-hant → zh: the directory's codes
    shown = {
        "prominent": prominent,
        "kids": kids,
        "panel": panel,
        "emergency": panel.emergency,
        "own_lines": spoken if spoken != "ja" and spoken in LANGUAGE_NAMES else "",
    }
    return mark_safe(render_to_string("web/includes/crisis_block.html", shown))


register.filter("in_its_language", in_its_language)


@register.filter
def term_label(term: Term, language: str) -> str:
    return term.label(language)


@register.simple_tag
def data_lang(text: object) -> SafeString:
    """` lang="en"` on the element of a directory text not in the page's language."""
    return lang_attribute(text)


@register.simple_tag
def call_link(phone: PhoneLink, kids: object = False) -> SafeString:
    """A number as a link that calls (none for a fax)."""
    return call_html(phone, bool(kids))


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    """The same page in each language it is written in (every language on the public
    pages, Japanese and English on the others), keeping its query unless it must not."""
    request: HttpRequest | None = context.get("request")
    path = request.path if request else "/"
    query = request.META.get("QUERY_STRING", "") if request else ""
    if context.get("drop_query"):  # a page that must not carry what was searched
        query = ""
    return page_languages.links(path, query, get_language() or settings.LANGUAGE_CODE)
