"""Template tags of the public layout: the crisis block and the language switcher."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.directory.taxonomy import Term
from tsunagari.web import page_languages
from tsunagari.web.crisis import crisis_panel
from tsunagari.web.data_language import in_its_language, lang_attribute
from tsunagari.web.languages import LANGUAGE_NAMES
from tsunagari.web.page_languages import LanguageLink
from tsunagari.web.presenters import PhoneLink

register = template.Library()


@register.inclusion_tag("web/includes/crisis_block.html", takes_context=True)
def crisis_block(context: template.Context, prominent: bool = False) -> dict[str, Any]:
    """今すぐ話したいときは: 110/119 and the first line on every page; a short list first
    on a crisis (`crisis_needs`: what the person wrote was read as), the rest on request."""
    kids = bool(context.get("kids"))
    panel = crisis_panel(prominent=prominent, needs=context.get("crisis_needs") or (), kids=kids)
    spoken = (get_language() or "ja").split("-")[0]  # zh-hant → zh: the directory's codes
    return {
        "prominent": prominent,
        "kids": kids,
        "panel": panel,
        "emergency": panel.emergency,
        "own_lines": spoken if spoken != "ja" and spoken in LANGUAGE_NAMES else "",
    }


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
    """A number as a link that calls (none for a fax), drawn in Python: a page of results
    has a few dozen, and an included template for each cost more than the search."""
    if not phone.href:
        label = format_html(" {}", in_its_language(phone.label)) if phone.label else ""
        return format_html('<span class="fax">{} {}{}</span>', _("FAX"), phone.number, label)
    verbs = {
        "text": _("SMSを送る"),
        "video": _("ビデオ通話"),
        "textphone": _("文字電話"),
    }
    verb = verbs.get(phone.kind) or (_("でんわする") if kids else _("電話する"))
    parts = [format_html('<span class="call__verb">{}</span> ', verb)]
    parts.append(format_html('<span class="call__number">{}</span>', phone.number))
    if phone.label:
        parts.append(
            format_html(
                ' <span class="call__label"{}>{}</span>', lang_attribute(phone.label), phone.label
            )
        )
    if phone.toll_free:
        free = _("むりょう") if kids else _("無料")
        parts.append(format_html(' <span class="call__free">{}</span>', free))
    sms = " call--sms" if phone.kind == "text" else ""
    return format_html(
        '<a class="call{}" href="{}">{}</a>', sms, phone.href, mark_safe("".join(parts))
    )


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
