"""The yearly report and its review: an editor's form, the reviewer's queue, the
side-by-side comparison, and approving or returning after a confirmation page.

GETs only read; every change is a POST through tsunagari.measures.workflow.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tsunagari.measures import access, workflow
from tsunagari.measures.forms import ReturnForm, ReviewForm, initial_for
from tsunagari.measures.models import Measure, Observation, Review, Submission
from tsunagari.measures.restoration import FIELD_LABELS, damaged_fields, for_user
from tsunagari.measures.views.public import current_plan
from tsunagari.measures.views.staff import _measure
from tsunagari.staff import access as staff_access
from tsunagari.staff.params import integer


def _year(request: HttpRequest, measure: Measure) -> int:
    """?year= (or the form's fiscal_year) within the plan's years; a 400 names a bad one."""
    plan = measure.plan
    if not plan.reporting_year:
        raise Http404("this plan takes no reports")
    first = min(plan.reported_years())
    source = request.POST if request.method == "POST" else request.GET
    name = "fiscal_year" if request.method == "POST" else "year"
    return integer(source, name, plan.reporting_year, first, plan.reporting_year)


@require_http_methods(["GET", "POST"])
@staff_access.permission_required(access.REPORT)
def edit(request: HttpRequest, number: int) -> HttpResponse:
    measure = _measure(number)
    if not access.can_report(request.user, measure):
        raise PermissionDenied("not an editor of this measure's ministries")
    year = _year(request, measure)
    pending = workflow.open_submission(measure, year)
    public = Review.objects.filter(measure=measure, fiscal_year=year).first()
    indicators = list(measure.indicators.all())
    form = ReviewForm(
        request.POST or None,
        initial=initial_for(year, pending, public),
        indicators=indicators,
        damaged=measure.damaged,
    )
    if request.method == "POST" and form.is_valid():
        try:
            workflow.submit(measure, year, request.user, form.entry())
        except workflow.WorkflowError:
            form.add_error(None, _("確認待ちの報告は、確認が終わるまで編集できません。"))
        else:
            messages.success(request, _("提出しました。内閣府の確認を待っています。"))
            return redirect("measures:record", number=number)
    return render(
        request,
        "measures/edit.html",
        {
            "measure": measure,
            "year": year,
            "pending": pending,
            "form": form,
            "editable": pending is None or pending.state == Submission.State.RETURNED,
            "damaged": damaged_fields(measure, public),
        },
        status=400 if form.errors else 200,
    )


@staff_access.permission_required(access.REPORT, access.REVIEW)
def damaged(request: HttpRequest) -> HttpResponse:
    """The fields of the plan that the source table damaged, for the editor's ministries
    (every ministry for a reviewer): each to restore through the normal report."""
    plan = current_plan()
    fields = for_user(request.user, plan)
    return render(
        request,
        "measures/damaged.html",
        {"plan": plan, "fields": fields, "measures": len({f.measure.pk for f in fields})},
    )


@staff_access.permission_required(access.REVIEW)
def queue(request: HttpRequest) -> HttpResponse:
    submissions = (
        Submission.objects.filter(state=Submission.State.SUBMITTED)
        .select_related("measure", "body", "submitted_by")
        .order_by("submitted_at")
    )
    return render(request, "measures/queue.html", {"submissions": submissions})


def _visible_submission(request: HttpRequest, pk: int) -> Submission:
    """Reviewers see every report; editors those of their own ministries; others 404."""
    submission = get_object_or_404(
        Submission.objects.select_related("measure", "body", "submitted_by", "decided_by"), pk=pk
    )
    if access.can_review(request.user) or staff_access.can(
        request.user, access.REPORT, [submission.body]
    ):
        return submission
    raise Http404("no such report")


def comparison(submission: Submission) -> list[tuple[str, str, str]]:
    """Field by field: the public value now and the value entered. When the year has no
    public value yet, the latest earlier year's is shown, marked with its year."""
    year = submission.fiscal_year
    review = (
        Review.objects.filter(measure=submission.measure, fiscal_year__lte=year)
        .order_by("-fiscal_year")
        .first()
    )
    rows: list[tuple[str, str, str]] = []
    for field in ("status", "decision", "achievement_text", "policy_text"):
        label = str(getattr(Submission._meta.get_field(field), "verbose_name", field))
        now = _dated(_display(review, field), review.fiscal_year, year) if review else ""
        rows.append((label, now or "—", _display(submission, field) or "—"))
    public: dict[int, Observation] = {}
    for o in Observation.objects.filter(
        indicator__measure=submission.measure, fiscal_year__lte=year
    ).order_by("fiscal_year"):
        public[o.indicator_id] = o
    for name, text in submission.restored.items():
        now = getattr(submission.measure, name)
        label = str(FIELD_LABELS[name])
        rows.append((label, _("（欠けた抜粋）…%(text)s…") % {"text": now} if now else "—", text))
    for actual in submission.actuals:
        seen = public.get(actual["indicator"])
        shown = _dated(f"{seen.value.normalize():f}", seen.fiscal_year, year) if seen else "—"
        rows.append((actual["name"], shown, actual["value"]))
    return rows


def _dated(value: str, of_year: int, year: int) -> str:
    if not value or of_year == year:
        return value
    return _("%(value)s（%(year)d年度）") % {"value": value, "year": of_year}


def _display(obj: Any, field: str) -> str:
    getter = getattr(obj, f"get_{field}_display", None)
    return str(getter() if getter else getattr(obj, field))


@staff_access.permission_required(access.REPORT, access.REVIEW)
def submission(request: HttpRequest, pk: int) -> HttpResponse:
    found = _visible_submission(request, pk)
    return render(request, "measures/submission.html", _decision_context(request, found))


def _decision_context(request: HttpRequest, found: Submission, **extra: Any) -> dict[str, Any]:
    own = found.authors.filter(pk=request.user.pk or 0).exists()
    return {
        "submission": found,
        "rows": comparison(found),
        "can_decide": access.can_review(request.user)
        and not own
        and found.state == Submission.State.SUBMITTED,
        "own": own,
        **extra,
    }


@require_http_methods(["GET", "POST"])
@staff_access.permission_required(access.REVIEW)
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirmation page; POST: publish."""
    found = get_object_or_404(Submission, pk=pk)
    if request.method == "POST":
        return _decide(
            request,
            found,
            lambda: workflow.approve(found, request.user),
            _("承認し、公開しました。"),
        )
    return _confirm(request, found, "approve", None)


@require_http_methods(["GET", "POST"])
@staff_access.permission_required(access.REVIEW)
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the page with the comment; POST: return with the comment."""
    found = get_object_or_404(Submission, pk=pk)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data["comment"]
        return _decide(
            request,
            found,
            lambda: workflow.return_(found, request.user, comment),
            _("差し戻しました。"),
        )
    return _confirm(request, found, "return", form)


def _confirm(
    request: HttpRequest, found: Submission, step: str, form: ReturnForm | None
) -> HttpResponse:
    context = _decision_context(request, found, step=step, form=form)
    if context["own"]:
        raise workflow.SelfApproval("a report is decided by someone who did not write it")
    if not context["can_decide"]:
        return render(request, "measures/submission.html", context, status=409)
    status = 400 if form is not None and form.errors else 200
    return render(request, "measures/confirm.html", context, status=status)


def _decide(request: HttpRequest, found: Submission, act: Any, done: str) -> HttpResponse:
    try:
        act()
    except workflow.WorkflowError:
        messages.error(request, _("この報告はすでに確認済みです。"))
        return redirect("measures:submission", pk=found.pk)
    messages.success(request, done)
    return redirect("measures:queue")
