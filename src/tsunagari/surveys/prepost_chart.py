"""The programme report's chart: the mean before and after, drawn as inline SVG on the
server (no script, no request elsewhere), with a title and a description for screen
readers; the numbers are also in the table beside it."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from tsunagari.surveys.evaluate import PairedChange
from tsunagari.surveys.instruments import Instrument

WIDTH, HEIGHT = 480, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 24, 44
BEFORE, AFTER, INK, GRID = "#5f6b7a", "#1f5fa6", "#1a1a1a", "#d0d0d0"


def _ticks(low: int, high: int) -> list[int]:
    step = 1 if high - low <= 6 else 3
    return list(range(low, high + 1, step)) + ([high] if (high - low) % step else [])


def prepost_svg(key: str, label: str, change: PairedChange, instrument: Instrument) -> SafeString:
    """Two bars (before, after) on the instrument's whole score range."""
    low, high = instrument.items, instrument.items * instrument.points
    plot_h = HEIGHT - TOP - BOTTOM

    def y(value: float) -> str:
        return f"{TOP + plot_h * (1 - (value - low) / (high - low)):.1f}"

    def at(x: float) -> str:
        return f"{x:.1f}"

    title = _("%(label)s：事前と事後の平均") % {"label": label}
    if change.mean_pre is None or change.mean_post is None:
        desc = _("対になった回答がないため、平均を描けません。")
        bars: list[tuple[str, float, str]] = []
    else:
        desc = _(
            "事前の平均 %(pre).2f、事後の平均 %(post).2f（%(n)d人の対、尺度 %(low)d〜%(high)d）。"
            "数値は次の表のとおりです。"
        ) % {
            "pre": change.mean_pre,
            "post": change.mean_post,
            "n": change.n_paired,
            "low": low,
            "high": high,
        }
        bars = [(_("事前"), change.mean_pre, BEFORE), (_("事後"), change.mean_post, AFTER)]
    slot = (WIDTH - LEFT - RIGHT) / 2
    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
        '<text x="{}" y="{}" dy="4" text-anchor="end" font-size="12" fill="{}">{}</text>',
        (
            (LEFT, WIDTH - RIGHT, y(t), y(t), GRID, LEFT - 6, y(t), INK, t)
            for t in _ticks(low, high)
        ),
    )
    drawn = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}" dy="-6" text-anchor="middle" font-size="13" fill="{}">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{}">{}</text>',
        (
            (
                at(LEFT + slot * i + slot * 0.25),
                y(mean),
                at(slot * 0.5),
                at(float(y(low)) - float(y(mean))),
                colour,
                at(LEFT + slot * i + slot * 0.5),
                y(mean),
                INK,
                f"{mean:.2f}",
                at(LEFT + slot * i + slot * 0.5),
                HEIGHT - BOTTOM + 20,
                INK,
                name,
            )
            for i, (name, mean, colour) in enumerate(bars)
        ),
    )
    return format_html(
        '<svg class="prepost" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{key}-chart-title {key}-chart-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{key}-chart-title">{title}</title><desc id="{key}-chart-desc">{desc}</desc>'
        '{grid}<line x1="{left}" x2="{left}" y1="{top}" y2="{base}" stroke="{ink}"/>'
        '<line x1="{left}" x2="{right}" y1="{base}" y2="{base}" stroke="{ink}"/>{bars}</svg>',
        w=WIDTH,
        h=HEIGHT,
        key=key,
        title=title,
        desc=desc,
        grid=grid,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        base=HEIGHT - BOTTOM,
        ink=INK,
        bars=drawn,
    )
