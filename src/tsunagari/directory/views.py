"""The curators' staleness page: what is due for a check, what is overdue, what changed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tsunagari.directory.curation import staleness
from tsunagari.directory.provenance import DUE_SOON_DAYS
from tsunagari.staff.access import permission_required
from tsunagari.staff.roles import Permission


@permission_required(Permission.CURATE_DIRECTORY)
def staleness_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/staleness.html",
        {
            "report": staleness(timezone.localdate()),
            "due_soon_days": DUE_SOON_DAYS,
            "crisis_days": settings.DIRECTORY_CRISIS_STALE_AFTER_DAYS,
            "other_days": settings.DIRECTORY_STALE_AFTER_DAYS,
        },
    )
