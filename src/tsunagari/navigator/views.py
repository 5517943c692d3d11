"""The guided chat page (話しながらさがす), its print view, and clearing the conversation.

Thin views over `chat` (the steps) and `navigate` (the answers). Works as plain form steps
without JavaScript (POST, then redirect); htmx, when loaded, swaps the page in place.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tsunagari.navigator.answer import Answer
from tsunagari.navigator.chat import SESSION_KEY, ChatState, answer, choices_for, previous_step
from tsunagari.navigator.finder import lines_first
from tsunagari.navigator.forms import AnswerForm
from tsunagari.navigator.navigate import navigate
from tsunagari.navigator.presenters import questions, results_context, turns_shown


def _state(request: HttpRequest) -> ChatState:
    return ChatState.load(request.session.get(SESSION_KEY))


def _save(request: HttpRequest, state: ChatState) -> None:
    request.session[SESSION_KEY] = state.dump()


def _answer(state: ChatState) -> Answer:
    return navigate(
        "",
        needs=state.needs,
        audiences=state.audiences,
        methods=state.methods,
        place=state.place or None,
        prefer_open_now=state.now,
        language=get_language() or "ja",
        known_crisis=state.known_crisis,
        written=state.written,
    )


def written_page(request: HttpRequest, written: str) -> dict[str, str] | None:
    """The same page in the language the person writes in, when the site has it and it is
    not the page's: the conversation (need codes in the session) goes with the link."""
    if (
        not written
        or written == (get_language() or "ja")
        or written not in dict(settings.LANGUAGES)
    ):
        return None
    try:
        name = get_language_info(written)["name_local"]
    except KeyError:
        name = written
    with translation.override(written):
        label = _("この案内を%(language)sで読む") % {"language": name}
    return {"code": written, "url": translate_url(request.path, written), "label": str(label)}


def _page(
    request: HttpRequest, state: ChatState, error: str = "", focus: bool = False
) -> HttpResponse:
    context: dict[str, Any] = {
        "state": state,
        "kids": state.kids and (get_language() or "ja") == "ja",
        "kids_mode": state.kids,
        "step": state.step,
        "question": questions(state),
        "choices": choices_for(state),
        "turns": turns_shown(state),
        "form": AnswerForm(initial={"step": state.step}),
        "error": error,
        "focus": focus,
        "crisis_first": state.crisis,
        "written_page": written_page(request, state.written),
    }
    if state.step == "done":
        found = _answer(state)
        context.update(results_context(found))
        context["crisis_first"] = lines_first(found)
    response = render(request, "navigator/chat.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def chat(request: HttpRequest) -> HttpResponse:
    state = _state(request)
    if request.method == "GET":
        if "kids" in request.GET:
            state.kids = request.GET["kids"] == "1"
            _save(request, state)
            return redirect("navigator:chat")
        return _page(request, state, focus=bool(state.turns))
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _page(request, state, error="choose")
    data = form.cleaned_data
    action = data.get("action") or "answer"
    if data["step"] != state.step and action != "text":
        return redirect("navigator:chat")  # an old form (back button): show where we are
    if action == "back":
        state.step = previous_step(state)
    elif action == "results":
        state.step = "done"
    else:
        outcome = answer(
            state,
            choice=data.get("choice", ""),
            text=data.get("text", ""),
            place=data.get("place", ""),
            skip=action == "skip",
        )
        if outcome.error:
            _save(request, state)
            return _page(request, state, error=outcome.error, focus=True)
    _save(request, state)
    return HttpResponseRedirect(reverse("navigator:chat") + "#question")


@require_POST
def clear(request: HttpRequest) -> HttpResponse:
    """会話を消す: the conversation leaves the session (the children's mode stays if chosen)."""
    kids = _state(request).kids
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
    if kids:
        _save(request, ChatState(kids=True))
    return redirect("navigator:chat")


def print_view(request: HttpRequest) -> HttpResponse:
    """The answers on one page to print or save as PDF; nothing is stored on the server."""
    state = _state(request)
    found = _answer(state)
    context = {
        "kids": state.kids and (get_language() or "ja") == "ja",
        "turns": turns_shown(state),
        "checked_on": timezone.localdate(),
        "crisis_first": lines_first(found),
        **results_context(found),
    }
    response = render(request, "navigator/print.html", context)
    response["Cache-Control"] = "no-store"
    return response
