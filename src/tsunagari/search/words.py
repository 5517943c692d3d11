"""The words of a text that search matches on: content lemmas, compound parts and readings.

Built on `analysis` (NFKC, Sudachi normalised forms, kana folding, English stems). Stop
words are dropped on both sides, documents and queries alike: for a directory where every
entry says 相談できる, する/できる/こと and "the"/"you" only add noise to the ranking and
to the explanation of a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sudachipy import SplitMode

from tsunagari.search.analysis import (
    FUNCTION_POS,
    Token,
    analyze,
    normalize,
    stem_english,
    to_hiragana,
)

STOP_POS = FUNCTION_POS | {"代名詞", "連体詞", "接続詞", "感動詞", "副詞", "接尾辞", "接頭辞"}
STOP_LEMMAS = frozenset(
    {
        *("為る", "有る", "居る", "成る", "出来る", "下さる", "良い", "こと", "物", "為", "よう"),
        *("其の", "此の", "等", "など", "様", "方"),
        *("a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "have"),
        *("how", "i", "if", "in", "is", "it", "me", "my", "no", "not", "of", "on", "or", "our"),
        *("so", "that", "the", "their", "them", "they", "this", "to", "us", "was", "we", "what"),
        *("when", "where", "which", "who", "will", "with", "you", "your"),
    }
)
# Auxiliaries a word is written with (死にたい, いじめられた); others in kana are misreadings.
COMMON_AUXILIARIES = frozenset(
    {
        *("た", "だ", "たい", "ない", "ぬ", "ん", "れる", "られる", "せる", "させる", "ます"),
        *("です", "う", "よう", "そう", "らしい", "たがる", "ちゃう"),
    }
)
_ENGLISH_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]|\d+")
_KANA_ONLY = re.compile(r"^[\u3041-\u3096\u30a1-\u30faー]+$")
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")


@dataclass(frozen=True)
class Word:
    """One content word: `text` as written (with its auxiliaries: 死にたい, いじめられた)."""

    text: str
    lemma: str
    reading: str
    parts: tuple[str, ...] = ()  # lemmas of a long compound's parts: 児童, 相談 in 児童相談所
    part_readings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysed:
    """A text as the index holds it: its terms and the hiragana readings of its words."""

    terms: tuple[str, ...]
    readings: tuple[str, ...]

    def __add__(self, other: Analysed) -> Analysed:
        return Analysed(self.terms + other.terms, self.readings + other.readings)


EMPTY = Analysed((), ())


def is_kana(text: str) -> bool:
    return bool(_KANA_ONLY.match(text))


def _is_stop(token: Token) -> bool:
    return (
        token.pos in STOP_POS
        or token.lemma in STOP_LEMMAS
        or token.surface in STOP_LEMMAS
        or (token.pos == "英語" and len(token.lemma) < 2)
    )


def _is_grammar(token: Token) -> bool:
    return token.pos in FUNCTION_POS or token.lemma in STOP_LEMMAS or token.surface in STOP_LEMMAS


def only_grammar(text: str) -> bool:
    """Particles, auxiliaries and stop words only (することができる): nothing to look for."""
    return all(_is_grammar(t) for t in analyze(normalize(text)))


def is_misread(text: str) -> bool:
    """Kana that the dictionary cut into pieces (じさつ → じ・さつ), not into words.

    Well-read kana is words of two kana or more between particles and auxiliaries
    (ひきこもりのそうだん); anything else, such as a lone kana or an "adverb" さつ, is a
    misreading of a word the dictionary does not know in kana.
    """
    tokens = analyze(normalize(text))
    if any(t.pos == "助動詞" and t.lemma not in COMMON_AUXILIARIES for t in tokens):
        return True
    return not all(
        _is_grammar(t) or (not _is_stop(t) and len(t.surface) > 1) for t in tokens
    ) and not only_grammar(text)


def is_one_word(text: str, found: list[Word]) -> bool:
    """Kana that the dictionary reads as one word (いじめられた), not as pieces (ふとう・こう)."""
    return len(found) == 1 and found[0].text == normalize(text).replace(" ", "")


@lru_cache(maxsize=50_000)
def _parts(surface: str) -> tuple[tuple[str, str], ...]:
    """(lemma, reading) of the short units of a compound; empty when it has only one."""
    parts = [t for t in analyze(surface, SplitMode.A) if not _is_stop(t)]
    if len(parts) < 2:
        return ()
    return tuple((t.lemma, t.reading) for t in parts)


def _english_words(text: str) -> list[Word]:
    """Words of text in ASCII, without the Japanese dictionary: as `analyze` reads them."""
    result = []
    for match in _ENGLISH_WORD.finditer(text):
        word = match.group()
        if word.isdigit():
            result.append(Word(word, word, ""))
        elif len(word) > 1 and word not in STOP_LEMMAS:
            result.append(Word(word, stem_english(word), ""))
    return result


def words(text: str) -> list[Word]:
    """The content words of `text` (normalised here), in order."""
    text = normalize(text)
    if text.isascii():
        return _english_words(text)
    result: list[Word] = []
    current: Word | None = None
    for token in analyze(text):
        if token.pos == "助動詞" and current is not None:
            current = Word(
                current.text + token.surface,
                current.lemma,
                current.reading,
                current.parts,
                current.part_readings,
            )
            result[-1] = current
            continue
        current = None
        if _is_stop(token):
            continue
        parts = _parts(token.surface) if len(token.surface) > 2 and token.pos != "英語" else ()
        current = Word(
            token.surface,
            token.lemma,
            "" if token.pos == "英語" else token.reading,
            tuple(p for p, _ in parts),
            tuple(r for _, r in parts),
        )
        result.append(current)
    return result


@lru_cache(maxsize=100_000)
def _analyse_sentence(sentence: str) -> Analysed:
    terms: list[str] = []
    readings: list[str] = []
    for word in words(sentence):
        terms.append(word.lemma)
        terms.extend(word.parts)
        if word.reading:
            readings.append(word.reading)
        readings.extend(word.part_readings)
    return Analysed(tuple(terms), tuple(readings))


def analyse(*texts: str) -> Analysed:
    """Terms and readings of some texts, sentence by sentence (sentences repeat: cached)."""
    result = EMPTY
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            if sentence.strip():
                result = result + _analyse_sentence(sentence)
    return result


def hiragana_key(text: str) -> str:
    """A kana-only text folded to hiragana, to meet the readings of kanji words."""
    return to_hiragana(normalize(text)).replace(" ", "")
