"""The survey's instruments (調査項目), tsunagari's codebook and the four indicators.

Scores of different loneliness instruments are never pooled: the Japanese 4-point UCLA-3
(range 3–12), the UK ONS 3-point UCLA-3 (range 3–9) and the 20-item UCLA v3 (range 20–80)
measure on different scales, so every score carries the key of the instrument it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Instrument:
    """A scored questionnaire scale; `key` travels with every score computed from it."""

    key: str
    name: str
    items: int
    points: int


UCLA3_JA = Instrument("ucla3-ja-4pt", "UCLA Loneliness Scale, 3 items, Japanese 4-point", 3, 4)
UCLA3_ONS = Instrument("ucla3-ons-3pt", "UCLA Loneliness Scale, 3 items, ONS 3-point", 3, 3)
UCLA20_V3 = Instrument("ucla20-v3", "UCLA Loneliness Scale version 3, 20 items", 20, 4)
DIRECT_JA = Instrument("direct-ja-5pt", "直接質問（孤独感の頻度）5段階", 1, 5)
INSTRUMENTS = {i.key: i for i in (UCLA3_JA, UCLA3_ONS, UCLA20_V3, DIRECT_JA)}

# The direct question 「あなたはどの程度、孤独であると感じることがありますか」.
DIRECT_COLUMN = "q_direct"
DIRECT_LABELS = {
    1: "しばしばある・常にある",
    2: "時々ある",
    3: "たまにある",
    4: "ほとんどない",
    5: "決してない",
}
UCLA_COLUMNS = ("ucla_1", "ucla_2", "ucla_3")
UCLA_LABELS = {1: "決してない", 2: "ほとんどない", 3: "時々ある", 4: "常にある"}
UCLA_HIGH_THRESHOLD = 10

ANSWER_COLUMNS = (DIRECT_COLUMN, *UCLA_COLUMNS)
DESIGN_COLUMNS = ("weight", "stratum", "psu")
# A column named `synthetic` saying SYNTHETIC on every row marks demonstration data, so the
# label travels with the file into every table, chart and download made from it.
SYNTHETIC_COLUMN = "synthetic"
SYNTHETIC_VALUE = "SYNTHETIC"
RESERVED_COLUMNS = ("id", *DESIGN_COLUMNS, *ANSWER_COLUMNS, SYNTHETIC_COLUMN)


def codebook(column: str) -> dict[int, str]:
    """The codes and Japanese labels tsunagari accepts in an answer column."""
    return DIRECT_LABELS if column == DIRECT_COLUMN else UCLA_LABELS


@dataclass(frozen=True)
class Indicator:
    """One of the four published indicators (指標)."""

    key: str
    label: object
    short_label: object
    is_proportion: bool
    instrument: Instrument


INDICATORS = (
    Indicator(
        "direct_often_always",
        _("孤独感が「しばしばある・常にある」人の割合"),
        pgettext_lazy("indicator", "しばしば・常に"),
        True,
        DIRECT_JA,
    ),
    Indicator(
        "direct_any",
        _("孤独感が「しばしば・常に」「時々」「たまに」ある人の割合"),
        pgettext_lazy("indicator", "孤独感がある"),
        True,
        DIRECT_JA,
    ),
    Indicator(
        "ucla3_mean",
        _("UCLA孤独感尺度（3項目）の平均得点（3〜12点）"),
        pgettext_lazy("indicator", "UCLA-3 平均"),
        False,
        UCLA3_JA,
    ),
    Indicator(
        "ucla3_high",
        _("UCLA孤独感尺度（3項目）が10点以上の人の割合"),
        pgettext_lazy("indicator", "UCLA-3 10点以上"),
        True,
        UCLA3_JA,
    ),
)
INDICATORS_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
