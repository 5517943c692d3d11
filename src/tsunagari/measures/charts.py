"""Bar charts drawn as SVG on the server: no scripts, each with a text alternative.

The numbers are always shown in a table next to the chart as well (WCAG 1.1.1).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Colours checked for 3:1 contrast against white (WCAG 1.4.11 non-text contrast).
PALETTE = ("#1f5fa8", "#b35900", "#2e7d32", "#6a3d9a", "#5f6368", "#a61b4a")


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]  # one value per series, stacked


def stacked_bars(chart_id: str, title: str, series: list[str], bars: list[Bar]) -> SafeString:
    """Horizontal stacked bars; the title and a summary become the SVG's name and
    description for screen readers."""
    label_width, bar_width, row = 190, 260, 26
    total_max = max((sum(b.values) for b in bars), default=0) or 1
    height = row * len(bars) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 '
        f'{label_width + bar_width + 50} {height}" class="chart" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">'
        + escape("; ".join(f"{b.label}: {sum(b.values)}" for b in bars))
        + "</desc>",
    ]
    for index, bar in enumerate(bars):
        y = index * row + 4
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{escape(bar.label[:16])}</text>'
        )
        x = float(label_width)
        for series_index, value in enumerate(bar.values):
            width = bar_width * value / total_max
            if width:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row - 8}" '
                    f'fill="{PALETTE[series_index % len(PALETTE)]}"/>'
                )
            x += width
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="12" fill="#1a1a1a">'
            f"{sum(bar.values)}</text>"
        )
    legend_y = row * len(bars) + 22
    x = 0.0
    for series_index, name in enumerate(series):
        colour = PALETTE[series_index % len(PALETTE)]
        parts.append(f'<rect x="{x:.0f}" y="{legend_y}" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 16:.0f}" y="{legend_y + 11}" font-size="12" fill="#1a1a1a">'
            f"{escape(name)}</text>"
        )
        x += 16 + 13 * len(name) + 14
    parts.append("</svg>")
    return mark_safe("".join(parts))
