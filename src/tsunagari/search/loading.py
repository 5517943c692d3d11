"""Services with their phones, hours, areas and terms, read in bulk for indexing.

Django's prefetch_related builds a queryset per service and relation, about 2 ms a service:
minutes for a national directory. Here each relation is one query per chunk of services,
and the rows are handed to the services as their prefetched relations, so that the model's
own methods (`hours()`, `codes()`, `phones.all()`) work unchanged without a query.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Model

from tsunagari.directory.models import (
    Closure,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    TaxonomyTerm,
)

CHUNK = 1000
RELATIONS: tuple[tuple[str, type[Model], tuple[str, ...]], ...] = (
    ("phones", Phone, ("position",)),
    ("schedules", Schedule, ("position",)),
    ("closures", Closure, ("start",)),
    ("areas", ServiceArea, ("kind", "code")),
)


def _grouped(model: type[Model], ids: list[uuid.UUID], order: tuple[str, ...]) -> dict[Any, list]:
    rows: dict[Any, list[Model]] = defaultdict(list)
    for row in model._default_manager.filter(service_id__in=ids).order_by(*order):
        rows[row.service_id].append(row)  # type: ignore[attr-defined]
    return rows


def attach_details(services: list[Service]) -> list[Service]:
    """Give each service its related rows, as `Service.objects.with_details()` would."""
    ids = [s.id for s in services]
    related = {name: _grouped(model, ids, order) for name, model, order in RELATIONS}
    terms = {t.id: t for t in TaxonomyTerm.objects.all()}
    links: dict[uuid.UUID, list[TaxonomyTerm]] = defaultdict(list)
    through = Service.terms.through.objects.filter(service_id__in=ids)
    for service_id, term_id in through.values_list("service_id", "taxonomyterm_id"):
        links[service_id].append(terms[term_id])
    for service in services:
        cache = {name: related[name].get(service.id, []) for name in related}
        cache["terms"] = links.get(service.id, [])
        service._prefetched_objects_cache = cache  # type: ignore[attr-defined]
    return services


def listed_in_chunks(ids: Iterable[uuid.UUID] | None = None) -> Iterator[list[Service]]:
    """Every service not ended by its status (or those of `ids`), with details, a chunk at a
    time; the index leaves out those whose window is over when it is searched."""
    services = (
        Service.objects.not_ended().select_related("organization", "local_kind").order_by("slug")
    )
    if ids is not None:
        services = services.filter(id__in=list(ids))
    chunk: list[Service] = []
    for service in services.iterator(chunk_size=CHUNK):
        chunk.append(service)
        if len(chunk) == CHUNK:
            yield attach_details(chunk)
            chunk = []
    if chunk:
        yield attach_details(chunk)
