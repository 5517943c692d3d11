"""Trends across stored survey years (経年変化), for real or synthetic data, never mixed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission
from tsunagari.surveys.exports import trend_csv
from tsunagari.surveys.instruments import INDICATORS
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.presenters import row
from tsunagari.surveys.services import trend

SERIES = ("survey", "synthetic")


def _years(series: str) -> list[SurveyYear]:
    if series not in SERIES:
        raise Http404("no such series")
    return trend(series == "synthetic")


@permission_required(Permission.VIEW_SURVEYS)
def trends(request: HttpRequest, series: str) -> HttpResponse:
    years = _years(series)
    tables = [
        (
            indicator,
            [
                row(str(y.year), y.results.indicators[indicator.key].overall, indicator)
                for y in years
            ],
        )
        for indicator in INDICATORS
    ]
    return render(
        request,
        "surveys/trends.html",
        {"series": series, "synthetic": series == "synthetic", "years": years, "tables": tables},
    )


@permission_required(Permission.VIEW_SURVEYS)
def trends_csv(request: HttpRequest, series: str) -> HttpResponse:
    years = _years(series)
    content = trend_csv(((y.year, y.results) for y in years), series == "synthetic")
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    suffix = "-SYNTHETIC" if series == "synthetic" else ""
    response["Content-Disposition"] = f'attachment; filename="trend{suffix}.csv"'
    return response
