"""The plan's results in public: approved survey estimates with their intervals, by age
group and sex over the years, and every measure's indicators against their targets."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.platform import charts
from tsunagari.platform.coverage import KPI_MEASURE, coverage
from tsunagari.platform.results import SURVEY_MEASURE, indicator_results, public_years
from tsunagari.platform.training import trained_by_prefecture_and_year
from tsunagari.surveys.exports import format_cell
from tsunagari.surveys.instruments import INDICATORS, Indicator
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.results import Cell


@dataclass(frozen=True)
class Row:
    label: str
    estimate: str
    interval: str
    n: int
    small: bool


@dataclass(frozen=True)
class Panel:
    """One chart and the table with the same numbers."""

    title: str
    chart: SafeString
    rows: list[Row]


def _row(label: str, cell: Cell, indicator: Indicator) -> Row:
    estimate, _se, interval = format_cell(cell, indicator.is_proportion)
    return Row(label, estimate, interval, cell.n, cell.small)


def _panel(chart_id: str, title: str, cells: list[tuple[str, Cell]], indicator: Indicator) -> Panel:
    points = [charts.Interval(label, c.estimate, c.ci_low, c.ci_high) for label, c in cells]
    return Panel(
        title,
        charts.intervals(chart_id, title, points, indicator.is_proportion),
        [_row(label, c, indicator) for label, c in cells],
    )


def _panels(indicator: Indicator, years: list[SurveyYear]) -> list[Panel]:
    latest = years[-1].results.indicators.get(indicator.key)
    trend = [
        (str(y.year), y.results.indicators[indicator.key].overall)
        for y in years
        if indicator.key in y.results.indicators
    ]
    panels = [_panel(f"{indicator.key}-years", _("年ごとの推移（全体）"), trend, indicator)]
    if latest is None:
        return panels
    for column, heading in (("age_group", _("年齢階級別")), ("sex", _("性別"))):
        cells = list(latest.by.get(column, {}).items())
        if cells:
            title = _("%(heading)s（%(year)d年）") % {"heading": heading, "year": years[-1].year}
            panels.append(_panel(f"{indicator.key}-{column}", title, cells, indicator))
    return panels


def trained_per_year() -> list[tuple[int, int]]:
    """つながりサポーター trained in each fiscal year, all prefectures together."""
    totals: dict[int, int] = {}
    for row in trained_by_prefecture_and_year():
        totals[row.fiscal_year] = totals.get(row.fiscal_year, 0) + row.people
    return sorted(totals.items())


def results(request: HttpRequest) -> HttpResponse:
    years = public_years()
    survey = [(i, _panels(i, years)) for i in INDICATORS] if years else []
    indicators = indicator_results()
    progress = [
        (
            r,
            charts.progress(
                f"kpi-{n}",
                r.indicator.name,
                r.share_of_target,
                _("目標に対する達成の度合い: %(share)s")
                % {"share": "—" if r.share_of_target is None else f"{r.share_of_target:.0%}"},
            ),
        )
        for n, r in enumerate(indicators)
    ]
    context = {
        "years": years,
        "synthetic": any(y.synthetic for y in years),
        "survey": survey,
        "indicators": progress,
        "survey_measure": SURVEY_MEASURE,
        "coverage": coverage(get_language() or "ja"),
        "kpi_measure": KPI_MEASURE,
        "trained": trained_per_year(),
    }
    return render(request, "platform/results.html", context)
