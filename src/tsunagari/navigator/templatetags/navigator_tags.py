"""Template filters of the guided chat: furigana in the children's mode."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tsunagari.navigator.furigana import furigana as with_furigana

register = template.Library()


@register.filter
def furigana(value: object, enabled: bool = True) -> SafeString:
    """{{ text|furigana:kids }}: ruby readings over kanji when `enabled`, else just escaped."""
    text = str(value)
    return with_furigana(text) if enabled else mark_safe(escape(text))
