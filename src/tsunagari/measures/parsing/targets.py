"""Quantitative targets (数値目標) in the 目標及び達成の期間 and 見直し方針 columns.

A quantity is a target when target wording follows it in its sentence (とする, を目指す,
を目標, 増やす, 創出する, 養成, …), or when the cell is cut right after "Xを<number>".
Its indicator is the noun before を/が/は/について ("…アクセス数を"), a label the number is
glued to ("人口カバー率50%以上"), or the noun after it ("100万人の心のサポーターを養成").
The year is the deadline or topic year nearest before it (令和8年度までに, 令和6年度は),
else one in the brackets after it ("(令和6年度まで)"); a baseline is stated as
"令和2年度の70.7%から" or "平成12年度比". Numbers inside a bracketed aside ("(年5件)")
or qualifying something else ("少なくとも1団体") are set aside for review, never targets.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
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
    name_is_unclear,
    phrase,
    role_of,
    segment_before,
    unit_from_name,
)
from tsunagari.measures.parsing.text import similarity

_CUE = re.compile(
    r"とする|とし[、,て]|にする|ようにする|に増やす|増やす|に増加|増加して|となる|になる|"
    r"を目指|目指す|を目標|目標と|を得る|創出|養成|設置|増員|を確保"
)
_DECREASE_WORDS = re.compile(r"低下|減少|削減|抑制|減らす")
_INCREASE_WORDS = re.compile(r"増やす|増加|増員|拡大|向上|創出|養成|設置|普及")
_RESTATES = ("具体的には", "すなわち", "つまり")
_WHEN_PARTICLES = (
    "末までに",
    "末まで",
    "までに",
    "まで",
    "中に",
    "以降は",
    "以降",
    "において",
    "には",
    "は",
    "に",
    "の間",
    "末",
    "中",
)
_FILLERS = (
    "年間",
    "毎年",
    "新たに",
    "全国で",
    "全国",
    "合計",
    "累計",
    "当該基準値から",
    "基準値から",
)
_SCOPE = re.compile(r"(?P<scope>[^、。を]{1,12})においては(?P<rest>.*)$")
_AFTER_NOUN = re.compile(
    r"^での(?P<noun>[^、。を]{1,20}?)を(?:目指|実施)"
    r"|^の(?P<noun2>[^、。を]{1,20})を(?P<verb>養成|創出|設置|実施|確保|配置|育成|開催)"
)
_COUNTED_SUBJECT = re.compile(
    r"^の(?P<unit>自治体|団体|市町村|市区町村|都道府県|法人|施設)が(?P<clause>[^、。]{2,40}?)"
    r"(?:ことを|ことが|こと|を目標|。|$)"
)
_ANSWERS = re.compile(r"^から(?P<quote>「[^」]*」|[^、。]*?)(?:との回答|を得る|$)")
_PERIOD = re.compile(r"(\d+)年間で")


@dataclass
class TargetFound:
    name: str
    unit: str
    value: Decimal
    direction: str  # increase / decrease / none
    year: int | None
    fiscal: bool
    sentence: str
    field: str  # target / review
    cmp: str = ""
    baseline: Decimal | None = None
    baseline_year: int | None = None
    delta: bool = False  # an increase by (新たに3,000件), not a level
    annual: bool = False  # 毎年
    needs_review: bool = False
    notes: list[str] = dataclasses.field(default_factory=list)

    def flag(self, note: str) -> None:
        self.needs_review = True
        self.notes.append(note)

    @property
    def note(self) -> str:
        return "; ".join(self.notes)


@dataclass(frozen=True)
class SetAside:
    """A number that looks like a target or result but is not taken as one (要確認)."""

    field: str
    text: str
    reason: str
    sentence: str


@dataclass
class _Context:
    s: Sentence
    qs: list[Quantity]
    field: str
    cell_cut: bool  # the last sentence of a cell that ends without 。


def _skip_when(m: str, j: int) -> int:
    """Back over a masked year and the particle after it (令和8年度までに)."""
    for particle in _WHEN_PARTICLES:
        if m[:j].endswith(particle) and m[: j - len(particle)].endswith(MASK):
            j -= len(particle)
            break
    while j > 0 and m[j - 1] == MASK:
        j -= 1
    return j


def _step_back(ctx: _Context, i: int) -> tuple[int, Quantity | None]:
    """One step back over commas, a filler, a year, 半減( and a baseline "の70.7%から"."""
    m = ctx.s.masked
    j = i
    while j > 0 and m[j - 1] in " 、,":
        j -= 1
    j -= next((len(w) for w in _FILLERS if m[:j].endswith(w)), 0)
    j = _skip_when(m, j)
    if m[:j].endswith("半減("):
        j -= 3
    baseline = next((q for q in ctx.qs if q.end == j - 2), None) if m[:j].endswith("から") else None
    if baseline is not None:
        j = baseline.start - (1 if m[: baseline.start].endswith("の") else 0)
    return j, baseline


def _skip_back(ctx: _Context, pos: int) -> tuple[int, Quantity | None, str]:
    """Step back over years, fillers, commas and a baseline phrase between the
    indicator's particle and the number; the baseline quantity and scope met."""
    baseline: Quantity | None = None
    scope = ""
    i = pos
    while i > 0:
        j, found = _step_back(ctx, i)
        baseline = baseline or found
        sm = _SCOPE.match(ctx.s.text[segment_before(ctx.s, j) : j])
        if not scope and sm and sm["rest"] == "":
            scope = sm["scope"]
            j -= len(sm.group(0))
        if j == i:
            break
        i = j
    return i, baseline, scope


def _main_object(ctx: _Context, before: int) -> str:
    """The last "Xを、" before `before`: the indicator a scope or a qualifier narrows."""
    at = ctx.s.text.rfind("を、", 0, before)
    return phrase(ctx.s, at) if at > 0 else ""


def _name(ctx: _Context, q: Quantity) -> tuple[str, Quantity | None]:
    s = ctx.s
    stop, baseline, scope = _skip_back(ctx, q.start)
    pre, post = s.text[:stop], s.text[q.end :]
    name = ""
    if rm := re.search(r"を(?P<ref>[^、。を]{2,20})の$", pre):
        base = phrase(s, rm.start())
        name = f"{base}({rm['ref']}に対する割合)" if base else ""
    else:
        for particle in ("について", "を", "が", "は"):
            if pre.endswith(particle):
                name = phrase(s, stop - len(particle))
                break
        else:
            if stop == q.start and pre and pre[-1] not in "、。のでにとも":
                name = phrase(s, stop)  # a label the number is glued to: …カバー率50%以上
    if name and (sm := _SCOPE.match(name)):
        scope, name = sm["scope"], sm["rest"]
    if scope:
        main = _main_object(ctx, stop)
        qualifier = name if pre.endswith("を") else ""
        detail = f"{scope}、{qualifier}" if qualifier else scope
        name = f"{main}({detail})" if main else ""
    if not name or name_is_unclear(name):
        if am := _AFTER_NOUN.match(post):
            name = am["noun"] or f"{am['noun2']}の{am['verb']}"
        elif cm := _COUNTED_SUBJECT.match(post):
            name = f"{cm['clause']}{cm['unit']}"
        elif pre.endswith("その") and (qm := _ANSWERS.match(post)):
            name = qm["quote"][1:] if qm["quote"].startswith("「「") else qm["quote"]
            name += "との回答" if "との回答" in post else ""
    return name, baseline


def _unit(ctx: _Context, q: Quantity, name: str) -> str:
    if q.unit:
        return q.unit
    if cm := _COUNTED_SUBJECT.match(ctx.s.text[q.end :]):
        return cm["unit"]
    return unit_from_name(name)


def _year(ctx: _Context, q: Quantity) -> When | None:
    eligible = [
        w for w in ctx.s.whens if role_of(ctx.s, w, ctx.qs) in ("deadline", "topic", "start")
    ]
    before = [w for w in eligible if w.end <= q.start]
    after = [w for w in eligible if w.start >= q.end]
    return before[-1] if before else (after[0] if after else None)


def _baseline_year(ctx: _Context, q: Quantity, baseline: Quantity | None) -> int | None:
    for w in ctx.s.whens:
        before_baseline = baseline is None or w.end <= baseline.start
        if w.end <= q.start and role_of(ctx.s, w, ctx.qs) == "baseline" and before_baseline:
            return w.fiscal_year
    return None


def _is_delta(ctx: _Context, q: Quantity) -> bool:
    m = ctx.s.masked
    return "新たに" in m[max(0, q.start - 8) : q.start] or bool(
        re.match(r"(?:を)?(?:増やす|増加|増員|増)", m[q.end :])
    )


def _aside(ctx: _Context, q: Quantity) -> str:
    """Why the number is no target of its own, or ""."""
    s, m = ctx.s, ctx.s.masked
    if "少なくとも" in m[max(0, q.start - 6) : q.start]:
        return "a threshold for each place (少なくとも), not a level"
    paren = s.paren_around(q.start)
    if paren and not s.text[paren[0] - 2 : paren[0]].endswith("半減"):
        inside = s.text[paren[0] + 1 : paren[1]]
        if not re.search(r":|とする|目標|目指", inside):
            return "inside a bracketed aside"
    if re.match(r"\s*の[^、。]{0,12}数", m[q.end :]):
        return "qualifies a count named after it"
    return ""


def _direction(ctx: _Context, q: Quantity, target: TargetFound) -> str:
    sentence = ctx.s.text
    if q.cmp in ("以上", "超", "強"):
        return "increase"
    if q.cmp in ("以下", "未満", "弱"):
        return "decrease"
    if "半減" in sentence[max(0, q.start - 4) : q.start]:
        return "decrease"
    if target.delta:
        return "increase"
    if target.baseline is not None:
        return "increase" if target.value > target.baseline else "decrease"
    if _DECREASE_WORDS.search(sentence) or target.value == 0:
        return "decrease"
    if _INCREASE_WORDS.search(ctx.s.masked, q.end):
        return "increase"
    target.notes.append("a level to reach (…とする/目指す), read as at least that level")
    return "increase"


def _target(ctx: _Context, q: Quantity) -> TargetFound | SetAside | None:
    s = ctx.s
    cue = _CUE.search(s.masked, q.end)
    after_object = s.masked[: q.start].rstrip(MASK + "、までに").endswith("を")
    at_cut_end = (
        ctx.field == "target" and ctx.cell_cut and not cue and (q.cmp != "" or after_object)
    )
    if not cue and not at_cut_end:
        if ctx.field == "target" and (q.unit or q.cmp):
            return SetAside(ctx.field, q.text, "no target wording after it", s.text)
        return None
    if reason := _aside(ctx, q):
        return SetAside(ctx.field, q.text, reason, s.text)
    name, baseline = _name(ctx, q)
    unit = _unit(ctx, q, name)
    if not unit and not q.cmp:
        return None  # a bare number whose name implies no unit: no quantity
    when = _year(ctx, q)
    target = TargetFound(
        name,
        unit,
        q.value,
        "none",
        when.fiscal_year if when else None,
        bool(when and (when.fiscal or when.month is not None)),
        s.text,
        ctx.field,
        q.cmp,
        baseline.value if baseline else None,
        notes=list(q.notes),
    )
    target.baseline_year = _baseline_year(ctx, q, baseline)
    target.delta = _is_delta(ctx, q)
    target.annual = "毎年" in s.masked[max(0, q.start - 6) : q.start]
    target.direction = _direction(ctx, q, target)
    if at_cut_end:
        target.flag("the cell is cut before its target wording ends")
    if pm := _PERIOD.search(s.text, 0, q.start):
        target.notes.append(f"over {pm.group(0)[:-1]}, from a start the cell does not state")
    if q.approx:
        target.notes.append("approximate (程度/約)")
    if not target.unit:
        target.flag("no unit")
    if name_is_unclear(target.name):
        target.flag("the indicator's name is unclear")
    return target


def _inherit_list_comparison(found: list[TargetFound | SetAside]) -> None:
    """社会福祉士315,589名、精神保健福祉士111,588名以上: the last item's 以上 holds for all."""
    targets = [t for t in found if isinstance(t, TargetFound)]
    for a, b in itertools.pairwise(targets):
        if a.sentence == b.sentence and a.unit == b.unit and not a.cmp and b.cmp:
            a.cmp, a.direction = b.cmp, b.direction
            a.notes = [n for n in a.notes if not n.startswith("a level to reach")]
            a.notes.append(f"{b.cmp} shared with the next item of the list")


def _is_baseline(ctx: _Context, q: Quantity) -> bool:
    """令和2年度の70.7%から令和7年度までに75%以上: a number with から before another."""
    return ctx.s.masked[q.end : q.end + 2] == "から" and any(o.start > q.end for o in ctx.qs)


def find_targets(text: str, field: str = "target") -> tuple[list[TargetFound], list[SetAside]]:
    """The targets stated in one cell, and the numbers set aside for review."""
    targets: list[TargetFound] = []
    aside: list[SetAside] = []
    sentences = split_sentences(text)
    year_source: TargetFound | None = None
    for index, sentence in enumerate(sentences):
        s = read_sentence(sentence)
        qs = quantities(s, bare=True)
        cut = index == len(sentences) - 1 and not sentence.rstrip().endswith(("。", ")"))
        ctx = _Context(s, qs, field, cut)
        found = [r for q in qs if not _is_baseline(ctx, q) and (r := _target(ctx, q)) is not None]
        _inherit_list_comparison(found)
        for item in found:
            if isinstance(item, SetAside):
                aside.append(item)
            elif item.year is None and not item.annual and year_source is not None:
                item.year, item.fiscal = year_source.year, year_source.fiscal
                item.flag("target year taken from an earlier sentence of the cell")
                targets.append(item)
            else:
                if item.year is None and not item.annual:
                    item.flag("no target year in the sentence")
                targets.append(item)
        dated = [t for t in found if isinstance(t, TargetFound) and t.year is not None]
        if dated and year_source is None:
            year_source = dated[-1]
    return _merge_repeats(targets), aside


def _merge_repeats(targets: list[TargetFound]) -> list[TargetFound]:
    """One target stated twice in a cell (30万人増やす … 30万人増加していること) is one;
    the statement with a year is kept, with the other's sentence in its notes."""
    kept: list[TargetFound] = []
    for t in targets:
        twin = next(
            (
                k
                for k in kept
                if (k.value, k.unit, k.delta, k.field) == (t.value, t.unit, t.delta, t.field)
                and (k.year is None or t.year is None or k.year == t.year)
                and (similarity(k.name, t.name) >= 0.8 or t.sentence.startswith(_RESTATES))
            ),
            None,
        )
        if twin is None:
            kept.append(t)
            continue
        better, other = (t, twin) if twin.year is None and t.year is not None else (twin, t)
        better.notes.append(f"stated again in the cell: {other.sentence[:60]}")
        kept[kept.index(twin)] = better
    return kept
