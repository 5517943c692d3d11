"""The service page: everything a person needs before calling."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language

from tsunagari.directory.models import Service
from tsunagari.web.service_page import service_page


def service(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Service.objects.with_details(), slug=slug)
    page = service_page(found, get_language() or "ja", timezone.now())
    return render(request, "web/service.html", {"page": page})
