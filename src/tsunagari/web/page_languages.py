"""The languages a page is written in, and the same page's address in each (the switcher).

Japanese is at /, every other language under its prefix (/en/, /vi/, /zh-hans/, …). The
public pages speak every language of settings.LANGUAGES; the staff pages and the pages not
yet translated (the plan, the platform, the desk) speak Japanese and English only, and an
address of theirs in another language is sent to the English page (`EnglishWhereUntranslated`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import translation

# The URL namespaces of the pages written in every language (issue 18).
TRANSLATED_NAMESPACES = frozenset({"web", "navigator"})


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def split_prefix(path: str) -> tuple[str, str]:
    """(language, the path without its language prefix); Japanese has no prefix."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
            return code, path[len(code) + 1 :]
    return settings.LANGUAGE_CODE, path


def in_language(path: str, code: str) -> str:
    """The same path in another language."""
    _current, rest = split_prefix(path)
    return rest if code == settings.LANGUAGE_CODE else f"/{code}{rest}"


def is_translated(path: str) -> bool:
    """Whether the page at this path is written in every language."""
    try:
        with translation.override(settings.LANGUAGE_CODE):  # the prefix follows the language
            match = resolve(in_language(path, settings.LANGUAGE_CODE))
    except Resolver404:
        return False
    return match.namespace in TRANSLATED_NAMESPACES


def languages_of(path: str) -> list[tuple[str, str]]:
    if is_translated(path):
        return [(code, str(name)) for code, name in settings.LANGUAGES]
    return [
        (code, str(name)) for code, name in settings.LANGUAGES if code in settings.STAFF_LANGUAGES
    ]


def links(path: str, query: str, current: str) -> list[LanguageLink]:
    suffix = f"?{query}" if query else ""
    return [
        LanguageLink(code, _own_name(code, name), in_language(path, code) + suffix, code == current)
        for code, name in languages_of(path)
    ]


def _own_name(code: str, name: str) -> str:
    """日本語 and English are named in their own language whatever the page's language."""
    return {"ja": "日本語", "en": "English"}.get(code, name)


class EnglishWhereUntranslated:
    """A staff or untranslated page asked for in a language it is not written in is
    answered by its English page (a redirect), never by Japanese under another lang."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        language, _rest = split_prefix(request.path_info)
        if language in settings.STAFF_LANGUAGES or request.resolver_match is None:
            return None
        if request.resolver_match.namespace in TRANSLATED_NAMESPACES:
            return None
        query = request.META.get("QUERY_STRING", "")
        target = in_language(request.path_info, "en") + (f"?{query}" if query else "")
        return HttpResponseRedirect(target)
