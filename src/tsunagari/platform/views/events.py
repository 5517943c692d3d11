"""Events and training in public: the list, each event, and taking a seat (a count)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagari.platform.models import Event
from tsunagari.platform.training import trained_by_prefecture_and_year


def events(request: HttpRequest) -> HttpResponse:
    upcoming = Event.objects.public().filter(ends_at__gte=timezone.now()).select_related("body")
    context = {"events": upcoming, "trained": trained_by_prefecture_and_year()}
    return render(request, "platform/events.html", context)


def event(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Event.objects.public().select_related("body", "platform"), pk=pk)
    return render(request, "platform/event.html", {"event": found, "now": timezone.now()})


@require_POST
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    """Take one seat: nothing about the person is stored, only the count, and never past
    the capacity (one conditional UPDATE, so two last-seat sign-ups cannot both win)."""
    found = get_object_or_404(Event.objects.public(), pk=pk)
    if found.ends_at < timezone.now():
        messages.error(request, _("この催しは終了しました。"))
        return redirect("platform:event", pk=pk)
    taken = Event.objects.filter(pk=pk, signups__lt=F("capacity")).update(signups=F("signups") + 1)
    if taken:
        messages.success(
            request,
            _("申し込みました（人数のみ記録しています）。詳細は主催者の案内をご確認ください。"),
        )
    else:
        messages.error(request, _("定員に達しました。"))
    return redirect("platform:event", pk=pk)
