"""The navigator's answer and its JSON shape, shared by the API, the CLI and the chat page.

{"crisis": bool, "message": str | null, "needs": [{"code", "score", "label", "words"}],
 "urgency": {"level": 0–5, "reasons": [{"code", "level", "ja", "en"}]},
 "audiences": [code], "results": [{"id", "slug", "name", "crisis_line", "needs",
 "audiences", "methods", "phones", "url", "open_now", "why", "score"}], "follow_up": {...} |
 null, "notices": [str], "error": str | null, "needs_beside_lines": bool, ...}. When
`crisis` is true, or when `error` is set, the crisis lines come first in `results`; with
`needs_beside_lines` the first line is followed by the two services for the practical need
the message states, then the other lines (tsunagari.navigator.lines).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from tsunagari.directory.crisis_lines import CrisisLine, StaticLine
from tsunagari.directory.hours import OpenState
from tsunagari.directory.listing import Call
from tsunagari.directory.models import pick
from tsunagari.directory.phone_numbers import call_uri
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.catalogue import Entry
from tsunagari.navigator.lines import is_open
from tsunagari.navigator.ranking import Ranked
from tsunagari.navigator.urgency import Urgency, failed


@dataclass(frozen=True)
class NeedOut:
    code: str
    score: float
    words: tuple[str, ...] = ()


@dataclass
class Answer:
    crisis: bool
    needs: list[NeedOut]
    results: list[dict[str, Any]]
    follow_up: dict[str, Any] | None
    language: str = "ja"
    message: str | None = None
    audiences: list[str] = field(default_factory=list)
    about_someone_else: bool = False
    crisis_reasons: list[str] = field(default_factory=list)
    needs_beside_lines: bool = False  # services for a practical need follow the first line
    weak_signals: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    urgency: Urgency = field(default_factory=failed)  # set by navigate; failed if not

    @property
    def need_codes(self) -> list[str]:
        return [n.code for n in self.needs]

    def as_dict(self) -> dict[str, Any]:
        terms = load_taxonomy().needs
        return {
            "crisis": self.crisis,
            "message": self.message,
            "about_someone_else": self.about_someone_else,
            "crisis_reasons": self.crisis_reasons,
            "needs_beside_lines": self.needs_beside_lines,
            "urgency": self.urgency.as_dict(),
            "needs": [
                {
                    "code": n.code,
                    "score": n.score,
                    "label": terms[n.code].label(self.language) if n.code in terms else n.code,
                    "words": list(n.words),
                }
                for n in self.needs
            ],
            "audiences": self.audiences,
            "results": self.results,
            "follow_up": self.follow_up,
            "notices": self.notices,
            "error": self.error,
            "language": self.language,
        }


def _phone(phone: Call, language: str) -> dict[str, Any]:
    return {
        "number": phone.number,
        "tel": phone.href,
        "type": phone.kind,
        "label": phone.label_in(language),
        "toll_free": phone.toll_free,
    }


def need_label(code: str, language: str) -> str:
    term = load_taxonomy().needs.get(code)
    return term.label(language) if term else code


def _why_needs(
    needs: tuple[str, ...], words: dict[str, tuple[str, ...]], language: str
) -> list[str]:
    why = []
    japanese_marks = language == "ja" or language.startswith("zh")
    quote, separator = ("「{}」", "、") if japanese_marks else ("“{}”", ", ")
    for code in needs[:2]:
        said = separator.join(quote.format(w) for w in words.get(code, ())[:2])
        if said:
            why.append(
                _("%(need)s（%(words)s から）")
                % {"need": need_label(code, language), "words": said}
            )
        else:
            why.append(need_label(code, language))
    return why


def _why_reasons(
    reasons: tuple[str, ...], entry: Entry, methods: tuple[str, ...], language: str
) -> list[str]:
    shown = {
        "audience:child": _("こども向けの窓口"),
        "audience:family": _("家族や周りの人も相談できる"),
        "audience:elderly": _("高齢の人向けの窓口"),
        "audience:foreign": _("外国から来た人向けの窓口"),
        "language": _("日本語以外でも相談できる"),
        "open-now": _("いま受付中"),
        "local": _("お住まいの地域の窓口"),
        "text": _("説明があなたの書いたことに近い"),
        "general": _("どんな悩みでも相談できる窓口"),
    }
    why = [str(shown[r]) for r in reasons if r in shown]
    if any(r.startswith("language:") for r in reasons):
        why.append(str(_("あなたが書いた言葉で相談できる")))
    if "method" in reasons:
        terms = load_taxonomy().methods
        names = [terms[m].label(language) for m in entry.methods if m in methods and m in terms]
        why.append(_("%(methods)sで相談できる") % {"methods": "・".join(names)})
    return why


def ranked_result(
    ranked: Ranked, words: dict[str, tuple[str, ...]], methods: tuple[str, ...], language: str
) -> dict[str, Any]:
    entry = ranked.entry
    return {
        **entry_result(entry, ranked.open_state.as_bool(), language),
        "why": _why_needs(ranked.needs, words, language)
        + _why_reasons(ranked.reasons, entry, methods, language),
        "score": ranked.score,
    }


def entry_result(entry: Entry, open_now: bool | None, language: str) -> dict[str, Any]:
    return {
        "id": str(entry.id),
        "slug": entry.slug,
        "name": entry.display_name(language),
        "crisis_line": entry.crisis_line,
        "needs": list(entry.needs),
        "audiences": list(entry.audiences),
        "methods": list(entry.methods),
        "languages": list(entry.languages),
        "phones": [_phone(p, language) for p in entry.phones],
        "url": entry.url,
        "open_now": open_now,
        "local_finder": pick(language, entry.local_finder, entry.local_finder_en)
        if entry.local_kind
        else "",
        "why": [],
        "score": None,
    }


def _line_why(always_open: bool) -> list[str]:
    return [
        str(_("24時間、いつでもかけられる") if always_open else _("命の危険を感じたときの窓口"))
    ]


def crisis_entry_result(entry: Entry, state: OpenState, language: str) -> dict[str, Any]:
    """A crisis line from the directory snapshot, first in a crisis answer."""
    return {
        **entry_result(entry, state.as_bool(), language),
        "why": _line_why(entry.hours.always_open),
    }


def crisis_line_result(line: CrisisLine, moment: dt.datetime, language: str) -> dict[str, Any]:
    """A crisis line from `crisis_lines()`, when the directory snapshot is not available."""
    return {
        "id": "",
        "slug": line.slug,
        "name": line.display_name(language),
        "crisis_line": True,
        "needs": ["crisis"],
        "audiences": [],
        "methods": ["phone"],
        "phones": [_phone(p, language) for p in line.phones],
        "url": line.url,
        "open_now": is_open(line, moment),
        "local_finder": "",
        "why": _line_why(line.always_open),
        "score": None,
    }


def static_result(line: StaticLine, language: str) -> dict[str, Any]:
    return {
        "id": "",
        "slug": line.slug,
        "name": line.name if language == "ja" else line.name_en,
        "crisis_line": True,
        "needs": ["crisis"],
        "audiences": [],
        "methods": ["phone"],
        "phones": [
            {
                "number": line.number,
                "tel": call_uri(line.number),
                "type": "voice",
                "label": "",
                "toll_free": line.number.startswith("0120"),
            }
        ],
        "url": "",
        "open_now": None,
        "local_finder": "",
        "why": [str(_("命の危険を感じたときの窓口"))],
        "score": None,
    }
