"""Japanese typed in Latin letters (ローマ字: "shinitai", "ijime ni atte imasu") read as kana.

A phone without a Japanese keyboard, or a person who speaks Japanese but does not read it,
writes romaji. English is left alone: a text reads as romaji only when every word of three
letters or more is made of romaji syllables ("want", "lonely" and "sad" are not), but for one
in ten in a longer text (an app or a loanword: "ima discord de 'kusuri nonda' tte itte kara
henji nai"), which is kept as written. Words in capitals (LINE, SNS, OD) are names, kept as
written too.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

from tsunagari.navigator.per_message import per_message

_SYLLABLES = re.compile(
    r"(?:(?:[kgsztdnhbpmr]y|sh|ch|ts|[kgsztdnhbpmyrwfjv])?[aiueo]"  # ka, kya, shi, tsu, a
    r"|n'(?=[aiueoy])|n(?![aiueoy])"  # ん: konnichiwa, shinpai, tan'i
    r"|([kgsztdhbpmfjr])(?=\1)|t(?=ch))+"  # っ: gakkou, matcha
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")  # 'kyou' quoted is kyou; tan'i keeps its n'
_CAPITALS = re.compile(r"\b([A-Z]{2,})\b")  # LINE, SNS, OD: names kept as written
_LAUGHTER = re.compile(r"\b(?:w{2,}|lol)\b", re.IGNORECASE)  # www, lol: not words
MIN_LONG_WORD = 4  # one word at least this long, so that "a no" is not read as Japanese
# Foreign words allowed among romaji: one, and one in ten beyond MIN_WORDS words (round 9).
FOREIGN_SHARE = 0.1
MIN_WORDS = 8


@per_message  # one grade asks it of each sentence three times (urgency, round 7)
def reading(text: str) -> str | None:
    """The hiragana of `text` when it reads as romaji, else None."""
    # NFKC: ｓｈｉｎｉｔａｉ is shinitai
    normalised = _LAUGHTER.sub("", unicodedata.normalize("NFKC", text))
    if not normalised.isascii():
        return None
    # Split on the names: romaji at even places, names (kept as written) at odd ones.
    pieces = _CAPITALS.split(normalised)
    words = _WORD.findall("".join(pieces[::2]).lower())
    if not any(len(word) >= MIN_LONG_WORD for word in words):
        return None
    checked = [word for word in words if len(word) >= 3 or "'" in word]
    foreign = {word for word in checked if not _SYLLABLES.fullmatch(word)}
    if foreign and (
        len(checked) < MIN_WORDS or len(foreign) > max(1, FOREIGN_SHARE * len(checked))
    ):
        return None
    kept = re.compile(r"\b(" + "|".join(map(re.escape, sorted(foreign))) + r")\b")
    return "".join(
        piece if i % 2 else _kana(piece.lower(), kept if foreign else None)
        for i, piece in enumerate(pieces)
    )


def _kana(text: str, foreign: re.Pattern[str] | None) -> str:
    if foreign is None:
        return str(jaconv.alphabet2kana(text))
    parts = foreign.split(text)
    return "".join(
        part if i % 2 else str(jaconv.alphabet2kana(part)) for i, part in enumerate(parts)
    )
