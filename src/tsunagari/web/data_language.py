"""Which language a directory text is in, so that a page marks it (lang="en", lang="ja").

The directory is written in Japanese and English only (`directory.models.pick`): a page in
Vietnamese shows a service's English name and description, and says so. Its English texts
carry no kana or kanji (the bundled data are checked by tests/web/test_data_language.py),
so the script tells the two apart.
"""

from __future__ import annotations

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def written_in(text: object) -> str:
    return "ja" if JAPANESE.search(str(text)) else "en"


def lang_attribute(text: object) -> SafeString:
    """` lang="en"` where a directory text is not in the page's language (none on Japanese
    pages, which show only Japanese texts or names written in Latin letters)."""
    language = get_language() or "ja"
    if language == "ja" or not text:
        return mark_safe("")
    written = written_in(text)
    return format_html(' lang="{}"', written) if written != language else mark_safe("")


def in_its_language(text: object) -> SafeString:
    """A directory text inside a sentence of the page's language: a span marking it."""
    attribute = lang_attribute(text)
    return (
        format_html("<span{}>{}</span>", attribute, text) if attribute else format_html("{}", text)
    )
