"""The NPO programme evaluation: upload before/after files, read a printable report.

The files are read in memory and never stored: they are about identifiable participants.
Only the fact that a report was made (who, when, file names, counts) goes to the audit log;
the demonstration report (a GET, synthetic files) writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission
from tsunagari.surveys.evaluate import (
    CAVEAT,
    MEASURES,
    Evaluation,
    PairingError,
    evaluate_programme,
)
from tsunagari.surveys.exports import evaluation_rows
from tsunagari.surveys.forms import EvaluationForm, chosen_mapping
from tsunagari.surveys.importer import read_microdata, read_microdata_file
from tsunagari.surveys.mappings import MappingError
from tsunagari.surveys.microdata import InputError, MicrodataError
from tsunagari.surveys.prepost_chart import prepost_svg
from tsunagari.surveys.services import audit
from tsunagari.surveys.views.years import rejected


@require_http_methods(["GET", "POST"])
@permission_required(Permission.EVALUATE_PROGRAMMES)
def evaluation(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "surveys/evaluate.html", {"form": EvaluationForm()})
    form = EvaluationForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "surveys/evaluate.html", {"form": form}, status=400)
    pre, post = form.cleaned_data["pre"], form.cleaned_data["post"]
    errors: list[InputError] = []
    total = 0
    data = []
    try:
        mapping = chosen_mapping(form.cleaned_data["mapping"])
    except MappingError as error:
        return rejected(request, pre.name or "", [], 0, message=str(error))
    for upload in (pre, post):
        try:
            data.append(read_microdata(upload.read(), upload.name or "upload.csv", mapping))
        except MicrodataError as error:
            errors += error.errors
            total += error.total
    if errors:
        names = f"{pre.name}, {post.name}"
        audit(request.user, "programme.rejected", names, errors=total)
        return rejected(request, names, list(errors), total)
    try:
        result = evaluate_programme(data[0], data[1])
    except PairingError as error:
        names = f"{pre.name}, {post.name}"
        audit(
            request.user,
            "programme.rejected",
            names,
            errors=1,
            reason="事前と事後に共通する回答者IDがない",
        )
        return rejected(request, names, [], 0, message=str(error))
    audit(
        request.user,
        "programme.evaluated",
        f"{Path(result.pre_source).name} / {Path(result.post_source).name}",
        programme=form.cleaned_data["programme"],
        n_pre=result.n_pre,
        n_post=result.n_post,
        synthetic=result.synthetic,
    )
    return _report(
        request, result, form.cleaned_data["programme"], form.cleaned_data["organisation"]
    )


@permission_required(Permission.EVALUATE_PROGRAMMES)
def demo(request: HttpRequest) -> HttpResponse:
    folder = Path(settings.DATA_DIR) / "surveys"
    result = evaluate_programme(
        read_microdata_file(folder / "synthetic-programme-pre.csv"),
        read_microdata_file(folder / "synthetic-programme-post.csv"),
    )
    return _report(request, result, _("合成データによるデモ事業（SYNTHETIC）"), "")


def _report(
    request: HttpRequest, result: Evaluation, programme: str, organisation: str
) -> HttpResponse:
    measures = [
        (
            MEASURES[key][1],
            key,
            evaluation_rows(change),
            prepost_svg(key, str(MEASURES[key][1]), change, MEASURES[key][0]),
        )
        for key, change in result.measures.items()
    ]
    return render(
        request,
        "surveys/evaluation_report.html",
        {
            "evaluation": result,
            "pre_name": Path(result.pre_source).name,
            "post_name": Path(result.post_source).name,
            "measures": measures,
            "caveat": CAVEAT,
            "programme": programme,
            "organisation": organisation,
            "made_at": timezone.now(),
        },
    )
