"""Staff account pages: sign-in and out, the member's own page, the second factor, and
the audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tsunagari.staff import access, two_factor
from tsunagari.staff.audit import AREAS, action_label, describe, visible_to
from tsunagari.staff.forms import EnrolForm, TokenForm
from tsunagari.staff.params import BadParameter, integer
from tsunagari.staff.roles import Permission

AUDIT_PAGE_SIZE = 50


@access.staff_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/home.html", {"memberships": access.memberships(request.user)})


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/staff/"
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe else "/staff/"


@require_http_methods(["GET", "POST"])
@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app, or confirm this sign-in with it."""
    device = two_factor.device_of(request.user)
    verified = request.user.is_verified()  # type: ignore[union-attr]
    if device is not None and verified:
        return render(request, "staff/two_factor.html", {"state": "done", "next": _next(request)})
    if device is not None:
        return _confirm(request)
    return _enrol(request)


def _confirm(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.verify(request, form.cleaned_data["token"])
        except two_factor.WrongCode:
            if locked_out(request):
                logout(request)
                return lockout_response(request)
            form.add_error(
                "token", _("確認コードが違います。時間をおいてもう一度入力してください。")
            )
        else:
            return redirect(_next(request))
    context = {"state": "confirm", "form": form, "next": _next(request)}
    return render(request, "staff/two_factor.html", context, status=400 if form.errors else 200)


def _enrol(request: HttpRequest) -> HttpResponse:
    form = EnrolForm(request.POST or None)
    signed = request.POST.get("key", "")
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.enrol(request, signed, form.cleaned_data["token"])
        except signing.BadSignature:
            form.add_error(
                None, _("登録の有効期限が切れました。新しいQRコードで登録し直してください。")
            )
            signed = ""
        except two_factor.WrongCode:
            form.add_error(
                "token", _("確認コードが違います。アプリに表示されている6桁を入力してください。")
            )
        else:
            return redirect(_next(request))
    key = two_factor.key_of(signed)
    if key is None:
        key, signed = two_factor.new_key()
    if form.is_bound:
        form.data = {**dict(form.data.items()), "key": signed}
    else:
        form = EnrolForm(initial={"key": signed})
    context = {
        "state": "enrol",
        "form": form,
        "qr": two_factor.qr_svg(
            two_factor.config_url(request.user, key), _("認証アプリで読み取るQRコード")
        ),
        "secret": two_factor.readable(key),
        "required": access.needs_second_factor(request.user),
        "next": _next(request),
    }
    return render(request, "staff/two_factor.html", context, status=400 if form.errors else 200)


def locked_out(request: HttpRequest) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    credentials = {"username": request.user.get_username()}
    return bool(AxesProxyHandler.is_locked(request, credentials))


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' answer to a locked account or address (AXES_LOCKOUT_CALLABLE)."""
    minutes = settings.AXES_COOLOFF_TIME.total_seconds() // 60
    return render(request, "staff/locked.html", {"minutes": int(minutes)}, status=429)


@access.permission_required(Permission.READ_AUDIT, Permission.READ_ALL_AUDIT)
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = visible_to(request.user)
    area = request.GET.get("area", "")
    if area and area not in AREAS:
        raise BadParameter("area", area, ", ".join(AREAS))
    if area:
        entries = entries.filter(action__startswith=f"{area}.")
    paginator = Paginator(entries.select_related("body"), AUDIT_PAGE_SIZE)
    page = paginator.page(integer(request.GET, "page", 1, 1, paginator.num_pages))
    rows = [(entry, action_label(entry.action), describe(entry)) for entry in page]
    return render(
        request,
        "staff/audit.html",
        {"page": page, "rows": rows, "area": area, "areas": AREAS.items()},
    )
