"""Charts (グラフ) drawn on the server with matplotlib's Agg backend, as PNG or SVG.

Every chart has its numbers in a table next to it on the page (the text alternative) and
says SYNTHETIC in its title when the data are synthetic.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib_fontja
from django.utils.translation import gettext as _
from matplotlib.figure import Figure

from tsunagari.surveys.instruments import Indicator
from tsunagari.surveys.results import SMALL_CELL_N, Cell

matplotlib.rcParams["font.family"] = [matplotlib_fontja.matplotlib_fontja.FONT_NAME, "DejaVu Sans"]
matplotlib.rcParams["svg.hashsalt"] = "tsunagari"  # stable ids: the same chart, the same file
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
BAR = "#1f5fa6"
SMALL_BAR = "#a9c4e6"
INK = "#1a1a1a"


def _scale(indicator: Indicator) -> tuple[float, str]:
    return (100.0, _("割合（%）")) if indicator.is_proportion else (1.0, _("平均得点"))


def _value(value: float | None, scale: float) -> float:
    return math.nan if value is None else value * scale


def _errors(cells: Sequence[Cell], scale: float) -> list[list[float]]:
    below, above = [], []
    for cell in cells:
        estimate = _value(cell.estimate, scale)
        below.append(max(0.0, estimate - _value(cell.ci_low, scale)))
        above.append(max(0.0, _value(cell.ci_high, scale) - estimate))
    return [below, above]


def _title(text: str, synthetic: bool) -> str:
    return f"【SYNTHETIC 合成データ】{text}" if synthetic else text


def _render(figure: Figure, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}")
    out = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(out, format=fmt, metadata=metadata)
    return out.getvalue()


def domain_chart(
    indicator: Indicator,
    breakdown: str,
    cells: dict[str, Cell],
    title: str,
    synthetic: bool,
    fmt: str,
) -> bytes:
    """Bars with 95 % intervals, one per domain; cells with n < 30 hatched and starred."""
    scale, axis_label = _scale(indicator)
    values = list(cells.values())
    figure = Figure(figsize=(8, 4.8), dpi=100, layout="constrained")
    axes = figure.subplots()
    positions = range(len(values))
    heights = [_value(cell.estimate, scale) for cell in values]
    bars = axes.bar(
        positions,
        heights,
        color=[SMALL_BAR if cell.small else BAR for cell in values],
        edgecolor=INK,
        linewidth=0.6,
    )
    for bar, cell in zip(bars, values, strict=True):
        if cell.small:
            bar.set_hatch("//")
    axes.errorbar(
        positions, heights, yerr=_errors(values, scale), fmt="none", ecolor=INK, capsize=4
    )
    labels = [f"{level}{' *' if cell.small else ''}\nn={cell.n}" for level, cell in cells.items()]
    axes.set_xticks(list(positions), labels=labels, fontsize=9)
    axes.set_ylabel(axis_label)
    axes.set_xlabel(breakdown)
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", color="#cccccc", linewidth=0.5)
    axes.set_axisbelow(True)
    axes.set_title(_title(title, synthetic), fontsize=11)
    figure.text(
        0.01,
        0.005,
        _("縦線は95%%信頼区間。* は回答者%(n)d人未満（参考値）。") % {"n": SMALL_CELL_N},
        fontsize=8,
        color=INK,
    )
    return _render(figure, fmt)


def trend_chart(
    indicator: Indicator, points: list[tuple[int, Cell]], title: str, synthetic: bool, fmt: str
) -> bytes:
    """The overall estimate by survey year with its 95 % interval."""
    scale, axis_label = _scale(indicator)
    years = [year for year, _cell in points]
    cells = [cell for _year, cell in points]
    figure = Figure(figsize=(8, 4.5), dpi=100, layout="constrained")
    axes = figure.subplots()
    axes.errorbar(
        years,
        [_value(cell.estimate, scale) for cell in cells],
        yerr=_errors(cells, scale),
        fmt="-o",
        color=BAR,
        ecolor=INK,
        capsize=4,
    )
    axes.set_xticks(years, labels=[str(year) for year in years])
    axes.set_xlabel(_("調査年"))
    axes.set_ylabel(axis_label)
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", color="#cccccc", linewidth=0.5)
    axes.set_title(_title(title, synthetic), fontsize=11)
    figure.text(0.01, 0.005, _("縦線は95%信頼区間。"), fontsize=8, color=INK)
    return _render(figure, fmt)
