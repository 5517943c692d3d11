"""Japanese text analysis shared by search and the navigator.

What a person types arrives in every script and width: ｼﾆﾀｲ, しにたい, 死にたい; イジメ, いじめ,
虐め; spaced letters, full-width digits. NFKC folds widths, Sudachi's normalised form folds
spelling variants (いじめ/イジメ/虐め → 苛める), and kana folding makes katakana and hiragana
meet. Sudachi tokenizers are not thread-safe, so each thread gets its own.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from sudachipy import Dictionary, SplitMode

# Part-of-speech heads that carry no content for matching.
FUNCTION_POS = {"助詞", "助動詞", "補助記号", "空白", "記号"}
_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]"
)
_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(\D)\1{3,}")  # not digits: #9999 is a number
_GAP_IN_JAPANESE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_ASCII_WORD = re.compile(r"^[a-z][a-z'-]*$")
_ALL_KATAKANA = re.compile(r"^[\u30a1-\u30fcー]+$")
_KATAKANA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}

_local = threading.local()


@cache
def _dictionary() -> Dictionary:
    return Dictionary(dict="core")


def tokenizer() -> object:
    """This thread's Sudachi tokenizer (mode C); Sudachi tokenizers are not thread-safe."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        tokenizer = _dictionary().tokenizer(mode=SplitMode.C)
        _local.tokenizer = tokenizer
    return tokenizer


def _english_stemmer() -> snowballstemmer.stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = snowballstemmer.stemmer("english")
        _local.stemmer = stemmer
    return stemmer


def normalize(text: str) -> str:
    """NFKC, lower case, no control or zero-width characters, single spaces, ≤ 3 repeats.

    Spaces between Japanese characters are dropped: Japanese is written without them, and
    "し に た い" must read as しにたい. Normalising twice changes nothing.
    """
    for _ in range(4):  # lower case can undo NFKC (Å´ → å + ´): repeat until it holds
        again = _normalize_once(text)
        if again == text:
            break
        text = again
    return text


def _normalize_once(text: str) -> str:
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFKC", text.lower())
    text = _REPEATS.sub(r"\1\1\1", text)
    text = _SPACES.sub(" ", text).strip()
    return _GAP_IN_JAPANESE.sub("", text)


@lru_cache(maxsize=20_000)
def stem_english(word: str) -> str:
    return str(_english_stemmer().stemWord(word))


def to_hiragana(text: str) -> str:
    return text.translate(_KATAKANA)


@dataclass(frozen=True)
class Token:
    surface: str
    lemma: str  # Sudachi normalised form: 苛める for いじめ, イジメ and 虐め
    reading: str  # hiragana reading of the surface
    pos: str  # the first part-of-speech level: 名詞, 動詞, …

    @property
    def is_content(self) -> bool:
        return self.pos not in FUNCTION_POS


def analyze(text: str, mode: SplitMode = SplitMode.C) -> list[Token]:
    """Tokens of already-normalised text (call `normalize` first).

    English words are stemmed (hits → hit) rather than looked up in a Japanese dictionary;
    a katakana word unknown to the dictionary (ｼﾆﾀｲ → シニタイ) is read again in hiragana
    when that reading is one word (しにたい → 死に・たい); a loanword the dictionary lacks
    (ケアラー, not け・あらー) stays as written.
    """
    if not text:
        return []
    tokens: list[Token] = []
    for m in tokenizer().tokenize(text, mode):  # type: ignore[attr-defined]
        surface = m.surface()
        if not surface.strip():
            continue
        if _ASCII_WORD.match(surface):
            tokens.append(Token(surface, stem_english(surface), surface, "英語"))
        elif " " in m.normalized_form() and m.normalized_form().isascii():
            # Sudachi knows some English phrases ("domestic violence"): read them word by word.
            tokens.extend(analyze(surface.replace(" ", "\n"), mode))
        elif m.is_oov() and _ALL_KATAKANA.match(surface) and len(surface) > 2:
            reread = analyze(to_hiragana(surface), mode)
            if sum(t.is_content for t in reread) == 1:
                tokens.extend(reread)
            else:
                tokens.append(Token(surface, surface, to_hiragana(surface), "名詞"))
        else:
            pos = m.part_of_speech()[0]
            tokens.append(Token(surface, m.normalized_form(), to_hiragana(m.reading_form()), pos))
    return tokens


def terms(text: str) -> list[str]:
    """The words to match on: content lemmas, with long compounds also split in parts.

    `児童相談所` yields 児童相談所, 児童, 相談, 所, so that a person typing 相談 finds it.
    """
    text = normalize(text)
    result: list[str] = []
    for token in analyze(text):
        if not token.is_content:
            continue
        result.append(token.lemma)
        if len(token.surface) > 2:
            parts = [t.lemma for t in analyze(token.surface, SplitMode.A) if t.is_content]
            if len(parts) > 1:
                result.extend(parts)
    return result


def readings(text: str) -> list[str]:
    """Hiragana readings of the content words, to meet text written only in kana."""
    return [t.reading for t in analyze(normalize(text)) if t.is_content and t.reading]
