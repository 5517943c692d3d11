"""Results (実績) in the 目標の達成状況 column, each with its fiscal year.

A result is a quantity with a name: a label before a colon ("PV数:332,598"), a topic or
subject ("認知度は44.1%", "加盟団体が、約4,600団体に増加"), a label the number is glued
to ("重点支援対象者数64,173人"), or a noun after it ("31万人の処遇改善"). Its fiscal year
is the year nearest before it in its clause, else one in the brackets after it
("(令和6年4月~令和7年3月)", "(令和7年3月18日現在)"), else one of its sentence; a
statement with no year is about the table's fiscal year (令和6年度). Examples (例えば),
projections (見込み), changes on the previous year (前年度比) and bracketed asides
("(年5件)") are set aside, never results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tsunagari.measures.parsing.eras import When
from tsunagari.measures.parsing.numbers import (
    MASK,
    Quantity,
    Sentence,
    quantities,
    read_sentence,
    split_sentences,
)
from tsunagari.measures.parsing.phrases import (
    clean_name,
    name_is_unclear,
    phrase,
    segment_before,
    unit_from_name,
)
from tsunagari.measures.parsing.targets import SetAside

REPORT_YEAR = 2024  # the status table reports 令和6年度
_RESULT_STOPS = "、。:;)）"
_TOPIC_STOPS = "、。:;は)）"
_TIME_TOPIC = re.compile(r"(?:において|における|期間|時点|現在|の間)$")
_QUOTED = re.compile(r"「(?P<label>[^」]+)」$")
_SCOPED = re.compile(r"(?P<scope>[^、。]{1,8})において(?:は)?$")
_IN_PLACES = re.compile(r"^において(?P<clause>[^、。]{2,30}?)(?:ている|た)(?:。|$|、)")
_RELATIVE = re.compile(r"と比較すると|と比べ|に比べ")
_PROJECTION = re.compile(r"見込み|見通し|予定|目途")
_CHANGE = re.compile(r"(?:前年度?比|対前年度?比?|前年度より)[+＋]?$")
_SUFFIX = re.compile(r"(?:の増加|の推移|について|は)$")
_AFTER_NOUN = re.compile(r"^の(?P<noun>[^、。をがは(]{2,24})")
_SHARE_OF = re.compile(r"の$|のうち$")
_SHARE_VERB = re.compile(
    r"^が(?P<clause>[^、。]{2,40}?)(?:ことが出来た|ことができた|という|。|、|$)"
)
_ANSWER = re.compile(r"^の(?P<who>[^、。「]{1,10})から(?P<quote>「[^」]*」)との回答")
_GROWTH = re.compile(r"^\s*(?:増加|増)(?!加率)")


@dataclass
class ResultFound:
    name: str
    unit: str
    value: Decimal
    fiscal_year: int
    period: str  # the text of the year or period it was read from
    sentence: str
    delta: bool = False  # an increase (3,062件増加), not a level
    approx: bool = False
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)

    def flag(self, note: str) -> None:
        self.needs_review = True
        self.notes.append(note)

    @property
    def note(self) -> str:
        return "; ".join(self.notes)


def _skip_back(s: Sentence, pos: int) -> int:
    """Step back over years, 約/全国 and commas between a label and its number."""
    m = s.masked
    i = pos
    while i > 0:
        j = i
        while j > 0 and m[j - 1] in " 、,":
            j -= 1
        for word in ("全国で", "全国", "併せて", "合わせて", "合計", "計", "実績"):
            if m[:j].endswith(word):
                j -= len(word)
                break
        for particle in (
            "末時点で",
            "時点で",
            "末現在",
            "現在",
            "において",
            "には",
            "は",
            "に",
            "の",
            "で",
        ):
            if m[:j].endswith(particle) and m[: j - len(particle)].endswith(MASK):
                j -= len(particle)
                break
        while j > 0 and m[j - 1] == MASK:
            j -= 1
        if j > 0 and m[j - 1] in ")）":
            opening = next((a for a, b in s.parens if b == j - 1), None)
            if opening is not None and j - opening <= 8:  # 相談件数(暫定値)139,919件
                j = opening
        if j == i:
            break
        i = j
    return i


def _name_before(s: Sentence, q: Quantity, stop: int, floor: int) -> str:
    """The label before the number: "X:", "Xは", "Xが", "Xを", a list heading "X・", or a
    label glued to it ("重点支援対象者数64,173人", "相談件数:電話相談27,357件")."""
    pre = s.text[:stop]
    skipped = s.masked[stop : q.start]
    glued = MASK not in skipped and "、" not in skipped
    if pre.endswith(":"):
        return phrase(s, stop - 1, _RESULT_STOPS, floor)
    if pre.endswith(("は", "が", "を", "について")):
        particle = "について" if pre.endswith("について") else pre[-1]
        name = phrase(s, stop - len(particle), _TOPIC_STOPS, floor)
        return "" if _TIME_TOPIC.search(name) else name
    if pre.endswith("・") and not glued:  # 実施自治体数の増加・令和5年度732自治体
        return phrase(s, stop - 1, _TOPIC_STOPS + "・", floor)
    if glued and pre and pre[-1] not in "、。でにとも(" and not pre.endswith(("の", "のうち")):
        start = segment_before(s, stop, _TOPIC_STOPS + "・", floor)
        name = phrase(s, stop, _TOPIC_STOPS + "・", floor)
        if start > 0 and s.text[start - 1] == ":":
            label = phrase(s, start - 1, _RESULT_STOPS, floor)
            return f"{label}({name})" if label not in ("", "実績") else name
        return name
    return ""


def _name_after(s: Sentence, q: Quantity, stop: int, floor: int) -> str:
    """A name only the words after the number give: "受講者の84.5%が…理解する",
    "31万人の処遇改善", "456市町村において集落支援員が活用されている"."""
    pre, post = s.text[:stop], s.text[q.end :]
    if _SHARE_OF.search(pre) and (sm := _SHARE_VERB.match(post)):
        whole = phrase(s, stop - (3 if pre.endswith("のうち") else 1), _TOPIC_STOPS, floor)
        return f"{whole}のうち{sm['clause']}"
    if nm := _AFTER_NOUN.match(post):
        return nm["noun"]
    if pm := _IN_PLACES.match(post):
        return f"{pm['clause']}ている{q.unit}"
    return ""


def _name(s: Sentence, q: Quantity, floor: int) -> str:
    stop = _skip_back(s, q.start)
    pre, post = s.text[:stop], s.text[q.end :]
    if am := _ANSWER.match(post):  # 約75%の相談者から「満足した」との回答
        return f"{am['quote']}と回答した{am['who']}"
    if sm := _SCOPED.search(pre):  # 結婚支援に取り組んだのは、都道府県においては98%
        topic = pre.rfind("のは", 0, sm.start())
        if topic > 0:
            return f"{phrase(s, topic, _TOPIC_STOPS, floor)}({sm['scope']})"
    name = _name_before(s, q, stop, floor)
    if qm := _QUOTED.search(name):
        name = qm["label"]
    if not name or name_is_unclear(name):
        name = _name_after(s, q, stop, floor)
    return re.sub(r"^.*にて", "", _SUFFIX.sub("", clean_name(name)))


def _year(s: Sentence, q: Quantity) -> When | None:
    usable = [w for w in s.whens if not s.text.startswith("比", w.end)]
    if s.text.startswith(("(", "（"), q.end):  # 332,598(令和6年4月~令和7年3月), even if cut
        close = next((b for a, b in s.parens if a == q.end), len(s.text))
        inside = [w for w in usable if q.end < w.start < close]
        if inside:
            return inside[0]
    clause_start = max(s.text.rfind("、", 0, q.start), s.text.rfind("・", 0, q.start)) + 1
    in_clause = [w for w in usable if clause_start <= w.start and w.end <= q.start]
    if in_clause:
        return in_clause[-1]
    before = [w for w in usable if w.end <= q.start]
    if before:
        return before[-1]
    after = [w for w in usable if w.start >= q.end]
    return after[0] if len(after) == 1 else None


def _aside(s: Sentence, q: Quantity) -> str:
    pre = s.masked[: q.start]
    if s.text.startswith(("例えば", "たとえば")) or "事例では" in pre:
        return "an example, not the measure's result"
    if _CHANGE.search(pre.rstrip("約")):
        return "a change on the previous year, not a level"
    if _RELATIVE.search(pre):
        return "a share of a reference level (…と比較すると), not a level"
    if "少なくとも" in pre[-6:]:
        return "a threshold for each place (少なくとも), not a level"
    paren = s.paren_around(q.start)
    if paren:
        inside = s.text[paren[0] + 1 : paren[1]]
        if not re.search(r":|実績|時点で", inside):
            return "inside a bracketed aside"
    clause_end = re.search(r"[、。]", s.text[q.end :])
    clause = s.text[q.end : q.end + clause_end.start()] if clause_end else s.text[q.end :]
    if _PROJECTION.search(clause):
        return "a projection, not a result"
    if re.match(r"\s*(?:以上)?の[^、。]{0,12}数", s.masked[q.end :]):
        return "qualifies a count named after it"
    return ""


def _result(s: Sentence, q: Quantity, floor: int) -> ResultFound | SetAside | None:
    name = _name(s, q, floor)
    unit = q.unit or unit_from_name(name)
    if not unit:
        return None  # a bare number (在外公館数223, 月末現在21): no quantity to record
    if reason := _aside(s, q):
        return SetAside("achievement", q.text, reason, s.text)
    when = _year(s, q)
    result = ResultFound(
        name,
        unit,
        q.value,
        when.fiscal_year if when else REPORT_YEAR,
        when.text if when else "",
        s.text,
        approx=q.approx,
        notes=list(q.notes),
    )
    result.delta = (
        bool(_GROWTH.match(s.masked[q.end :]))
        or "新たに" in s.masked[max(0, q.start - 8) : q.start]
    )
    if when is None:
        result.notes.append("no year in the sentence: the table's fiscal year (令和6年度)")
    elif not (when.fiscal or when.month):
        result.flag(f"a calendar year ({when.text}) read as the fiscal year")
    if q.approx:
        result.notes.append("approximate (約)")
    if name_is_unclear(result.name):
        result.flag("no indicator name")
    return result


def find_results(text: str) -> tuple[list[ResultFound], list[SetAside]]:
    """The results stated in the achievement cell, and the numbers set aside."""
    results: list[ResultFound] = []
    aside: list[SetAside] = []
    previous: ResultFound | None = None
    for sentence in split_sentences(text):
        s = read_sentence(sentence)
        qs = quantities(s, bare=True)
        for index, q in enumerate(qs):
            floor = qs[index - 1].end if index else 0
            if index and s.text.startswith("の", floor):
                floor = 0  # 50%以上の都道府県数: the number before qualifies this name
            found = _result(s, q, floor)
            if isinstance(found, ResultFound) and name_is_unclear(found.name):
                found = _continue_list(s, q, previous) or found
            if isinstance(found, SetAside):
                aside.append(found)
            elif found is not None:
                if not any(_same(found, r) for r in results):
                    results.append(found)
                previous = found
    return results, aside


def _continue_list(s: Sentence, q: Quantity, previous: ResultFound | None) -> ResultFound | None:
    """・令和5年度732自治体 ・令和6年度747自治体: a list item with only a year takes the
    name of the item before it, when unit and kind agree."""
    if previous is None or q.unit != previous.unit:
        return None
    if s.masked[: q.start].strip(MASK + " 、") != "":
        return None
    if _aside(s, q):
        return None
    when = [w for w in s.whens if w.end <= q.start]
    if not when:
        return None
    result = ResultFound(
        previous.name,
        q.unit,
        q.value,
        when[-1].fiscal_year,
        when[-1].text,
        s.text,
        approx=q.approx,
        notes=[*q.notes, "named after the item before it in the list"],
    )
    return result


def _same(a: ResultFound, b: ResultFound) -> bool:
    """The OCR repeated a line: the same result twice."""
    return (a.name, a.unit, a.value, a.fiscal_year) == (b.name, b.unit, b.value, b.fiscal_year)
