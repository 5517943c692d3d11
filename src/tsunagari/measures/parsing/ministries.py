"""The canonical ministry list (府省庁) and the OCR repair that maps a misread cell onto it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tsunagari.measures.parsing.text import normalize

_SEPARATORS = re.compile(r"[\s、,，・]+")


@dataclass(frozen=True)
class CanonicalMinistry:
    code: str
    name: str
    name_en: str
    order: int


@dataclass(frozen=True)
class MinistryMatch:
    raw: str
    name: str | None
    rule: str  # "exact", "suffix", "one-character", "unknown"


def load_ministries(path: Path) -> list[CanonicalMinistry]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        CanonicalMinistry(e["code"], e["name"], e["name_en"], order)
        for order, e in enumerate(entries, start=1)
    ]


def _one_substitution(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def match_ministry(token: str, names: list[str]) -> MinistryMatch:
    """Map one OCR token to a canonical name, or to None when no sound rule applies.

    Sound rules, each only when exactly one canonical name qualifies: the token is a
    canonical name; it is the tail of one (生労働省 lost its first character); it differs
    from one by a single character of the same length (享生労働省, こども家庭所).
    """
    token = normalize(token).strip()
    if token in names:
        return MinistryMatch(token, token, "exact")
    if len(token) >= 3:
        tails = [n for n in names if n.endswith(token)]
        if len(tails) == 1:
            return MinistryMatch(token, tails[0], "suffix")
        near = [n for n in names if _one_substitution(token, n)]
        if len(near) == 1:
            return MinistryMatch(token, near[0], "one-character")
    return MinistryMatch(token, None, "unknown")


def split_ministry_cell(cell: str) -> list[str]:
    return [t for t in _SEPARATORS.split(normalize(cell)) if t]
