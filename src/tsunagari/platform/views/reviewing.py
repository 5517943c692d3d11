"""Reviewing posts (確認): the queue, one post beside its public version, and approving
or returning it after a confirmation page; and the analysts' approval of survey years."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tsunagari.platform import forms, review
from tsunagari.platform.queries import KINDS, kind_of, waiting_for
from tsunagari.platform.results import SelfApproval, approve_year, withdraw_year
from tsunagari.staff import access
from tsunagari.staff.roles import Permission
from tsunagari.surveys.models import SurveyYear

REVIEW = Permission.REVIEW_PLATFORM


@access.permission_required(REVIEW)
def queue(request: HttpRequest) -> HttpResponse:
    posts = [(kind_of(r), r) for r in waiting_for(request.user)]
    return render(request, "platform/staff/queue.html", {"posts": posts})


def _record(request: HttpRequest, kind: str, pk: int) -> review.Reviewed:
    if kind not in KINDS:
        raise Http404("no such kind of post")
    record = get_object_or_404(KINDS[kind], pk=pk)
    if not review.can_review(request.user, record):
        raise Http404("not a post this reviewer decides")
    return record


def _rows(record: review.Reviewed) -> list[tuple[str, str, str]]:
    rows = []
    for name in record.EDITABLE:
        field = record._meta.get_field(name)
        public = getattr(record, name) if record.published else ""
        proposed = record.pending.get(name, getattr(record, name))
        rows.append(
            (str(getattr(field, "verbose_name", name)), str(public or "—"), str(proposed or "—"))
        )
    return rows


@require_http_methods(["GET", "POST"])
@access.permission_required(REVIEW)
def decide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET: the post, what is public now and the confirmation; POST step=approve|return."""
    record = _record(request, kind, pk)
    form = forms.ReturnForm(request.POST or None)
    own = record.submitted_by_id == request.user.pk
    if request.method == "POST":
        try:
            _act(request, record, form)
        except review.SelfApproval:
            raise
        except review.WorkflowError:
            messages.error(request, _("この投稿はすでに確認済みです。"))
        except _NeedsComment:
            return _page(request, kind, record, form, own, status=400)
        return redirect("platform:queue")
    return _page(request, kind, record, forms.ReturnForm(), own)


class _NeedsComment(Exception):
    pass


def _act(request: HttpRequest, record: review.Reviewed, form: forms.ReturnForm) -> None:
    step = request.POST.get("step", "")
    if step == "approve":
        review.approve(record, request.user)
        messages.success(request, _("承認し、公開しました。"))
    elif step == "return":
        if not form.is_valid():
            raise _NeedsComment
        review.return_(record, request.user, form.cleaned_data["comment"])
        messages.success(request, _("差し戻しました。"))
    else:
        raise Http404("unknown step")


def _page(
    request: HttpRequest,
    kind: str,
    record: review.Reviewed,
    form: Any,
    own: bool,
    status: int = 200,
) -> HttpResponse:
    context = {
        "kind": kind,
        "record": record,
        "rows": _rows(record),
        "form": form,
        "own": own,
        "can_decide": not own and record.state == review.State.SUBMITTED,
    }
    return render(request, "platform/staff/decide.html", context, status=status)


@access.permission_required(Permission.PUBLISH_SURVEYS)
def survey_approvals(request: HttpRequest) -> HttpResponse:
    years = SurveyYear.objects.select_related("approval", "uploaded_by").order_by(
        "synthetic", "year"
    )
    return render(request, "platform/staff/surveys.html", {"years": years})


@require_POST
@access.permission_required(Permission.PUBLISH_SURVEYS)
def survey_decision(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    survey_year = get_object_or_404(SurveyYear, pk=pk)
    if step == "approve":
        try:
            approve_year(survey_year, request.user)
        except SelfApproval:
            messages.error(request, _("自分で登録した調査年は、別の分析担当者が承認します。"))
        else:
            messages.success(
                request, _("%(year)s年の推計値を公開しました。") % {"year": survey_year}
            )
    elif step == "withdraw":
        withdraw_year(survey_year, request.user)
        messages.success(
            request, _("%(year)s年の推計値の公開を取り下げました。") % {"year": survey_year}
        )
    else:
        raise Http404("unknown step")
    return redirect("platform:survey_approvals")
