"""What a person typed, made safe and comparable: cleaned, bounded, normalised, read.

Input may be empty, huge, binary or full of markup; it is cleaned here once (never
rejected) and every channel says when something was cut or dropped. Normalisation is the
search app's (NFKC, lower case, spaces between Japanese characters dropped) plus the slang
rewrites of data/navigator/rewrites.yaml (タヒ → 死, 行きたくねー → 行きたくない).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from tsunagari.navigator.datafiles import data_path, read_data_file
from tsunagari.navigator.per_message import per_message
from tsunagari.search.analysis import Token, analyze, normalize, to_hiragana

MAX_CHARS = 2000  # what is read of one message; the rest is cut, and the answer says so

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ufffe\uffff]")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]{0,500}>")
_PARTICLES = {"助詞", "補助記号", "空白", "記号"}
# Sudachi reads ない as an adjective or an auxiliary; ず, ぬ and ん deny as ない does
# (出ずに, 出ません = 出ない); older people write おる for いる and 者 for 人
# (頼れる者がおりません = 頼れる人がいない).
_LEMMA_ALIASES = {"無い": "ない", "ず": "ない", "ぬ": "ない", "おる": "居る", "者": "人"}
_POLITE = {"ます", "です"}  # 出ません is 出ない: politeness carries no meaning to match


@dataclass(frozen=True)
class Cleaned:
    text: str
    truncated: bool = False
    dropped_characters: bool = False  # control characters or bytes that are not UTF-8
    dropped_markup: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip()


def clean_input(raw: object, limit: int = MAX_CHARS) -> Cleaned:
    """Any input → text a person could have typed, at most `limit` characters. Never raises."""
    if raw is None:
        return Cleaned("")
    if isinstance(raw, bytes | bytearray):
        text = bytes(raw).decode("utf-8", errors="replace")
    else:
        text = raw if isinstance(raw, str) else str(raw)
    without_control = _CONTROL.sub("", text)
    without_markup = _MARKUP.sub(" ", without_control)
    truncated = len(without_markup) > limit
    return Cleaned(
        without_markup[:limit],
        truncated=truncated,
        dropped_characters=len(without_control) != len(text),
        dropped_markup=without_markup != without_control,
    )


@cache
def _rewrites() -> tuple[tuple[re.Pattern[str], str], ...]:
    source = read_data_file(data_path("rewrites.yaml"))
    rules = []
    for i, entry in enumerate(source.data.get("rewrites") or []):
        try:
            rules.append((re.compile(entry["from"]), str(entry["to"])))
        except (KeyError, TypeError) as error:
            raise source.error(("rewrites", i), f"needs `from` and `to` ({error})") from None
        except re.error as error:
            raise source.error(
                ("rewrites", i, "from"), f"bad regular expression: {error}"
            ) from None
    return tuple(rules)


@per_message
def surface(text: str) -> str:
    """Normalised text with slang rewritten: the form every rule is written against.

    Shared within a reading of one message (`per_message`): grading reads each of its
    sentences three times (urgency elements, crisis rules, the crisis model) in this form."""
    text = normalize(text)
    for pattern, replacement in _rewrites():
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Word:
    """One token with where it stands in the folded text and in the reading."""

    token: Token
    start: int  # in Prepared.folded
    end: int
    reading_start: int  # in Prepared.reading
    reading_end: int

    @property
    def lemma(self) -> str:
        return _LEMMA_ALIASES.get(self.token.lemma, self.token.lemma)


@dataclass(frozen=True)
class Prepared:
    """A text ready for matching: its folded letters, its reading and its words."""

    normalised: str  # normalised and rewritten, as written (for showing matched words)
    folded: str  # the same, katakana folded to hiragana (same length, same offsets)
    reading: str  # the hiragana reading of every token, in a row
    words: tuple[Word, ...]
    content: tuple[int, ...]  # indexes into `words` of the tokens that are not particles
    lemmas: tuple[str, ...]  # dictionary forms of the `content` words

    def word_at_reading(self, offset: int) -> Word | None:
        index = bisect_right(self.words, offset, key=lambda w: w.reading_start) - 1
        if index >= 0 and offset < self.words[index].reading_end:
            return self.words[index]
        return None


def prepare(text: str) -> Prepared:
    """Analyse cleaned text: Sudachi tokens with their place in the letters and the reading."""
    normalised = surface(text)
    folded = to_hiragana(normalised)
    words: list[Word] = []
    reading: list[str] = []
    cursor = 0
    reading_length = 0
    for token in analyze(normalised):
        piece = to_hiragana(token.surface)
        start = folded.find(piece, cursor)
        if start < 0:
            start = cursor
        end = start + len(piece)
        cursor = end
        token_reading = token.reading or piece
        words.append(Word(token, start, end, reading_length, reading_length + len(token_reading)))
        reading.append(token_reading)
        reading_length += len(token_reading)
    content = tuple(
        i
        for i, w in enumerate(words)
        if w.token.pos not in _PARTICLES and not (w.token.pos == "助動詞" and w.lemma in _POLITE)
    )
    lemmas = tuple(words[i].lemma for i in content)
    return Prepared(
        normalised=normalised,
        folded=folded,
        reading="".join(reading),
        words=tuple(words),
        content=content,
        lemmas=lemmas,
    )
