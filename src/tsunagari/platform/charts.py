"""Charts drawn as SVG on the server: no scripts, no third-party requests. Each has a title
and a description for screen readers, and the page shows the same numbers in a table
(WCAG 1.1.1); colour is never the only cue (a covered prefecture also carries a mark).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tsunagari.platform.coverage import TILES, Coverage, PrefectureCoverage

INK = "#1a1a1a"
BLUE = "#1f5fa8"  # 6.3:1 on white
PALE = "#d6e4f5"
GREY = "#f2f2f2"
TILE = 52


def _open(chart_id: str, title: str, desc: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'class="chart" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]


def _short(name: str) -> tuple[str, int]:
    """A tile's label: 東京 for 東京都 (北海道 whole); romaji in a smaller type."""
    if name.isascii():
        return name[:9], 9
    return (name[:-1] if name[-1] in "都府県" else name), 13


def _tile_summary(p: PrefectureCoverage) -> str:
    return _(
        "%(name)s: 地方版プラットフォーム %(platforms)d、参画団体 %(members)d、"
        "地域の窓口 %(windows)d、居場所 %(places)d"
    ) % {
        "name": p.name,
        "platforms": p.platforms,
        "members": p.members,
        "windows": p.windows,
        "places": p.places,
    }


def coverage_map(
    chart_id: str, title: str, coverage: Coverage, legend: Sequence[str]
) -> SafeString:
    """Tiles of the 47 prefectures: dark with ✓ and the member count where a local platform
    exists, pale where none does; below, as text, the listed local windows and places
    (窓口・居場所, e.g. 3·1). `legend`: (covered, not covered, the lower figures) labels."""
    shown = [p for p in coverage.prefectures if p.covered or p.windows or p.places]
    desc = "; ".join(_tile_summary(p) for p in shown) or legend[1]
    parts = _open(chart_id, title, desc, TILE * 12 + 4, TILE * 13 + 66)
    for p in coverage.prefectures:
        col, row = TILES[p.code]
        x, y = col * TILE + 2, row * TILE + 2
        middle = x + (TILE - 4) / 2
        fill, ink = (BLUE, "#ffffff") if p.covered else (GREY, INK)
        short, size = _short(p.name)
        parts.append(f"<g><title>{escape(_tile_summary(p))}</title>")
        parts.append(
            f'<rect x="{x}" y="{y}" width="{TILE - 4}" height="{TILE - 4}" rx="4" '
            f'fill="{fill}" stroke="{INK}" stroke-width="0.5"/>'
        )
        parts.append(
            f'<text x="{middle}" y="{y + 15}" text-anchor="middle" font-size="{size}" '
            f'fill="{ink}">{escape(short)}</text>'
        )
        mark = f"✓{p.members}" if p.covered else "–"
        parts.append(
            f'<text x="{middle}" y="{y + 29}" text-anchor="middle" font-size="12" '
            f'fill="{ink}">{mark}</text>'
        )
        parts.append(
            f'<text x="{middle}" y="{y + 43}" text-anchor="middle" font-size="11" '
            f'fill="{ink}">{p.windows}·{p.places}</text></g>'
        )
    # one legend entry a line: the English labels are too long to share one
    y = TILE * 13 + 4
    parts.append(f'<rect x="2" y="{y}" width="16" height="16" fill="{BLUE}"/>')
    parts.append(
        f'<text x="24" y="{y + 13}" font-size="13" fill="{INK}">✓ {escape(legend[0])}</text>'
    )
    parts.append(f'<rect x="2" y="{y + 22}" width="16" height="16" fill="{GREY}" stroke="{INK}"/>')
    parts.append(
        f'<text x="24" y="{y + 35}" font-size="13" fill="{INK}">– {escape(legend[1])}</text>'
    )
    parts.append(f'<text x="2" y="{y + 57}" font-size="13" fill="{INK}">{escape(legend[2])}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


@dataclass(frozen=True)
class Interval:
    label: str
    estimate: float | None
    low: float | None
    high: float | None


def intervals(
    chart_id: str, title: str, points: Sequence[Interval], percent: bool = True
) -> SafeString:
    """Estimates as dots with their 95 % intervals as whiskers, one row each (a year, an age
    group): the interval is what the reader should see, not only the point."""
    label_width, plot, row = 120, 300, 26
    top = max((p.high or p.estimate or 0.0 for p in points), default=0.0) or 1.0
    scale = plot / top
    unit = 100.0 if percent else 1.0

    def shown(value: float | None) -> str:
        return "–" if value is None else (f"{value * unit:.1f}%" if percent else f"{value:g}")

    desc = "; ".join(
        f"{p.label}: {shown(p.estimate)} ({shown(p.low)}–{shown(p.high)})" for p in points
    )
    parts = _open(chart_id, title, desc, label_width + plot + 130, row * len(points) + 10)
    for index, p in enumerate(points):
        y = index * row + 16
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 4}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{escape(p.label[:18])}</text>'
        )
        parts.append(
            f'<line x1="{label_width}" y1="{y}" x2="{label_width + plot}" y2="{y}" '
            f'stroke="{PALE}"/>'
        )
        if p.low is not None and p.high is not None:
            x1, x2 = label_width + p.low * scale, label_width + p.high * scale
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y}" x2="{x2:.1f}" y2="{y}" stroke="{BLUE}" '
                f'stroke-width="3"/>'
            )
        if p.estimate is not None:
            cx = label_width + p.estimate * scale
            parts.append(f'<circle cx="{cx:.1f}" cy="{y}" r="5" fill="{BLUE}" stroke="{INK}"/>')
        parts.append(
            f'<text x="{label_width + plot + 8}" y="{y + 4}" font-size="12" fill="{INK}">'
            f"{escape(shown(p.estimate))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def progress(chart_id: str, title: str, share: float | None, caption: str) -> SafeString:
    """How far an indicator has come toward its target, as a bar from 0 to 100 %."""
    width = 300
    filled = 0.0 if share is None else max(0.0, min(share, 1.0)) * width
    parts = _open(chart_id, title, caption, width + 4, 28)
    parts.append(f'<rect x="2" y="4" width="{width}" height="18" fill="{GREY}" stroke="{INK}"/>')
    parts.append(f'<rect x="2" y="4" width="{filled:.1f}" height="18" fill="{BLUE}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
