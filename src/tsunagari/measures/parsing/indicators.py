"""A measure's indicators (指標) and observations (実績) out of its three text cells.

Targets come from the target cell (目標及び達成の期間) and the review cell (見直し方針,
targets for the years ahead); results from the achievement cell (目標の達成状況). A result
is paired with the target it measures when unit and kind (level or increase) agree and
the names match; when names say nothing, a unit shared by exactly one target and one
result pairs them, flagged for review. A result of the current year paired with a
target set for later years is that target's baseline, not progress towards it. Results
no target measures become indicators without a target. Whatever is unsure is flagged
with the reason; numbers that are no target or result are set aside, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tsunagari.measures.parsing.phrases import name_is_unclear
from tsunagari.measures.parsing.results import REPORT_YEAR, ResultFound, find_results
from tsunagari.measures.parsing.targets import SetAside, TargetFound, find_targets
from tsunagari.measures.parsing.text import coverage, similarity

NAME_MATCH = 0.5
_PLACE = re.compile(r"\((?:[^)]*?)(都道府県|市区町村|市町村)")
_STATED_NOT = re.compile(r"未達成|下回っ|達成でき(?:ず|なかった)|達成していない")
_STATED_ACHIEVED = re.compile(r"目標(?:値)?を?達成(?!に向|のため|を目指|できる)|目標を上回")


@dataclass
class ObservationDraft:
    fiscal_year: int
    value: Decimal
    period: str
    sentence: str
    achievement: str
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        return "; ".join(self.notes)


@dataclass
class IndicatorDraft:
    name: str
    unit: str
    direction: str
    target_value: Decimal | None
    target_year: int | None
    fiscal: bool
    source_field: str  # target / review / achievement (a result without a target)
    sentence: str
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    increment: bool = False
    annual: bool = False
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)
    observations: list[ObservationDraft] = field(default_factory=list)

    @property
    def note(self) -> str:
        return "; ".join(self.notes)

    @property
    def is_target(self) -> bool:
        return self.target_value is not None


@dataclass
class MeasureIndicators:
    indicators: list[IndicatorDraft]
    set_aside: list[SetAside]
    status: str

    @property
    def targets(self) -> list[IndicatorDraft]:
        return [i for i in self.indicators if i.is_target]


def achievement_of(
    direction: str,
    target: Decimal | None,
    target_year: int | None,
    annual: bool,
    fiscal_year: int,
    value: Decimal,
) -> str:
    """achieved / not_achieved / in_progress / not_comparable for one year's value."""
    if target is None:
        return "not_comparable"
    if direction == "increase":
        met = value >= target
    elif direction == "decrease":
        met = value <= target
    else:
        met = value == target
    if met:
        return "achieved"
    if annual:
        return "not_achieved"
    if target_year is None:
        return "not_comparable"
    return "in_progress" if fiscal_year < target_year else "not_achieved"


def _place(name: str) -> str:
    m = _PLACE.search(name)
    return m.group(1) if m else ""


def name_score(target: str, result: str) -> float:
    """How well a result's name matches a target's: the better of the two names'
    similarity and the share of the shorter one found in the longer (OCR cuts names)."""
    if name_is_unclear(target) or name_is_unclear(result):
        return 0.0
    short, long = sorted((target, result), key=len)
    return max(similarity(target, result), coverage(short, long))


def _compatible(t: TargetFound, r: ResultFound) -> bool:
    places = (_place(t.name), _place(r.name))
    return t.unit == r.unit and t.delta == r.delta and (not all(places) or places[0] == places[1])


