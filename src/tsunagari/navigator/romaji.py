"""Japanese typed in Latin letters (ローマ字: "shinitai", "ijime ni atte imasu") read as kana.

A phone without a Japanese keyboard, or a person who speaks Japanese but does not read it,
writes romaji. English is left alone: a text reads as romaji only when every word of three
letters or more is made of romaji syllables ("want", "lonely" and "sad" are not).
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

_SYLLABLES = re.compile(
    r"(?:(?:[kgsztdnhbpmr]y|sh|ch|ts|[kgsztdnhbpmyrwfjv])?[aiueo]"  # ka, kya, shi, tsu, a
    r"|n(?![aiueoy])"  # ん: konnichiwa, shinpai
    r"|([kgsztdhbpmfjr])(?=\1)|t(?=ch))+"  # っ: gakkou, matcha
)
_WORD = re.compile(r"[a-z']+")
MIN_LONG_WORD = 4  # one word at least this long, so that "a no" is not read as Japanese


def reading(text: str) -> str | None:
    """The hiragana of `text` when it reads as romaji, else None."""
    lowered = unicodedata.normalize("NFKC", text).lower()  # ｓｈｉｎｉｔａｉ is shinitai
    if not lowered.isascii():
        return None
    words = _WORD.findall(lowered)
    if not any(len(word) >= MIN_LONG_WORD for word in words):
        return None
    if any(not _SYLLABLES.fullmatch(word) for word in words if len(word) >= 3 or "'" in word):
        return None
    return str(jaconv.alphabet2kana(lowered))
