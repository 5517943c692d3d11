"""The counsellor's side (相談員): the queue by urgency then waiting time, a case with its
text (each view audited), reply, hand-over, the closing record; supervisors see imminent
cases with the emergency protocol; the shift view shows each counsellor's load."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from tsunagari.desk import conversations, referrals, shift, transcript
from tsunagari.desk.forms import CloseForm
from tsunagari.desk.models import TOP_LEVEL, Conversation, Sender, Status
from tsunagari.directory.area_names import place_name
from tsunagari.directory.models import Organization
from tsunagari.staff import access
from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission

COUNSEL = permission_required(Permission.COUNSEL)


def _reasons(conversation: Conversation) -> list[str]:
    key = "en" if get_language() == "en" else "ja"
    return [str(reason[key]) for reason in conversation.reasons]


@require_GET
@COUNSEL
def queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    supervising = access.can(user, Permission.SUPERVISE)
    waiting = list(conversations.queue())
    alerts = (
        Conversation.objects.filter(level__gte=TOP_LEVEL)
        .exclude(status=Status.CLOSED)
        .order_by("started_at")
        if supervising
        else Conversation.objects.none()
    )
    context = {
        "waiting": [(c, _reasons(c)) for c in waiting],
        "mine": conversations.held_by(user),
        "alerts": [c for c in alerts if conversations.can_read(user, c)],
        "supervising": supervising,
        "cap": conversations.max_chats(),
    }
    return render(request, "desk/queue.html", context)


@require_POST
@COUNSEL
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    try:
        conversations.claim(conversation, request.user)
    except ValidationError as error:
        return _queue_error(request, error)
    return redirect("desk_staff:case", pk=pk)


def _queue_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return render(request, "desk/refused.html", {"errors": error.messages}, status=400)


def _case(request: HttpRequest, conversation: Conversation, **more: object) -> dict[str, object]:
    return {
        "conversation": conversation,
        "lines": transcript.read(conversation, request.user),
        "reasons": _reasons(conversation),
        "holder": conversation.counsellor_id == request.user.pk,
        "colleagues": conversations.colleagues(conversation),
        "form": more.pop("form", None) or CloseForm(initial={"level": conversation.level}),
        "imminent": conversation.level >= TOP_LEVEL,
        "referrals": conversation.referrals.select_related("organisation"),
        "receivers": _by_tier(referrals.receivers_for(conversation.place)),
        "place": place_name(conversation.place, get_language() or "ja")
        if conversation.place
        else "",
        "fields": referrals.FIELDS,
        **more,
    }


def _by_tier(found: list[tuple[Organization, int]]) -> list[tuple[str, list[Organization]]]:
    """The receivers in groups, nearest first: the municipality's, the prefecture's, then
    nationwide ones."""
    from django.utils.translation import gettext as _

    names = {2: _("市区町村の団体"), 1: _("都道府県の団体"), 0: _("全国の団体")}
    return [
        (names[tier], [o for o, t in found if t == tier])
        for tier in (2, 1, 0)
        if any(t == tier for _o, t in found)
    ]


@require_GET
@COUNSEL
def case(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    return render(request, "desk/case.html", _case(request, conversation))


@require_POST
@COUNSEL
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    conversations.require_reader(request.user, conversation)
    if conversation.counsellor_id != request.user.pk:
        return _queue_error(request, ValidationError(_not_holder()))
    try:
        conversations.post(
            conversation, Sender.COUNSELLOR, request.POST.get("text", ""), request.user
        )
    except ValidationError as error:
        context = _case(request, conversation, errors=error.messages)
        return render(request, "desk/case.html", context, status=400)
    return redirect(reverse("desk_staff:case", args=[pk]) + "#latest")


def _not_holder() -> str:
    from django.utils.translation import gettext as _

    return _("この相談を担当している相談員だけが返信できます。")


@require_POST
@COUNSEL
def transfer(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    to = get_user_model().objects.filter(pk=request.POST.get("to") or 0).first()
    try:
        if to is None:
            raise ValidationError(_choose_colleague())
        conversations.transfer(conversation, request.user, to)
    except ValidationError as error:
        return _queue_error(request, error)
    return redirect("desk_staff:queue")


def _choose_colleague() -> str:
    from django.utils.translation import gettext as _

    return _("引き継ぎ先を選んでください。")


@require_POST
@COUNSEL
def close(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    conversations.require_reader(request.user, conversation)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return render(
            request, "desk/case.html", _case(request, conversation, form=form), status=400
        )
    try:
        conversations.close(conversation, request.user, **form.record())
    except ValidationError as error:
        return _queue_error(request, error)
    return redirect("desk_staff:queue")


@require_GET
@COUNSEL
def shift_page(request: HttpRequest) -> HttpResponse:
    return render(request, "desk/shift.html", {"rows": shift.load(request.user)})


@require_POST
@COUNSEL
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose a referral; the person answers it on their page before anything is sent."""
    conversation = get_object_or_404(Conversation, pk=pk)
    organisation = referrals.organisation(conversation, request.POST.get("organisation", ""))
    try:
        if organisation is None:
            raise ValidationError(_choose_organisation())
        referrals.propose(
            conversation,
            request.user,
            organisation,
            request.POST.getlist("fields"),
            request.POST.get("summary", ""),
        )
    except ValidationError as error:
        context = _case(request, conversation, errors=error.messages)
        return render(request, "desk/case.html", context, status=400)
    return redirect("desk_staff:case", pk=pk)


def _choose_organisation() -> str:
    from django.utils.translation import gettext as _

    return _("紹介先の団体を選んでください。")
