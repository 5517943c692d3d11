"""Staff pages: dashboard, measure record with history, edit and review (login required)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagari.measures import access, services
from tsunagari.measures.charts import Bar, stacked_bars
from tsunagari.measures.forms import DecisionForm, ReviewForm, initial_for
from tsunagari.measures.models import Measure, Ministry, Review, Status
from tsunagari.measures.queries import measures_of, primary_heading, views_of
from tsunagari.measures.views.public import _plan

NEXT_YEAR = 2025


def _staff(request: HttpRequest) -> None:
    if not access.is_staff_member(request.user):
        raise PermissionDenied


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _staff(request)
    plan = _plan()
    views = views_of(plan)
    statuses = [s for s, _label in Status.choices]
    labels = [str(label) for _s, label in Status.choices]
    by_pillar: dict[str, Counter[str]] = {}
    by_ministry: dict[str, Counter[str]] = {}
    for view in views:
        status = view.review.status if view.review else Status.UNDETERMINED
        if view.heading:
            by_pillar.setdefault(f"({view.heading.pillar.number})", Counter())[status] += 1
        for ministry in view.measure.ordered_ministries():
            by_ministry.setdefault(ministry.name, Counter())[status] += 1
    ministry_order = [m.name for m in Ministry.objects.all() if m.name in by_ministry]
    pillar_rows = [(k, [v[s] for s in statuses], sum(v.values())) for k, v in by_pillar.items()]
    ministry_rows = [
        (k, [by_ministry[k][s] for s in statuses], sum(by_ministry[k].values()))
        for k in ministry_order
    ]
    totals = Counter(v.review.status if v.review else Status.UNDETERMINED for v in views)
    pending = Review.objects.filter(state=Review.State.SUBMITTED).select_related("measure")
    return render(
        request,
        "measures/dashboard.html",
        {
            "plan": plan,
            "labels": labels,
            "count": len(views),
            "totals": [(label, totals[s]) for s, label in Status.choices],
            "pillar_rows": pillar_rows,
            "ministry_rows": ministry_rows,
            "pillar_chart": stacked_bars(
                "chart-pillar",
                _("基本方針別の達成区分"),
                labels,
                [Bar(k, tuple(v)) for k, v, _t in pillar_rows],
            ),
            "ministry_chart": stacked_bars(
                "chart-ministry",
                _("府省庁別の達成区分"),
                labels,
                [Bar(k, tuple(v)) for k, v, _t in ministry_rows],
            ),
            "pending": pending,
            "can_decide": access.can_decide(request.user),
            "mine": [v for v in views if access.can_edit(request.user, v.measure)][:200],
        },
    )


def _measure(number: int) -> Measure:
    found = measures_of(_plan()).filter(number=number, page=None).first()
    if found is None:
        raise Http404
    return found


@login_required
def record(request: HttpRequest, number: int) -> HttpResponse:
    _staff(request)
    measure = _measure(number)
    history = sorted(
        [
            *measure.history.all()[:20],
            *(h for r in measure.reviews.all() for h in r.history.all()[:20]),
        ],
        key=lambda h: h.history_date,
        reverse=True,
    )
    return render(
        request,
        "measures/record.html",
        {
            "measure": measure,
            "heading": primary_heading(measure),
            "reviews": measure.reviews.all(),
            "history": history[:30],
            "can_edit": access.can_edit(request.user, measure),
            "ministries": measure.ordered_ministries(),
            "predecessors": measure.predecessors.all(),
        },
    )


@login_required
def edit(request: HttpRequest, number: int) -> HttpResponse:
    _staff(request)
    measure = _measure(number)
    if not access.can_edit(request.user, measure):
        raise PermissionDenied
    year = int(request.POST.get("fiscal_year") or request.GET.get("year") or NEXT_YEAR)
    if year < 2024 or year > 2040:
        raise Http404
    review = services.open_review(measure, year, request.user)
    indicators = list(measure.indicators.all())
    form = ReviewForm(request.POST or None, initial=initial_for(review), indicators=indicators)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_review(review, request.user, form.values(), form.actuals())
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("提出しました。内閣府の確認を待っています。"))
            return redirect("measures:record", number=number)
    return render(
        request,
        "measures/edit.html",
        {
            "measure": measure,
            "review": review,
            "form": form,
            "editable": review.state in services.EDITABLE,
        },
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not access.can_decide(request.user):
        raise PermissionDenied
    reviews = Review.objects.filter(state=Review.State.SUBMITTED).select_related("measure")
    return render(request, "measures/queue.html", {"reviews": reviews, "form": DecisionForm()})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not access.can_decide(request.user):
        raise PermissionDenied
    review = get_object_or_404(Review, pk=pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    approve = request.POST.get("action") == "approve"
    try:
        services.decide_review(review, request.user, approve, form.cleaned_data.get("comment", ""))
    except services.WorkflowError:
        messages.error(request, _("差戻しにはコメントが必要です。"))
        return redirect("measures:queue")
    messages.success(request, _("承認しました。") if approve else _("差し戻しました。"))
    return redirect("measures:queue")
