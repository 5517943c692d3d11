"""Text clean-up for PDF extractions: line-wrap spaces, width forms, similarity."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_SPACES = re.compile(r"\s+")
_TAGS = re.compile(r"</?(?:u|i|b|mark|sup|sub)>")


CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def normalize(text: str) -> str:
    """NFKC, the form the status table's extraction already uses (half-width digits, parens).

    Circled numbers (①②…) number the plan's headings, so they are kept as they are.
    """
    if not any(ch in CIRCLED for ch in text):
        return unicodedata.normalize("NFKC", text)
    return "".join(ch if ch in CIRCLED else unicodedata.normalize("NFKC", ch) for ch in text)


def join_wrapped(text: str) -> str:
    """Remove the spaces a cell's line wraps left behind.

    Japanese has no word spaces, so a space is kept only between two ASCII letters or
    digits ("Sport in Life"); everything else was a line end in the PDF cell.
    """
    text = _TAGS.sub("", normalize(text)).strip()
    parts = _SPACES.split(text)
    if len(parts) == 1:
        return text
    out = parts[0]
    for part in parts[1:]:
        if not part:
            continue
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " " + part
        else:
            out += part
    return out


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    compact = _SPACES.sub("", normalize(text))
    return frozenset(compact[i : i + 2] for i in range(len(compact) - 1))


def coverage(needle: str, haystack: str) -> float:
    """Share of `needle`'s character bigrams found in `haystack` (0..1)."""
    wanted = bigrams(needle)
    if not wanted:
        return 0.0
    return len(wanted & bigrams(haystack)) / len(wanted)


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams (0..1), robust to OCR noise."""
    left, right = bigrams(a), bigrams(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def japanese_chars(text: str) -> int:
    return sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
