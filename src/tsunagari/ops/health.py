"""/healthz for load balancers and /metrics for Prometheus; neither sets a cookie."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when this process answers and its database does; 503 when the database does not
    (the public pages still answer, with the crisis lines, but this server is degraded)."""
    database = database_answers()
    return JsonResponse(
        {"status": "ok" if database else "degraded", "database": "ok" if database else "down"},
        status=200 if database else 503,
    )


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus' text format (django-prometheus: requests by view, method and status).

    With TSUNAGARI_METRICS_TOKEN set, only a request carrying it as a bearer token is
    answered; without one, production hides the metrics and a local run shows them.
    """
    token = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise Http404
    elif settings.PRODUCTION:
        raise Http404
    from django_prometheus.exports import ExportToDjangoView

    return ExportToDjangoView(request)
