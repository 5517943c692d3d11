"""Charts of a stored year and of the trend, PNG or SVG, rendered once and cached."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission
from tsunagari.surveys.instruments import INDICATORS_BY_KEY, Indicator
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.services import trend
from tsunagari.surveys.variables import label

CACHE_SECONDS = 3600


def _indicator(key: str) -> Indicator:
    if key not in INDICATORS_BY_KEY:
        raise Http404("no such indicator")
    return INDICATORS_BY_KEY[key]


def _image(request: HttpRequest, content: bytes, fmt: str, filename: str) -> HttpResponse:
    from tsunagari.surveys.charts import FORMATS

    response = HttpResponse(content, content_type=FORMATS[fmt])
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{fmt}"'
    return response


@permission_required(Permission.VIEW_SURVEYS)
def year_chart(
    request: HttpRequest, pk: int, indicator: str, breakdown: str, fmt: str
) -> HttpResponse:
    from tsunagari.surveys.charts import domain_chart

    survey_year = get_object_or_404(SurveyYear, pk=pk)
    chosen = _indicator(indicator)
    cells = survey_year.results.indicators[indicator].by.get(breakdown)
    if cells is None:
        raise Http404("no such breakdown")
    # The row's identity and upload time too: ids are reused after deletion on SQLite.
    stored = f"{survey_year.pk}:{survey_year.uploaded_at.timestamp()}:{survey_year.sha256}"
    key = f"surveys:chart:{stored}:{indicator}:{breakdown}:{fmt}:{get_language()}"
    content = cache.get(key)
    if content is None:
        title = _("%(year)s年　%(indicator)s（%(by)s別）") % {
            "year": survey_year.year,
            "indicator": chosen.label,
            "by": label(breakdown),
        }
        content = domain_chart(chosen, label(breakdown), cells, title, survey_year.synthetic, fmt)
        cache.set(key, content, CACHE_SECONDS)
    stem = f"survey-{survey_year}-{indicator}-by-{breakdown}".replace(" ", "-")
    return _image(request, content, fmt, stem)


@permission_required(Permission.VIEW_SURVEYS)
def trend_chart(request: HttpRequest, series: str, indicator: str, fmt: str) -> HttpResponse:
    from tsunagari.surveys.charts import trend_chart as draw

    chosen = _indicator(indicator)
    years = trend(series == "synthetic")
    if len(years) < 2:
        raise Http404("fewer than two years stored")
    points = [(y.year, y.results.indicators[indicator].overall) for y in years]
    title = _("%(indicator)s の推移") % {"indicator": chosen.label}
    content = draw(chosen, points, title, series == "synthetic", fmt)
    return _image(request, content, fmt, f"trend-{series}-{indicator}")
