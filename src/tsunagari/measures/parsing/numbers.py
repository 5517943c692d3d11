"""Numbers in the plan's sentences: which are quantities and which only look like one.

A quantity (数量) is a number with a unit (人, 件, か所, %, 割, 団体, …) or a comparison
(12,000以上). Spans that hold digits but are no quantity are masked first, keeping every
offset: years and dates (令和6年1月12日, 2019年), law and ordinal numbers (平成17年法律第63号,
第4次), phone numbers (#8891), durations (10年間, 24時間, 3か年), ages (20歳), per-head
phrases (1人当たり, 1人1台) and plan names with a version (改訂版, 工程表2022).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tsunagari.measures.parsing.eras import When, find_whens

MASK = "〓"
UNITS = {
    "%": "%",
    "割": "%",
    "人": "人",
    "名": "人",
    "件": "件",
    "回": "回",
    "か所": "か所",
    "箇所": "か所",
    "カ所": "か所",
    "ヶ所": "か所",
    "ケ所": "か所",
    "団体": "団体",
    "自治体": "自治体",
    "市区町村": "市区町村",
    "市町村": "市町村",
    "都道府県": "都道府県",
    "法人": "法人",
    "施設": "施設",
    "事業": "事業",
    "トン": "トン",
    "校": "校",
}
COUNTED = ("人", "件", "回", "か所", "団体", "自治体", "市区町村", "市町村", "都道府県", "法人")
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_QUANTITY = re.compile(
    r"(?P<approx>約|およそ|のべ|延べ)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<man>万)(?:(?P<sen>\d)千)?|(?P<oku>億)|(?P<thousand>千))?"
    rf"\s*(?P<unit>{_UNIT})?"
    r"(?P<cmp>以上|以下|未満|超|程度|前後|強|弱)?"
)
_RATIO = re.compile(r"(?P<of>\d+)\s*人\s*に\s*(?P<num>\d+)\s*人(?P<cmp>以上|以下)?")
_NOT_QUANTITIES = (
    ("law or ordinal number", re.compile(r"第\s*\d+\s*[号条項章節回次期部]")),
    ("phone number", re.compile(r"#\s*\d{3,5}|\d{2,4}-\d{2,4}-\d{3,4}")),
    (
        "duration",
        re.compile(
            r"\d+(?:\s*[~〜～-]\s*\d+)?\s*"
            r"(?:年間|年以内|年ごと|年毎|年後|年前|年平均|年|か年|カ年|ヶ年|か月|カ月|ヶ月|週間|日間|時間|分)"
        ),
    ),
    ("date", re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*/\s*\d{1,2}|\d{1,2}\s*[月日]")),
    ("age", re.compile(r"\d+\s*歳")),
    ("per head", re.compile(r"\d+\s*人\s*(?:当たり|あたり|\d+\s*台)")),
    (
        "version",
        re.compile(
            r"\d{4}\s*(?:改訂版|年版|版)|工程表\s*\d{4}"
            rf"|\d+\.\d+(?!\d|\s*(?:{_UNIT}|万|億|千|以上|以下|未満|超|程度))"
        ),
    ),
    ("list number", re.compile(r"(?<![\d,.])\d\.(?=[^\d\s])")),
)
_SENTENCE_END = "。"
_BULLET_AFTER = set("。)）】」") | set("0123456789%")
_OPEN, _CLOSE = "(（「【", ")）」】"


@dataclass
class Quantity:
    """A number with its unit and the words around it that qualify it."""

    start: int
    end: int
    value: Decimal
    unit: str  # canonical unit; "" when only a comparison makes it a quantity
    text: str
    cmp: str = ""  # 以上, 以下, 未満, 超, 程度 …
    approx: bool = False  # 約, 程度
    notes: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    """One sentence of a cell, its masked form (same length) and what the mask hid."""

    text: str
    masked: str
    whens: list[When]
    parens: list[tuple[int, int]]  # matched (open, close) positions
    masked_kinds: list[str] = field(default_factory=list)

    def paren_around(self, pos: int) -> tuple[int, int] | None:
        inner = [(a, b) for a, b in self.parens if a < pos < b and self.text[a] in "(（"]
        return max(inner, key=lambda p: p[0]) if inner else None


def matched_pairs(text: str) -> list[tuple[int, int]]:
    """Brackets that close; an unclosed one (a cut cell) is no bracket."""
    pairs, stack = [], []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append((ch, i))
        elif ch in _CLOSE:
            want = _OPEN[_CLOSE.index(ch)]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == want:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)


def split_sentences(text: str) -> list[str]:
    """Sentences end at 。 outside brackets; a ・ that opens a list item or a ※ note
    starts a new one (a ・ between two words, as in 孤独・孤立, does not)."""
    inside = [False] * len(text)
    for a, b in matched_pairs(text):
        for i in range(a + 1, b):
            inside[i] = True
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        sentence = "".join(buf).strip()
        if sentence:
            out.append(sentence)
        buf.clear()

    for i, ch in enumerate(text):
        if not inside[i] and ch == "・" and (not buf or buf[-1] in _BULLET_AFTER):
            flush()
            continue
        if not inside[i] and ch in "※【" and buf:
            flush()
        buf.append(ch)
        if ch == _SENTENCE_END and not inside[i]:
            flush()
    flush()
    return out


def read_sentence(text: str) -> Sentence:
    masked = list(text)
    kinds: list[str] = []
    whens = find_whens(text)
    for when in whens:
        masked[when.start : when.end] = MASK * (when.end - when.start)
    for kind, pattern in _NOT_QUANTITIES:
        for m in pattern.finditer("".join(masked)):
            masked[m.start() : m.end()] = MASK * (m.end() - m.start())
            kinds.append(kind)
    return Sentence(text, "".join(masked), whens, matched_pairs(text), kinds)


def _value(m: re.Match[str]) -> Decimal:
    value = Decimal(m["num"].replace(",", ""))
    if m["man"]:
        value = value * 10_000 + (Decimal(m["sen"]) * 1_000 if m["sen"] else 0)
    elif m["oku"]:
        value *= 100_000_000
    elif m["thousand"]:
        value *= 1_000
    return value


def quantities(sentence: Sentence, bare: bool = False) -> list[Quantity]:
    """Every quantity of a sentence, in order; masked digits never count. With `bare`,
    numbers without unit or comparison are returned too (unit "")."""
    found: list[Quantity] = []
    taken: set[int] = set()
    for m in _RATIO.finditer(sentence.masked):
        of, num = Decimal(m["of"]), Decimal(m["num"])
        if of > 0 and num <= of:
            value = (num * 100 / of).quantize(Decimal("0.1"))
            q = Quantity(m.start(), m.end(), value, "%", m.group(0), m["cmp"] or "")
            q.notes.append(f"{m.group(0)} read as {value}%")
            found.append(q)
            taken.update(range(m.start(), m.end()))
    for m in _QUANTITY.finditer(sentence.masked):
        if m.start("num") in taken or not (bare or m["unit"] or m["cmp"]):
            continue
        if m.start() > 0 and sentence.masked[m.start() - 1] in "0123456789.,":
            continue
        unit = UNITS.get(m["unit"] or "", "")
        value = _value(m)
        q = Quantity(m.start(), m.end(), value, unit, m.group(0), m["cmp"] or "")
        if m["unit"] == "割":
            q.value = value * 10
            q.notes.append(f"{m.group(0)} read as {q.value}%")
        if unit in COUNTED and re.fullmatch(r"\d{1,3}\.\d{3}", m["num"]):
            q.value = Decimal(m["num"].replace(".", ""))
            q.notes.append(f"{m['num']} {unit}: a count has no decimals; the point is a comma")
        q.approx = bool(m["approx"] and m["approx"] in "約およそ") or q.cmp in ("程度", "前後")
        found.append(q)
    return sorted(found, key=lambda q: q.start)
