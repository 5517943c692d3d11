"""Posting to the platform (staff): an organisation's editors join platforms, keep their
profile, post cases, events and news; a prefecture or municipality registers its local
platform. Every post goes to review (review.submit). GETs only read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tsunagari.platform import forms, review
from tsunagari.platform.models import Case, Event, Member, News, Platform, Profile
from tsunagari.platform.queries import posted_by
from tsunagari.staff import access
from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Permission

CONTRIBUTE = Permission.CONTRIBUTE_PLATFORM
POSTS: dict[str, tuple[type[review.Reviewed], type[forms.PostForm]]] = {
    "case": (Case, forms.CaseForm),
    "event": (Event, forms.EventForm),
    "news": (News, forms.NewsForm),
    "local": (Platform, forms.LocalPlatformForm),
}


def acting_body(user: Any) -> Body:
    """The body the user posts for: their first body where they may contribute."""
    bodies = access.bodies_where(user, CONTRIBUTE)
    if not bodies:
        raise PermissionDenied("no body to post for")
    return bodies[0]


@access.permission_required(CONTRIBUTE)
def dashboard(request: HttpRequest) -> HttpResponse:
    body = acting_body(request.user)
    context = {
        "body": body,
        "posts": posted_by(request.user),
        "is_organisation": body.kind == Kind.ORGANISATION,
        "is_local_government": body.kind in (Kind.PREFECTURE, Kind.MUNICIPALITY),
    }
    return render(request, "platform/staff/dashboard.html", context)


def _submit(request: HttpRequest, record: review.Reviewed, values: dict[str, Any]) -> bool:
    try:
        review.submit(record, request.user, values)
    except review.WorkflowError:
        messages.error(request, _("確認待ちの投稿は、確認が終わるまで編集できません。"))
        return False
    messages.success(request, _("提出しました。確認ののちに公開されます。"))
    return True


@require_http_methods(["GET", "POST"])
@access.permission_required(CONTRIBUTE)
def join(request: HttpRequest) -> HttpResponse:
    body = acting_body(request.user)
    joined = list(Member.objects.filter(body=body).values_list("platform_id", flat=True))
    form = forms.JoinForm(request.POST or None, joined=joined)
    if request.method == "POST" and form.is_valid():
        member = Member(platform=form.cleaned_data["platform"], body=body)
        if _submit(request, member, {"note": form.cleaned_data["note"]}):
            return redirect("platform:staff")
    return render(
        request,
        "platform/staff/form.html",
        {"form": form, "title": _("プラットフォームへの参加を申し込む")},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@access.permission_required(CONTRIBUTE)
def edit_profile(request: HttpRequest) -> HttpResponse:
    body = acting_body(request.user)
    if body.kind != Kind.ORGANISATION:
        raise PermissionDenied("profiles are for organisations")
    found = Profile.objects.filter(body=body).first() or Profile(body=body, display_name=body.name)
    return _edit(request, found, forms.ProfileForm, _("団体紹介を編集する"))


@require_http_methods(["GET", "POST"])
@access.permission_required(CONTRIBUTE)
def edit_post(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    if kind not in POSTS:
        raise Http404("no such kind of post")
    model, form_class = POSTS[kind]
    if pk is None:
        record = _new(kind, model, acting_body(request.user))
    else:
        record = get_object_or_404(model, pk=pk)
        access.require(request.user, CONTRIBUTE, [record.body])
    titles = {
        "case": _("実践事例を投稿する"),
        "event": _("催しを登録する"),
        "news": _("お知らせを書く"),
        "local": _("地方版プラットフォームを登録する"),
    }
    return _edit(request, record, form_class, titles[kind])


def _new(kind: str, model: type[review.Reviewed], body: Body) -> review.Reviewed:
    if kind != "local":
        return model(body=body)
    if body.kind == Kind.PREFECTURE:
        return Platform(
            body=body,
            kind=Platform.Kind.PREFECTURE,
            prefecture_code=body.code,
            slug=f"pref-{body.code}",
        )
    if body.kind == Kind.MUNICIPALITY:
        return Platform(
            body=body,
            kind=Platform.Kind.MUNICIPALITY,
            prefecture_code=body.code[:2],
            municipality_code=body.code,
            slug=f"city-{body.code}",
        )
    raise PermissionDenied("local platforms are registered by a prefecture or municipality")


def _edit(
    request: HttpRequest, record: review.Reviewed, form_class: type[forms.PostForm], title: str
) -> HttpResponse:
    if (
        isinstance(record, Platform)
        and record.pk is None
        and Platform.objects.filter(slug=record.slug).exists()
    ):
        return redirect(
            "platform:edit_post", kind="local", pk=Platform.objects.get(slug=record.slug).pk
        )
    initial = {name: record.shown(name) for name in record.EDITABLE}
    form = form_class(request.POST or None, initial=initial, instance=None)
    if request.method == "POST" and form.is_valid() and _submit(request, record, form.values()):
        return redirect("platform:staff")
    context = {"form": form, "title": title, "record": record}
    return render(request, "platform/staff/form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@access.permission_required(CONTRIBUTE)
def completed(request: HttpRequest, pk: int) -> HttpResponse:
    """After a course: how many completed it (the KPI of trained supporters)."""
    found = get_object_or_404(Event.objects.public(), pk=pk, kind=Event.Kind.SUPPORTER_COURSE)
    access.require(request.user, CONTRIBUTE, [found.body])
    form = forms.CompletedForm(request.POST or None, initial={"completed": found.completed})
    if request.method == "POST" and form.is_valid():
        before = snapshot(found)
        found.completed = form.cleaned_data["completed"]
        found.save(update_fields=["completed"])
        log_action(request.user, "platform.event.completed", found, body=found.body, before=before)
        messages.success(request, _("修了者数を記録しました。"))
        return redirect("platform:staff")
    context = {"form": form, "title": _("修了者数を記録する"), "record": found}
    return render(request, "platform/staff/form.html", context, status=400 if form.errors else 200)
