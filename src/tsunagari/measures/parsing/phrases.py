"""The words around a quantity: the indicator it measures and the year it belongs to.

Positions are shared by a sentence's text and its masked form (numbers.Sentence), so the
search runs on the masked text and names are cut from the original.
"""

from __future__ import annotations

import re

from tsunagari.measures.parsing.eras import When
from tsunagari.measures.parsing.numbers import MASK, Quantity, Sentence

_STOPS = "、。:;"
_LEADING = re.compile(
    rf"^(?:[{MASK}\s]+(?:平均|末|中|時点|現在|以降|比)?(?:において|における|までに|まで|には|では|は|の|に|で|、)*"
    r"|また|さらに|なお|引き続き|具体的には|加えて|特に|その上で|(?:これ|それ)により|その)+"
)
_GENERIC = re.compile(r"^(?:[^、]{0,6}の)?(?:値|割合|数|率|もの|ほか)$")
_PARTICLE_START = tuple("のをにはがでともへやよりるたい")
_NOUNS = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff・]+")  # kanji, katakana: 妊娠・出産
_UNIT_WORDS = (
    ("都道府県数", "都道府県"),
    ("市区町村数", "市区町村"),
    ("市町村数", "市町村"),
    ("自治体数", "自治体"),
    ("団体数", "団体"),
    ("法人数", "法人"),
    ("施設数", "施設"),
    ("件数", "件"),
    ("人数", "人"),
    ("者数", "人"),
    ("員数", "人"),
    ("回数", "回"),
    ("PV数", "回"),
    ("アクセス数", "回"),
    ("箇所数", "か所"),
    ("か所数", "か所"),
)


def unit_from_name(name: str) -> str:
    """The unit a count's name implies (地方公共団体数 → 団体, PV数 → 回), or ""."""
    for word, unit in _UNIT_WORDS:
        if name.endswith(word):
            return unit
    return ""


def segment_before(s: Sentence, end: int, stops: str = _STOPS, floor: int = 0) -> int:
    """Where the phrase ending at `end` begins: after the nearest stop character outside
    quotes (a 「…」 is taken whole, and so is a (…) unless ")" is a stop), never before
    `floor`."""
    closers = {b: a for a, b in s.parens}
    i = end
    while i > floor:
        ch = s.text[i - 1]
        if (i - 1) in closers and ch in "」)）】" and ch not in stops:
            i = closers[i - 1]
            continue
        if ch in stops or ch in "(（「【":
            break
        i -= 1
    return i


def clean_name(name: str, masked: str = "") -> str:
    """Drop leading connectives, years and particles a phrase picked up; keep the noun.

    `masked` is the same span of the sentence's masked form, where years are already
    masked; without it, digits alone are masked.
    """
    masked = masked or "".join(MASK if ch.isdigit() else ch for ch in name)
    m = _LEADING.match(masked)
    cut = m.end() if m else 0
    name = name[cut:].strip(" 、・:-")
    if name.endswith("」") and "「" not in name:  # the quote opened before the cell's cut
        name = name[:-1]
    return name


def name_is_unclear(name: str) -> bool:
    """Too short, or starting with a particle: the cell lost the words before it."""
    return len(name) < 3 or name.startswith(_PARTICLE_START)


def phrase(s: Sentence, end: int, stops: str = _STOPS, floor: int = 0) -> str:
    """The noun phrase ending at `end`, widened over one more clause when it is only a
    generic word (値, 割合, もの) that says nothing without the clause before it."""
    start = segment_before(s, end, stops, floor)
    name = clean_name(s.text[start:end], s.masked[start:end])
    if start > 0 and s.text[start - 1] == "、":
        wider = segment_before(s, start - 1, stops)
        generic = _GENERIC.match(name) or (len(name) <= 12 and name.endswith("の値"))
        first = s.text[wider : start - 1]
        listed = wider == 0 and len(first) <= 8 and _NOUNS.fullmatch(first) is not None
        if generic or listed:
            name = clean_name(s.text[wider:end], s.masked[wider:end])
    return name


def role_of(s: Sentence, when: When, quantities: list[Quantity]) -> str:
    """What a year does in the sentence: deadline, topic, start, baseline, as_of, date."""
    after = s.text[when.end : when.end + 14]
    clause_end = s.text.find("、", when.end)
    clause = s.text[when.end : clause_end if clause_end >= 0 else len(s.text)]
    if after.startswith(("比", "実績", "の実績")) or "基準" in clause:
        return "baseline"
    if after.startswith("の"):
        nxt = next((q for q in quantities if when.end < q.start <= when.end + 3), None)
        if nxt is not None and s.text[nxt.end : nxt.end + 2] == "から":
            return "baseline"
    if after.startswith("まで"):
        return "deadline"
    if when.is_date:
        return "date"
    if after.startswith(("時点", "現在")):
        return "as_of"
    if after.startswith("以降"):
        return "start"
    return "topic"
