"""Quantitative targets and results out of the plan's sentences (指標・実績の抽出).

Deliberately conservative: a target is a quantity with a comparison (以上, 以下, に増やす,
とする…) after "Xを"; a result is "X:value" or "Xは…value". Anything not clear — no name,
no year, a unit that does not match, several candidates — is flagged for review with the
reason, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tsunagari.measures.parsing.eras import find_era_years, fiscal_year_of_month, to_year
from tsunagari.measures.parsing.text import similarity

UNITS = "%|万人|人|件|回|か所|箇所|団体|自治体|市町村|法人|名|都道府県|施設|万トン|トン"
_NUMBER = r"(?P<value>\d[\d,]*(?:\.\d+)?)(?P<mult>万|億)?"
_TARGET = re.compile(
    r"(?P<name>[^、。:()「」]{2,40}?)を(?P<when>[^、。]{0,24}?)(?:年間)?"
    + _NUMBER
    + rf"(?P<unit>{UNITS})(?P<cmp>以上|以下|程度|未満)?"
    + r"(?P<verb>とする|に増やす|に増加|を目指|を目標|に)?"
)
_RESULT_COLON = re.compile(
    r"(?P<name>[^、。:()・\s]{2,30})\s*[::]\s*" + _NUMBER + rf"\s*(?P<unit>{UNITS})?"
    r"\s*(?:\((?P<period>[^)]{0,40})\))?"
)
_RESULT_IS = re.compile(
    r"(?P<name>[^、。:()]{2,40}?)は、?\s*(?:[^、。]{0,12}?)" + _NUMBER + rf"\s*(?P<unit>{UNITS})"
)
_PERIOD = re.compile(r"令和(\d+)年(\d+)月\s*[~〜～-]\s*令和(\d+)年(\d+)月")
_SENTENCE = re.compile(r"[^。]+。?")
_STATED_ACHIEVED = re.compile(r"目標(?:を)?達成|達成した")
_STATED_NOT = re.compile(r"未達成|下回っ|達成でき(?:ず|なかった)")


@dataclass
class TargetFound:
    name: str
    unit: str
    value: Decimal
    direction: str
    year: int | None
    fiscal: bool
    sentence: str
    field: str
    needs_review: bool = False
    note: str = ""


@dataclass
class ResultFound:
    name: str
    unit: str
    value: Decimal
    fiscal_year: int | None
    period: str
    sentence: str
    needs_review: bool = False
    note: str = ""


def _value(match: re.Match[str]) -> Decimal:
    value = Decimal(match.group("value").replace(",", ""))
    mult = match.group("mult")
    return value * (10_000 if mult == "万" else 100_000_000 if mult == "億" else 1)


def _unit(match: re.Match[str]) -> str:
    unit = match.group("unit") or ""
    if unit == "万人":
        return "人"
    return {"箇所": "か所", "名": "人"}.get(unit, unit)


def _direction(match: re.Match[str], sentence: str) -> str:
    cmp = match.group("cmp") or ""
    if cmp in ("以下", "未満") or re.search(r"低下|減少|半減|抑制", sentence):
        return "decrease"
    if cmp == "以上" or re.search(r"増や|増加|拡大|向上", sentence):
        return "increase"
    return "none"


def _clean_name(name: str) -> str:
    name = re.sub(r"^[・\s]+", "", name)
    for cut in ("として", "ため", "こととし", "また", "さらに", "令和"):
        if cut in name:
            name = name.split(cut)[-1]
    name = re.sub(r"^\d+年度?末?(?:時点)?(?:における|の|は|に|において)?", "", name)
    return name.strip(" 、・「」")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text.replace("・", "。")) if s.strip()]


def find_targets(text: str, field: str = "target") -> list[TargetFound]:
    found: list[TargetFound] = []
    for sentence in sentences(text):
        for match in _TARGET.finditer(sentence):
            if not (match.group("cmp") or match.group("verb")):
                continue
            name = _clean_name(match.group("name"))
            years = find_era_years(match.group("when")) or find_era_years(sentence)
            target = TargetFound(
                name,
                _unit(match),
                _value(match),
                _direction(match, sentence),
                years[-1].year if years else None,
                years[-1].fiscal if years else True,
                sentence,
                field,
            )
            if not years:
                target.needs_review, target.note = True, "no target year in the sentence"
            if len(name) < 3 or name[0] in "のをにはがで":
                target.needs_review, target.note = True, "the indicator's name is unclear"
            found.append(target)
    return found


def _result_year(sentence: str, period: str) -> int | None:
    if m := _PERIOD.search(period or sentence):
        start = to_year("令和", m.group(1))
        return fiscal_year_of_month(start, int(m.group(2)))
    years = find_era_years(sentence)
    fiscal = [y for y in years if y.fiscal]
    if fiscal:
        return fiscal[0].year
    return None


def find_results(text: str) -> list[ResultFound]:
    found: list[ResultFound] = []
    for sentence in sentences(text):
        matches = list(_RESULT_COLON.finditer(sentence)) or list(_RESULT_IS.finditer(sentence))
        for match in matches:
            period = match.groupdict().get("period") or ""
            name = _clean_name(match.group("name"))
            result = ResultFound(
                name, _unit(match), _value(match), _result_year(sentence, period), period, sentence
            )
            if result.fiscal_year is None:
                result.needs_review, result.note = True, "no fiscal year for the result"
            if len(name) < 3:
                result.needs_review, result.note = True, "the result's name is unclear"
            found.append(result)
    return found


def pair(target: TargetFound, results: list[ResultFound]) -> tuple[ResultFound | None, str]:
    """The result that measures the target, or None; the note says why when unsure."""
    same_unit = [
        r
        for r in results
        if r.unit == target.unit
        or (not r.unit and target.unit != "%" and similarity(r.name, target.name) >= 0.3)
    ]
    if not same_unit:
        return None, "no result in the same unit"
    scored = sorted(same_unit, key=lambda r: similarity(r.name, target.name), reverse=True)
    best = scored[0]
    score = similarity(best.name, target.name)
    if score >= 0.3:
        return best, ""
    if len(same_unit) == 1:
        return best, f"paired by unit only (name similarity {score:.2f})"
    return None, "several results in that unit and none named like the target"


def compare(target: TargetFound, result: ResultFound) -> str:
    """achieved / not_achieved / in_progress / not_comparable for one result."""
    if target.direction == "none" or result.fiscal_year is None:
        return "not_comparable"
    met = (
        result.value >= target.value
        if target.direction == "increase"
        else (result.value <= target.value)
    )
    if met:
        return "achieved"
    if target.year is not None and result.fiscal_year < target.year:
        return "in_progress"
    return "not_achieved"


def stated_status(text: str) -> str | None:
    if _STATED_NOT.search(text):
        return "not_achieved"
    if _STATED_ACHIEVED.search(text):
        return "achieved"
    return None


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