def pair(
    targets: list[TargetFound], results: list[ResultFound]
) -> list[tuple[TargetFound, ResultFound, str]]:
    """Pairs by name first (best first, one result per target), then by a unit that
    exactly one remaining target and one remaining result share (noted)."""
    scored = sorted(
        (
            (name_score(t.name, r.name), ti, ri)
            for ti, t in enumerate(targets)
            for ri, r in enumerate(results)
            if _compatible(t, r)
        ),
        reverse=True,
    )
    pairs: list[tuple[TargetFound, ResultFound, str]] = []
    used_t: set[int] = set()
    used_r: set[int] = set()
    for score, ti, ri in scored:
        if score >= NAME_MATCH and ti not in used_t and ri not in used_r:
            pairs.append((targets[ti], results[ri], ""))
            used_t.add(ti)
            used_r.add(ri)
    for ti, t in enumerate(targets):
        if ti in used_t or t.unit == "%":
            continue
        same_kind = [j for j, o in enumerate(targets) if j not in used_t and _kind(o) == _kind(t)]
        candidates = [ri for ri, r in enumerate(results) if ri not in used_r and _compatible(t, r)]
        if len(same_kind) == 1 and len(candidates) == 1:
            r = results[candidates[0]]
            pairs.append((t, r, f"paired by unit only ({t.unit}); names: {t.name!r} / {r.name!r}"))
            used_t.add(ti)
            used_r.add(candidates[0])
    return pairs


def _kind(t: TargetFound) -> tuple[str, bool]:
    return (t.unit, t.delta)


def _merge_review_targets(
    targets: list[TargetFound], review: list[TargetFound]
) -> list[TargetFound]:
    """A review cell that restates the target (引き続き…40万件に) completes the target
    cell's cut copy and is not a second indicator."""
    kept = []
    for r in review:
        twin = next(
            (
                t
                for t in targets
                if (t.value, t.unit, t.delta) == (r.value, r.unit, r.delta)
                and (t.year is None or t.year == r.year)
                and (name_is_unclear(t.name) or name_score(t.name, r.name) >= NAME_MATCH)
            ),
            None,
        )
        if twin is None:
            kept.append(r)
            continue
        if name_is_unclear(twin.name) and not name_is_unclear(r.name):
            twin.name = r.name
            twin.notes = [n for n in twin.notes if n != "the indicator's name is unclear"]
            twin.notes.append("name completed from the review cell, which restates the target")
        if twin.year is None and r.year is not None:
            twin.year, twin.fiscal = r.year, r.fiscal
            twin.notes = [n for n in twin.notes if n != "no target year in the sentence"]
            twin.notes.append("year completed from the review cell, which restates the target")
        twin.needs_review = any(n in _FLAGS for n in twin.notes)
    for r in kept:
        if not name_is_unclear(r.name):
            continue
        same = [t for t in targets if _kind(t) == _kind(r) and not name_is_unclear(t.name)]
        if len(same) == 1:
            r.name = same[0].name
            r.notes = [n for n in r.notes if n != "the indicator's name is unclear"]
            r.notes.append("name taken from the target cell's only indicator in that unit")
            r.needs_review = True
    return kept


_FLAGS = {
    "the indicator's name is unclear",
    "no target year in the sentence",
    "target year taken from an earlier sentence of the cell",
    "the cell is cut before its target wording ends",
    "no unit",
}


def _draft(t: TargetFound) -> IndicatorDraft:
    return IndicatorDraft(
        t.name,
        t.unit,
        t.direction,
        t.value,
        t.year,
        t.fiscal,
        t.field,
        t.sentence,
        t.baseline,
        t.baseline_year,
        t.delta,
        t.annual,
        t.needs_review,
        list(t.notes),
    )


def _observe(d: IndicatorDraft, r: ResultFound, note: str) -> None:
    achievement = achievement_of(
        d.direction, d.target_value, d.target_year, d.annual, r.fiscal_year, r.value
    )
    notes = [*r.notes, *([note] if note else [])]
    flagged = r.needs_review or bool(note)
    near = d.target_value is not None and abs(r.value - d.target_value) <= d.target_value / 20
    if r.approx and achievement == "achieved" and near:
        notes.append("approximate value within 5% of the target")
        flagged = True
    if achievement == "not_comparable" and d.is_target:
        notes.append("not met, and the target states no year")
        flagged = True
    d.observations.append(
        ObservationDraft(r.fiscal_year, r.value, r.period, r.sentence, achievement, flagged, notes)
    )


