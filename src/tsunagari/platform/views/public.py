"""Public pages of the platform: the platforms and their members, the coverage map, the
organisations' profiles. GETs only read."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsunagari.directory.area_names import area_name
from tsunagari.platform import charts
from tsunagari.platform.bundled import preparatory_meeting
from tsunagari.platform.coverage import KPI_MEASURE, coverage
from tsunagari.platform.models import Event, Member, News, Platform, Profile
from tsunagari.spreadsheets import csv_text


def _language() -> str:
    return get_language() or "ja"


def place_of(platform: Platform) -> str:
    if platform.municipality_code:
        return area_name("municipality", platform.municipality_code, _language())
    if platform.prefecture_code:
        return area_name("prefecture", platform.prefecture_code, _language())
    return _("全国")


def index(request: HttpRequest) -> HttpResponse:
    found = coverage(_language())
    local = list(Platform.objects.public().exclude(kind=Platform.Kind.NATIONAL))
    context = {
        "national": Platform.objects.public().filter(kind=Platform.Kind.NATIONAL).first(),
        "local": [(p, place_of(p)) for p in local],
        "coverage": found,
        "kpi_measure": KPI_MEASURE,
        "map": charts.coverage_map(
            "coverage-map",
            _("地方版官民連携プラットフォームがある都道府県"),
            found,
            (
                _("プラットフォームあり（数字は参画団体数）"),
                _("まだ登録されていません"),
                _("下段（例 3·1）: 地域の窓口の数・居場所の数"),
            ),
        ),
    }
    return render(request, "platform/index.html", context)


def coverage_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="platform-coverage.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 Japanese correctly only with the BOM
    response.write(
        csv_text(
            [
                "prefecture_code",
                "prefecture",
                "local_platforms",
                "members",
                "local_windows",
                "places",
            ],
            (
                [p.code, p.name, p.platforms, p.members, p.windows, p.places]
                for p in coverage(_language()).prefectures
            ),
        )
    )
    return response


def platform(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Platform.objects.public(), slug=slug)
    members = (
        Member.objects.public().filter(platform=found).select_related("body").order_by("body__name")
    )
    profiles = {
        p.body_id: p for p in Profile.objects.public().filter(body__in=[m.body for m in members])
    }
    context = {
        "platform": found,
        "place": place_of(found),
        "members": [(m, profiles.get(m.body_id)) for m in members],
        "meeting": preparatory_meeting() if found.kind == Platform.Kind.NATIONAL else None,
        "events": Event.objects.public().filter(platform=found).order_by("starts_at")[:10],
    }
    return render(request, "platform/platform.html", context)


def profile(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Profile.objects.public().select_related("body"), pk=pk)
    platforms = Platform.objects.public().filter(members__body=found.body, members__published=True)
    place = (
        area_name("prefecture", found.prefecture_code, _language()) if found.prefecture_code else ""
    )
    return render(
        request, "platform/profile.html", {"profile": found, "platforms": platforms, "place": place}
    )


def news_list(request: HttpRequest) -> HttpResponse:
    return render(request, "platform/news_list.html", {"items": News.objects.public()[:50]})


def news(request: HttpRequest, pk: int) -> HttpResponse:
    found = News.objects.public().filter(pk=pk).first()
    if found is None:
        raise Http404("no such announcement")
    return render(request, "platform/news.html", {"item": found})
