"""Stored survey years: the list, upload, results, downloads and deletion."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission
from tsunagari.surveys.estimate import EstimationError
from tsunagari.surveys.exports import estimates_csv
from tsunagari.surveys.forms import UploadForm, chosen_mapping
from tsunagari.surveys.mappings import MappingError
from tsunagari.surveys.microdata import InputError, MicrodataError
from tsunagari.surveys.models import SurveyYear
from tsunagari.surveys.presenters import indicator_tables
from tsunagari.surveys.services import (
    YearTaken,
    audit,
    delete_survey_year,
    store_survey_year,
    trend,
)


@permission_required(Permission.VIEW_SURVEYS)
def index(request: HttpRequest) -> HttpResponse:
    return _index_page(request)


def _index_page(request: HttpRequest, form: UploadForm | None = None) -> HttpResponse:
    years = list(SurveyYear.objects.select_related("uploaded_by"))
    series = [
        (synthetic, count)
        for synthetic in (False, True)
        if (count := sum(1 for y in years if y.synthetic == synthetic)) >= 2
    ]
    return render(
        request,
        "surveys/index.html",
        {
            "years": years,
            "series": series,
            "any_synthetic": any(y.synthetic for y in years),
            "form": form or UploadForm(),
        },
        status=400 if form is not None else 200,
    )


@require_POST
@permission_required(Permission.UPLOAD_SURVEYS)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _index_page(request, form)
    upload = form.cleaned_data["file"]
    try:
        survey_year = store_survey_year(
            upload.read(),
            upload.name or "upload.csv",
            form.cleaned_data["year"],
            request.user,
            mapping=chosen_mapping(form.cleaned_data["mapping"]),
            lonely_psu=form.cleaned_data["lonely_psu"],
        )
    except MicrodataError as error:
        audit(request.user, "year.rejected", upload.name or "", errors=error.total)
        return rejected(request, upload.name or "", error.errors, error.total)
    except (EstimationError, MappingError) as error:
        audit(request.user, "year.rejected", upload.name or "", reason=str(error))
        return rejected(request, upload.name or "", [], 0, message=str(error))
    except YearTaken:
        message = _(
            "%(year)d年のデータはすでに登録されています。置き換える場合は先に削除してください。"
        ) % {"year": form.cleaned_data["year"]}
        return rejected(request, upload.name or "", [], 0, message=message)
    messages.success(request, _("%(year)s年のデータを登録しました。") % {"year": survey_year})
    return redirect("surveys:year", pk=survey_year.pk)


def rejected(
    request: HttpRequest, name: str, errors: Sequence[InputError], total: int, message: str = ""
) -> HttpResponse:
    return render(
        request,
        "surveys/rejected.html",
        {
            "name": name,
            "errors": errors,
            "total": total,
            "more": total - len(errors),
            "message": message,
        },
        status=400,
    )


@permission_required(Permission.VIEW_SURVEYS)
def year(request: HttpRequest, pk: int) -> HttpResponse:
    survey_year = get_object_or_404(SurveyYear, pk=pk)
    estimates = survey_year.results
    return render(
        request,
        "surveys/year.html",
        {
            "survey_year": survey_year,
            "estimates": estimates,
            "tables": indicator_tables(estimates, _("全体")),
            "design": estimates.meta.get("design", {}),
            "has_trend": len(trend(survey_year.synthetic)) >= 2,
        },
    )


def _download(content: str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _stem(survey_year: SurveyYear) -> str:
    return f"survey-{survey_year.year}{'-SYNTHETIC' if survey_year.synthetic else ''}"


@permission_required(Permission.VIEW_SURVEYS)
def estimates_csv_download(request: HttpRequest, pk: int) -> HttpResponse:
    survey_year = get_object_or_404(SurveyYear, pk=pk)
    content = estimates_csv(survey_year.results, survey_year.year)
    return _download(content, f"{_stem(survey_year)}-estimates.csv", "text/csv; charset=utf-8")


@permission_required(Permission.VIEW_SURVEYS)
def estimates_json_download(request: HttpRequest, pk: int) -> HttpResponse:
    survey_year = get_object_or_404(SurveyYear, pk=pk)
    data = {**survey_year.estimates, "survey_year": survey_year.year}
    content = json.dumps(data, ensure_ascii=False, indent=2)
    return _download(content, f"{_stem(survey_year)}-estimates.json", "application/json")


@require_http_methods(["GET", "POST"])
@permission_required(Permission.DELETE_SURVEYS)
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    survey_year = get_object_or_404(SurveyYear, pk=pk)
    if request.method == "POST":
        label = str(survey_year)
        delete_survey_year(survey_year, request.user)
        messages.success(request, _("%(year)s年のデータを削除しました。") % {"year": label})
        return redirect("surveys:index")
    return render(request, "surveys/delete.html", {"survey_year": survey_year})


def audit_log(request: HttpRequest) -> HttpResponse:
    """The survey part of the one staff audit log."""
    return redirect(f"{reverse('staff:audit')}?area=surveys")
