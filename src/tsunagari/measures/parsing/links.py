"""Related URLs (関連URL) out of a wrapped, OCR-read table cell.

The cell wraps every ~22 characters and the extraction turned each line end into a space;
an underscore, drawn low, was lost and became a space too. A space is a line end when the
line before it is already long, or when it follows / . - = & ? (no URL puts _ there);
otherwise it was an underscore. OCR reads the j of go.jp as i (go.ip).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tsunagari.measures.parsing.text import normalize

LINE_WIDTH = (
    17.5  # in widths of an average letter: wrapped lines measured 18.2–20, kept ones ≤ 16.2
)
_NARROW = set("fijlrtI1/.:;,!|'-()[]")
_WIDE = set("mwMW%@&=")
_START = re.compile(r"https?://")
_NO_UNDERSCORE_AFTER = "/.-=&?#%:_"
_NO_UNDERSCORE_BEFORE = "/.-=&?#%"
_DOMAIN_FIXES = ((".go.ip", ".go.jp"), (".or.ip", ".or.jp"), (".co.ip", ".co.jp"))
_URL_CHAR = re.compile(r"[A-Za-z0-9/._~:?#@!$&'()*+,;=%-]")


@dataclass(frozen=True)
class FoundURL:
    raw: str
    url: str
    rules: list[str] = field(default_factory=list)


def _width(text: str) -> float:
    return sum(0.6 if ch in _NARROW else 1.4 if ch in _WIDE else 1.0 for ch in text)


def _segments(cell: str) -> list[str]:
    return normalize(cell).replace("\n", " ").split(" ")


def extract_urls(cell: str) -> list[FoundURL]:
    """Every URL in the cell, with the rules used to repair it."""
    found: list[FoundURL] = []
    line = ""  # the current PDF line, to measure its width
    current: list[str] | None = None
    raw: list[str] = []
    rules: list[str] = []

    def close() -> None:
        if current:
            url = "".join(current).rstrip(".,、。)")
            for wrong, right in _DOMAIN_FIXES:
                if wrong in url:
                    url = url.replace(wrong, right)
                    rules.append(f"OCR read {right} as {wrong}")
            found.append(FoundURL(" ".join(raw), url, list(rules)))

    for segment in _segments(cell):
        if not segment:
            continue
        start = _START.search(segment)
        if start:
            close()
            current, raw, rules, line = (
                [segment[start.start() :]],
                [segment[start.start() :]],
                [],
                segment,
            )
            continue
        if current is None:
            line = segment
            continue
        if not all(_URL_CHAR.match(ch) for ch in segment):
            close()
            current, line = None, segment
            continue
        joined = current[-1]
        wrapped = (
            _width(line) >= LINE_WIDTH
            or joined[-1] in _NO_UNDERSCORE_AFTER
            or segment[0] in _NO_UNDERSCORE_BEFORE
        )
        raw.append(segment)
        if wrapped:
            current.append(segment)
            line = segment
        else:
            current.append("_" + segment)
            line = f"{line}_{segment}"
            if "a space inside a line was an underscore" not in rules:
                rules.append("a space inside a line was an underscore")
    close()
    return found