def _set_baseline(d: IndicatorDraft, r: ResultFound, note: str) -> None:
    if d.baseline_value is None:
        d.baseline_value, d.baseline_year = r.value, r.fiscal_year
        d.notes.append(f"baseline: the FY{r.fiscal_year} result ({r.sentence[:40]})")
        if note:
            d.notes.append(note)
            d.needs_review = True


def _result_only(results: list[ResultFound], aside: list[SetAside]) -> list[IndicatorDraft]:
    drafts: dict[tuple[str, str, bool], IndicatorDraft] = {}
    for r in results:
        if name_is_unclear(r.name):
            aside.append(
                SetAside("achievement", f"{r.value}{r.unit}", "no indicator name", r.sentence)
            )
            continue
        key = (r.name, r.unit, r.delta)
        if key not in drafts:
            drafts[key] = IndicatorDraft(
                r.name,
                r.unit,
                "none",
                None,
                None,
                True,
                "achievement",
                r.sentence,
                increment=r.delta,
            )
        d = drafts[key]
        if any(o.fiscal_year == r.fiscal_year for o in d.observations):
            aside.append(
                SetAside(
                    "achievement", f"{r.value}{r.unit}", "a second value for that year", r.sentence
                )
            )
            continue
        _observe(d, r, "")
    return list(drafts.values())


def stated_status(text: str) -> str | None:
    """What the text itself says: 未達成 / 目標を達成 (not 目標達成に向けて)."""
    if _STATED_NOT.search(text):
        return "not_achieved"
    if _STATED_ACHIEVED.search(text):
        return "achieved"
    return None


def _status(drafts: list[IndicatorDraft], achievement: str, review: str) -> str:
    stated = stated_status(achievement) or (
        "achieved" if re.search(r"目標値?を達成した", review) else None
    )
    targets = [d for d in drafts if d.is_target and d.source_field == "target"]
    if not targets:
        return stated or "qualitative"
    results = [
        o.achievement for d in targets for o in d.observations if o.fiscal_year <= REPORT_YEAR
    ]
    observed_all = all(d.observations for d in targets)
    if stated == "not_achieved" or "not_achieved" in results:
        return "not_achieved"
    if stated == "achieved" or (observed_all and all(a == "achieved" for a in results)):
        return "achieved"
    if "in_progress" in results:
        return "in_progress"
    return "undetermined"


def read_indicators(target: str, achievement: str, review: str) -> MeasureIndicators:
    """Targets, results, their pairing and the measure's FY2024 status."""
    targets, aside = find_targets(target, "target")
    review_targets, review_aside = find_targets(review, "review")
    results, result_aside = find_results(achievement)
    aside += review_aside + result_aside
    review_targets = _merge_review_targets(targets, review_targets)
    drafts = {id(t): _draft(t) for t in [*targets, *review_targets]}
    paired: set[int] = set()
    for t, r, note in pair(targets, results):
        _observe(drafts[id(t)], r, note)
        paired.add(id(r))
    for t, r, note in pair(review_targets, results):
        d = drafts[id(t)]
        if t.year is not None and r.fiscal_year >= t.year:
            _observe(d, r, note)
        else:
            _set_baseline(d, r, note)
        paired.add(id(r))
    indicators = list(drafts.values())
    indicators += _result_only([r for r in results if id(r) not in paired], aside)
    for d in indicators:
        d.needs_review = d.needs_review or any(o.needs_review for o in d.observations)
    return MeasureIndicators(indicators, aside, _status(indicators, achievement, review))


DECISIONS = (
    ("abolish", re.compile(r"廃止(?!し?ない)")),
    ("reduce", re.compile(r"縮小(?!し?ない)")),
    ("revise", re.compile(r"見直し(?!を検討していない)|改め")),
    ("expand", re.compile(r"拡充|拡大|強化")),
    ("continue", re.compile(r"引き続き|継続")),
)


def decision_of(policy: str) -> tuple[str, str]:
    """The review decision (拡充・継続・見直し・縮小・廃止) where the wording states one."""
    for decision, pattern in DECISIONS:
        if m := pattern.search(policy):
            start = max(0, m.start() - 15)
            return decision, policy[start : m.end() + 15]
    return "", ""
