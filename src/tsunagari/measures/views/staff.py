"""Staff pages of the plan: the dashboard for a fiscal year and a measure's record."""

from __future__ import annotations

from collections import Counter

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tsunagari.measures import access
from tsunagari.measures.charts import Bar, stacked_bars
from tsunagari.measures.models import (
    Measure,
    Ministry,
    Observation,
    Plan,
    Review,
    Status,
    Submission,
)
from tsunagari.measures.queries import MeasureView, measures_of, primary_heading, views_of
from tsunagari.measures.views.public import current_plan
from tsunagari.staff import access as staff_access
from tsunagari.staff.audit import Change, about_all, action_label, describe
from tsunagari.staff.models import AuditEntry
from tsunagari.staff.params import integer

NOT_REPORTED = "not_reported"
NOT_REPORTED_LABEL = gettext_lazy("未報告")


def dashboard_year(request: HttpRequest, plan: Plan) -> int:
    """?year= among the plan's years; by default the last year before the one open for
    reports (the last complete round), else the open one."""
    years = plan.reported_years()
    if not years:
        raise Http404("the plan has no reported years")
    closed = [y for y in years if plan.reporting_year and y < plan.reporting_year]
    default = max(closed) if closed else max(years)
    return integer(request.GET, "year", default, min(years), max(years))


@staff_access.permission_required(access.VIEW)
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = current_plan()
    year = dashboard_year(request, plan)
    views = views_of(plan)
    of_year = {
        r.measure_id: r.status for r in Review.objects.filter(measure__plan=plan, fiscal_year=year)
    }
    keys = [*Status.values, NOT_REPORTED]
    labels = [str(label) for _s, label in Status.choices] + [str(NOT_REPORTED_LABEL)]
    by_pillar: dict[str, Counter[str]] = {}
    by_ministry: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for view in views:
        status = of_year.get(view.measure.pk, NOT_REPORTED)
        totals[status] += 1
        if view.heading:
            by_pillar.setdefault(f"({view.heading.pillar.number})", Counter())[status] += 1
        for ministry in view.measure.ordered_ministries():
            by_ministry.setdefault(ministry.name, Counter())[status] += 1
    ministry_order = [m.name for m in Ministry.objects.all() if m.name in by_ministry]
    pillar_rows = [(k, [v[s] for s in keys], sum(v.values())) for k, v in by_pillar.items()]
    ministry_rows = [
        (k, [by_ministry[k][s] for s in keys], sum(by_ministry[k].values())) for k in ministry_order
    ]
    return render(
        request,
        "measures/dashboard.html",
        {
            "plan": plan,
            "year": year,
            "years": plan.reported_years(),
            "labels": labels,
            "count": len(views),
            "totals": list(zip(labels, [totals[s] for s in keys], strict=True)),
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
            "pending": Submission.objects.filter(state=Submission.State.SUBMITTED).count(),
            "can_review": access.can_review(request.user),
            **editor_lists(request, views),
        },
    )


def editor_lists(request: HttpRequest, views: list[MeasureView]) -> dict[str, object]:
    """An editor's measures, and their reports that wait or came back (with the comment)."""
    bodies = staff_access.bodies_where(request.user, access.REPORT)
    mine = [v for v in views if any(b in bodies for b in v.measure.bodies())]
    submissions = (
        Submission.objects.filter(
            body__in=bodies, state__in=(Submission.State.SUBMITTED, Submission.State.RETURNED)
        )
        .select_related("measure")
        .order_by("state", "-submitted_at")
    )
    return {
        "mine": mine,
        "returned": [s for s in submissions if s.state == Submission.State.RETURNED],
        "waiting": [s for s in submissions if s.state == Submission.State.SUBMITTED],
    }


def _measure(number: int) -> Measure:
    found = measures_of(current_plan()).filter(number=number, page=None).first()
    if found is None:
        raise Http404("no such measure")
    return found


def history_of(measure: Measure) -> list[tuple[AuditEntry, str, list[Change]]]:
    """The audit entries about the measure, its submissions, reviews and observations."""
    query = (
        about_all(Measure, [measure.pk])
        | about_all(Submission, measure.submissions.values_list("pk", flat=True))
        | about_all(Review, measure.reviews.values_list("pk", flat=True))
        | about_all(
            Observation,
            Observation.objects.filter(indicator__measure=measure).values_list("pk", flat=True),
        )
    )
    return [(e, action_label(e.action), describe(e)) for e in AuditEntry.objects.filter(query)[:50]]


@staff_access.permission_required(access.VIEW)
def record(request: HttpRequest, number: int) -> HttpResponse:
    measure = _measure(number)
    plan = measure.plan
    return render(
        request,
        "measures/record.html",
        {
            "measure": measure,
            "heading": primary_heading(measure),
            "reviews": measure.reviews.all(),
            "submissions": measure.submissions.select_related("body"),
            "rows": history_of(measure),
            "can_report": access.can_report(request.user, measure),
            "reporting_year": plan.reporting_year,
            "ministries": measure.ordered_ministries(),
            "predecessors": measure.predecessors.all(),
        },
    )
