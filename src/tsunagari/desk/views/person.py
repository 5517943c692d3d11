"""The person's side (相談する): anonymous, no name or number asked; every step works as a
plain form and a page, and desk.js adds live updates (WebSocket, else polling) on top."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tsunagari.desk import conversations, referrals, transcript
from tsunagari.desk.models import Conversation, Sender, Status
from tsunagari.desk.sockets import SESSION_KEY
from tsunagari.directory.area_names import place_name
from tsunagari.navigator.urgency import CRISIS_FROM

NO_AREA_KIDS = gettext_lazy(
    "その ばしょは みつかりませんでした。けんや まちの なまえ、または ゆうびんばんごうを かいてね。"
)


def _private(response: HttpResponse) -> HttpResponse:
    """Never kept by the browser: Back after quick exit asks this site again."""
    response["Cache-Control"] = "no-store"
    return response


def held(request: HttpRequest) -> Conversation | None:
    """The conversation this browser holds (its session), if any."""
    pk = request.session.get(SESSION_KEY)
    return Conversation.objects.filter(pk=pk).first() if pk else None


def _kids_suffix(request: HttpRequest) -> str:
    return "?kids=1" if request.GET.get("kids") == "1" or request.POST.get("kids") == "1" else ""


def _kids(request: HttpRequest) -> bool:
    """The children's mode (やさしい日本語), also on a form's answer (its hidden field)."""
    return bool(_kids_suffix(request)) and (get_language() or "ja") == "ja"


@require_GET
def start_page(request: HttpRequest) -> HttpResponse:
    return _private(render(request, "desk/start.html", {"held": held(request)}))


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """Open a conversation with its first message; the page shows the private code once."""
    text = request.POST.get("text", "")
    try:
        conversations.checked_text(text)
    except ValidationError as error:
        return _refused(request, "desk/start.html", error)
    language = "kids" if _kids_suffix(request) else (get_language() or "ja")
    conversation, code = conversations.start(language)
    conversations.post(conversation, Sender.PERSON, text)
    request.session[SESSION_KEY] = conversation.pk
    return _private(render(request, "desk/code.html", {"code": code}))


@require_POST
def come_back(request: HttpRequest) -> HttpResponse:
    conversation = conversations.returning(request.POST.get("code", ""))
    if conversation is None:
        error = ValidationError(
            _("このコードの相談は見つかりません（終わったか、期限が過ぎました）。")
        )
        return _refused(request, "desk/start.html", error)
    request.session[SESSION_KEY] = conversation.pk
    return redirect(_chat_path(request))


def _chat_path(request: HttpRequest) -> str:
    return reverse("desk:chat") + _kids_suffix(request)


def _refused(request: HttpRequest, template: str, error: ValidationError) -> HttpResponse:
    context = {
        "errors": error.messages,
        "held": held(request),
        "text": request.POST.get("text", ""),
    }
    response = render(request, template, context, status=400)
    return _private(response)


@require_GET
def chat(request: HttpRequest) -> HttpResponse:
    conversation = held(request)
    if conversation is None:
        return redirect("desk:start")
    return _private(render(request, "desk/chat.html", _chat_context(request, conversation)))


def _chat_context(
    request: HttpRequest, conversation: Conversation, **more: object
) -> dict[str, object]:
    return {
        "kids": _kids(request),
        "conversation": conversation,
        "lines": transcript.own(conversation),
        "ahead": conversations.ahead_of(conversation),
        "wait": conversations.expected_wait_minutes(conversation),
        "crisis_first": conversation.level >= CRISIS_FROM,
        "proposal": referrals.pending_for(conversation),
        "fields": referrals.FIELDS,
        "place": _place_name(conversation),
        **more,
    }


def _place_name(conversation: Conversation) -> str:
    place = conversation.place
    return place_name(place, get_language() or "ja") if place else ""


@require_POST
def area(request: HttpRequest) -> HttpResponse:
    """The area the person chooses to tell (or stops telling): a prefecture, a municipality
    or a postcode, kept as its code only; the counsellor's referrals come from it."""
    conversation = held(request)
    if conversation is None or not conversation.is_open:
        return HttpResponseBadRequest(_("相談が見つかりません。はじめからやり直してください。"))
    try:
        told = "" if "clear" in request.POST else request.POST.get("area", "")
        conversations.tell_area(conversation, told)
    except ValidationError as error:
        kids = error.code == "no_area" and _kids(request)
        context = _chat_context(
            request, conversation, errors=[NO_AREA_KIDS] if kids else error.messages
        )
        return _private(render(request, "desk/chat.html", context, status=400))
    return redirect(_chat_path(request))


@require_POST
def send(request: HttpRequest) -> HttpResponse:
    conversation = held(request)
    if conversation is None:
        return HttpResponseBadRequest(_("相談が見つかりません。はじめからやり直してください。"))
    try:
        conversations.post(conversation, Sender.PERSON, request.POST.get("text", ""))
    except ValidationError as error:
        context = _chat_context(
            request, conversation, errors=error.messages, text=request.POST.get("text", "")
        )
        return _private(render(request, "desk/chat.html", context, status=400))
    return redirect(_chat_path(request) + "#latest")


@require_POST
def end(request: HttpRequest) -> HttpResponse:
    conversation = held(request)
    if conversation is not None:
        conversations.leave(conversation)
    request.session.pop(SESSION_KEY, None)
    return _private(render(request, "desk/ended.html"))


@require_GET
def since(request: HttpRequest) -> HttpResponse:
    """The polling fallback: messages after ?after=<number> (Message.seq), and the status."""
    conversation = held(request)
    try:
        after = int(request.GET.get("after", "0"))
    except ValueError:
        return JsonResponse({"error": "after must be a message number"}, status=400)
    if conversation is None:
        return JsonResponse({"status": Status.LEFT, "messages": []})
    lines = [line.as_dict() for line in transcript.own(conversation, after)]
    proposal = referrals.pending_for(conversation) is not None
    answer = {"status": conversation.status, "messages": lines, "proposal": proposal}
    return _private(JsonResponse(answer))


@require_GET
def copy(request: HttpRequest) -> HttpResponse:
    """The person's own copy, as a text file."""
    conversation = held(request)
    if conversation is None:
        return redirect("desk:start")
    names = {Sender.PERSON.value: _("あなた"), Sender.COUNSELLOR.value: _("相談員")}
    body = transcript.as_text(conversation, transcript.own(conversation), names)
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="soudan.txt"'
    return _private(response)


def end_held(request: HttpRequest) -> None:
    """Quick exit (web.views.exit.leave) ends the chat this browser holds."""
    conversation = held(request)
    if conversation is not None:
        conversations.leave(conversation)


@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    """The person's explicit answer to a proposed referral, field by field."""
    conversation = held(request)
    proposal = referrals.pending_for(conversation) if conversation else None
    if conversation is None or proposal is None:
        return HttpResponseBadRequest(_("答える紹介がありません。"))
    agreed = request.POST.getlist("share") if request.POST.get("answer") == "yes" else []
    values = {field: request.POST.get(field, "") for field in referrals.FIELDS}
    try:
        referrals.consent(proposal, agreed, values)
    except ValidationError as error:
        context = _chat_context(request, conversation, errors=error.messages)
        return _private(render(request, "desk/chat.html", context, status=400))
    return redirect(_chat_path(request))
