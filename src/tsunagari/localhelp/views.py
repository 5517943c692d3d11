"""Local help for its keepers: what a body keeps, an upload with its preview, an edit of
one entry, and publishing or returning what another member proposed.

GETs only read; every change is a POST through tsunagari.localhelp.workflow. An entry or a
proposal of a body the user does not belong to is a 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tsunagari.directory.models import Service
from tsunagari.directory.records import service_to_entry
from tsunagari.localhelp import template, workflow
from tsunagari.localhelp.changes import LOCAL_SCOPES, Rejected, plan
from tsunagari.localhelp.forms import EditForm, ReturnForm, UploadForm
from tsunagari.localhelp.models import Proposal
from tsunagari.staff import access
from tsunagari.staff.roles import Permission

EDIT = Permission.EDIT_LOCAL_HELP
SHOWN_PROBLEMS = 100  # a file wrong in every row would make a page of megabytes


def _bodies(request: HttpRequest) -> list[Any]:
    return access.bodies_where(request.user, EDIT)


@require_GET
@access.permission_required(EDIT)
def home(request: HttpRequest) -> HttpResponse:
    bodies = _bodies(request)
    proposals = Proposal.objects.listed().filter(body__in=bodies).select_related("body", "author")
    waiting = [
        p
        for p in Proposal.objects.listed()
        .filter(state=Proposal.State.SUBMITTED)
        .exclude(author_id=request.user.pk)
        .select_related("body", "author")
        if workflow.can_decide(request.user, p)
    ]
    entries = Service.objects.filter(owner__in=bodies).select_related("owner").order_by("name")
    return render(
        request,
        "localhelp/home.html",
        {"proposals": proposals[:50], "waiting": waiting, "entries": entries},
    )


@require_GET
@access.permission_required(EDIT)
def download_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind == "xlsx":
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(template.template_xlsx(), content_type=content_type)
    else:
        response = HttpResponse(template.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="local-help-template.{kind}"'
    return response


@require_http_methods(["GET", "POST"])
@access.permission_required(EDIT)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, bodies=_bodies(request))
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        received = form.cleaned_data["file"]
        try:
            found = template.read_upload(received.name, received.read(), body)
            changes = _plan(found, body)
        except template.UploadError as error:
            form.add_error("file", str(error))
        except Rejected as error:
            problems = [template.problem_text(p, _is_hsds(received.name)) for p in error.problems]
        else:
            proposal = workflow.draft(request.user, body, changes, received.name)
            return redirect("localhelp:proposal", pk=proposal.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "problems": problems[:SHOWN_PROBLEMS]}
    context["more"] = max(len(problems) - SHOWN_PROBLEMS, 0)
    return render(request, "localhelp/upload.html", context, status=status)


def _is_hsds(name: str) -> bool:
    return name.lower().endswith(".json")


def _plan(found: template.Upload, body: Any) -> Any:
    try:
        return plan(body, found.entries, complete=True)  # a file lists all of its windows
    except Rejected as error:
        raise Rejected(found.located(error.problems)) from None


def _proposal(request: HttpRequest, pk: int) -> Proposal:
    """Members of its body see a proposal, and those who may decide it; others get 404."""
    proposal = get_object_or_404(Proposal.objects.select_related("body", "author"), pk=pk)
    if access.can(request.user, EDIT, [proposal.body]):
        return proposal
    if proposal.state == Proposal.State.SUBMITTED and workflow.can_decide(request.user, proposal):
        return proposal
    raise Http404("no such proposal")


@require_GET
@access.permission_required(EDIT, Permission.CURATE_DIRECTORY)
def proposal_page(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    decide = (
        proposal.state == Proposal.State.SUBMITTED
        and proposal.author_id != request.user.pk
        and workflow.can_decide(request.user, proposal)
    )
    return render(
        request,
        "localhelp/proposal.html",
        {
            "proposal": proposal,
            "changes": proposal.summary.get("changes", []),
            "may_submit": proposal.author_id == request.user.pk
            and proposal.state in (Proposal.State.DRAFT, Proposal.State.RETURNED),
            "may_decide": decide,
            "return_form": ReturnForm(),
        },
    )


@require_POST
@access.permission_required(EDIT)
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    try:
        workflow.submit(request.user, proposal)
    except workflow.WorkflowError:
        messages.error(request, _("この申請はもう提出されています。"))
    else:
        messages.success(request, _("提出しました。担当の自治体の確認を待っています。"))
    return redirect("localhelp:proposal", pk=pk)


@require_POST
@access.permission_required(EDIT, Permission.CURATE_DIRECTORY)
def decide(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    proposal = _proposal(request, pk)
    try:
        if step == "publish":
            workflow.publish(request.user, proposal)
            messages.success(request, _("公開しました。検索とAPIにすぐ反映されます。"))
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("差し戻す理由を書いてください。"))
                return redirect("localhelp:proposal", pk=pk)
            workflow.return_(request.user, proposal, form.cleaned_data["comment"])
            messages.success(request, _("差し戻しました。公開中の内容は変わりません。"))
    except workflow.SelfApproval:
        messages.error(request, _("自分で作った申請は、ほかの人が確認します。"))
    except Rejected as error:
        for problem in error.problems:
            slug = proposal.entries[problem.index]["id"]
            where = _("公開できません（ID %(id)s）: ") % {"id": slug}
            messages.error(request, where + problem.message)
    except workflow.WorkflowError:
        messages.error(request, _("この申請はもう確認済みです。"))
    return redirect("localhelp:proposal", pk=pk)


@require_http_methods(["GET", "POST"])
@access.permission_required(EDIT)
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(
        Service.objects.with_details()
        .filter(scope__in=LOCAL_SCOPES)
        .filter(Q(owner__in=_bodies(request))),
        slug=slug,
    )
    entry = service_to_entry(service)
    form = EditForm(request.POST or None, initial=entry.model_dump())
    if request.method == "POST" and form.is_valid():
        changed = entry.model_copy(update=form.cleaned_data)
        body = service.owner
        if body is None:
            raise PermissionDenied("an entry without an owner is curated, not edited here")
        try:
            proposal = workflow.draft(
                request.user, body, plan(body, [changed], complete=False), service.name
            )
        except Rejected as error:
            for problem in error.problems:
                form.add_error(None, problem.message)
        else:
            workflow.submit(request.user, proposal)
            messages.success(request, _("変更を提出しました。担当の自治体の確認を待っています。"))
            return redirect("localhelp:proposal", pk=proposal.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "localhelp/edit.html", {"form": form, "service": service}, status=status)
