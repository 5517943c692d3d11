"""The receiving organisation's side: the referrals sent to it, what the person agreed to
share (each view audited), and its answers: accept or decline, contact made, closed. It
never sees a conversation."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from tsunagari.desk import referrals
from tsunagari.desk.models import Referral
from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission

RECEIVE = permission_required(Permission.RECEIVE_REFERRALS)


@require_GET
@RECEIVE
def inbox(request: HttpRequest) -> HttpResponse:
    rows = referrals.visible_to(request.user).select_related("organisation")
    return render(request, "desk/referrals.html", {"referrals": rows})


def _page(request: HttpRequest, referral: Referral, **more: object) -> dict[str, object]:
    shared = referrals.read_shared(referral, request.user)
    labels = referrals.FIELDS
    return {
        "referral": referral,
        "shared": [(labels[key], shared[key]) for key in labels if key in shared],
        "next": referrals.NEXT.get(referrals.S(referral.status), ()),
        **more,
    }


@require_GET
@RECEIVE
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(Referral, pk=pk)
    return render(request, "desk/referral.html", _page(request, referral))


@require_POST
@RECEIVE
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(Referral, pk=pk)
    try:
        referrals.answer(referral, request.user, request.POST.get("status", ""))
    except ValidationError as error:
        context = _page(request, referral, errors=error.messages)
        return render(request, "desk/referral.html", context, status=400)
    return redirect("desk_staff:referral", pk=pk)
