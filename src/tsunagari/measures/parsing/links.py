"""Related URLs (関連URL) out of a wrapped, OCR-read table cell.

The cell wraps every ~22 characters and the extraction turned each line end into a space;
an underscore, drawn low, was lost and became a space too. A space is a line end when the
line before it is already long, or when it follows / . - = & ? (no URL puts _ there);
otherwise it was an underscore. A cell whose first line is longer than any wrapped line
was not wrapped, so each of its spaces was an underscore. OCR reads the j of go.jp as i
(go.ip), the l closing .html as ! or I or 1 (consult.htm !), and the scheme as 11ttp3.//
(only https:// has that shape). A URL cut short (ending in - or ., a host cut after .go)
is completed only from another URL of the same cell and otherwise reported as a doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tsunagari.measures.parsing.text import normalize

LINE_WIDTH = (
    17.5  # in widths of an average letter: wrapped lines measured 18.2–20.6, kept ones ≤ 16.2
)
MAX_LINE = 24.0  # no wrapped line is wider; a wider first line means an unwrapped cell
_NARROW = set("fijlrtI1/.:;,!|'-()[]")
_WIDE = set("mwMW%@&=")
_START = re.compile(r"https?://")
_SCHEME = re.compile(r"(?<![A-Za-z])[A-Za-z0-9]{0,2}ttp(?P<s>[s3])?[:.;]{1,2}//")
_TAGS = re.compile(r"</?(?:u|i|b|mark|sup|sub)>")
_OCR_L = {"!", "I", "1", "|", "l"}
_SLD_CUT = re.compile(r"^(?P<host>[a-z0-9.-]+\.(?:go|or|co|ne|ac|lg|ed))\.?$")
_TLDS = {"jp", "com", "net", "org", "info", "biz", "tokyo"}
_NO_UNDERSCORE_AFTER = "/.-=&?#%:_"
_NO_UNDERSCORE_BEFORE = "/.-=&?#%"
_DOMAIN_FIXES = ((".go.ip", ".go.jp"), (".or.ip", ".or.jp"), (".co.ip", ".co.jp"))
_URL_CHAR = re.compile(r"[A-Za-z0-9/._~:?#@!$&'()*+,;=%-]")


@dataclass(frozen=True)
class FoundURL:
    raw: str
    url: str
    rules: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)


def _width(text: str) -> float:
    return sum(0.6 if ch in _NARROW else 1.4 if ch in _WIDE else 1.0 for ch in text)


def _segments(cell: str) -> list[str]:
    return _TAGS.sub("", normalize(cell)).replace("\n", " ").split(" ")


def _scheme(segment: str) -> tuple[str, str]:
    """The segment with a misread scheme repaired (11ttp3.// → https://), and the rule."""
    m = _SCHEME.search(segment)
    if m is None or m.group(0) in ("https://", "http://"):
        return segment, ""
    right = "https://" if m["s"] else "http://"
    fixed = segment[: m.start()] + right + segment[m.end() :]
    return fixed, f"OCR read the scheme {right} as {m.group(0)}"


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0]


def _check(url: FoundURL, cell: list[FoundURL]) -> FoundURL:
    """Doubts about a URL cut short; a host cut after .go is completed from a sibling."""
    host = _host(url.url)
    path = url.url.split("://", 1)[-1][len(host) :]
    rules, doubts = list(url.rules), list(url.doubts)
    if (m := _SLD_CUT.match(host)) and path in ("", "/"):
        sibling = next(
            (_host(o.url) for o in cell if _host(o.url).startswith(m["host"] + ".")), None
        )
        if sibling:
            rules.append(f"a host cut after {m['host']} completed from {sibling} in the cell")
            doubts.append(f"{url.raw!r}: cut after its host; the page's path is lost")
            return FoundURL(url.raw, f"https://{sibling}/", rules, doubts)
        doubts.append(f"{url.raw!r}: the host is cut ({host}) and nothing in the cell completes it")
    elif host.rsplit(".", 1)[-1] not in _TLDS:
        doubts.append(f"{url.raw!r}: the host {host} is damaged")
    elif url.raw.rstrip().endswith((".", "-", "_")) and not re.search(r"\.[a-z]{2,4}$", path):
        doubts.append(f"{url.raw!r}: ends with {url.raw.rstrip()[-1]!r}, so the end may be cut")
    return FoundURL(url.raw, url.url, rules, doubts)


@dataclass
class _Reading:
    """The URL being read out of a cell, segment by segment."""

    parts: list[str]
    raw: list[str]
    rules: list[str]
    line: str  # the current PDF line, to measure its width
    unwrapped: bool

    def url(self) -> FoundURL:
        url = "".join(self.parts).rstrip(".,、。)")
        for wrong, right in _DOMAIN_FIXES:
            if wrong in url:
                url = url.replace(wrong, right)
                self.rules.append(f"OCR read {right} as {wrong}")
        return FoundURL(" ".join(self.raw), url, list(self.rules))

    def add(self, segment: str) -> None:
        """Join the next segment: as a wrapped line, or after a lost underscore."""
        self.raw.append(segment)
        if self.parts[-1].endswith(".htm") and segment in _OCR_L:
            self.parts.append("l")
            self.rules.append(
                "the l of .html stood apart from it"
                if segment == "l"
                else f"OCR read the l of .html as {segment!r}"
            )
            return
        wrapped = not self.unwrapped and (
            LINE_WIDTH <= _width(self.line) <= MAX_LINE
            or self.parts[-1][-1] in _NO_UNDERSCORE_AFTER
            or segment[0] in _NO_UNDERSCORE_BEFORE
        )
        if wrapped:
            self.parts.append(segment)
            self.line = segment
            return
        self.parts.append("_" + segment)
        self.line = f"{self.line}_{segment}"
        rule = (
            "the cell is not wrapped: every space was an underscore"
            if self.unwrapped
            else "a space inside a line was an underscore"
        )
        if rule not in self.rules:
            self.rules.append(rule)


def extract_urls(cell: str) -> list[FoundURL]:
    """Every URL in the cell, with the rules used to repair it and the doubts left."""
    found: list[FoundURL] = []
    current: _Reading | None = None
    for piece in _segments(cell):
        if not piece:
            continue
        segment, scheme_rule = _scheme(piece)
        if start := _START.search(segment):
            if current:
                found.append(current.url())
            url = segment[start.start() :]
            current = _Reading(
                [url],
                [piece if scheme_rule else url],
                [scheme_rule] if scheme_rule else [],
                segment,
                _width(segment) > MAX_LINE,
            )
        elif current is not None and (
            all(_URL_CHAR.match(ch) for ch in segment)
            or (current.parts[-1].endswith(".htm") and segment in _OCR_L)
        ):
            current.add(segment)
        else:
            if current:
                found.append(current.url())
            current = None
    if current:
        found.append(current.url())
    return [_check(url, found) for url in found]
