"""Keep the index in step with the directory: imports, admin edits, deletions.

Every write of a service (an import, a published local entry, the admin) saves the Service
row, and its parts are written with it, so the model signals are the one way changes arrive.
Changed services are indexed again once the transaction commits (or, inside a transaction
that never commits here, such as a test's, before the next search).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from tsunagari.directory.models import (
    Closure,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    TaxonomyTerm,
)
from tsunagari.search import follow, index

log = logging.getLogger(__name__)


def _flush() -> None:
    try:
        follow.announce_noted()
    except DatabaseError:
        log.exception("other servers not told of a change: their freshness check will find it")
    try:
        index.flush()
    except Exception:
        # A save or an import has committed: it must not fail for the index's sake. The
        # services stay pending, and the next search (or the freshness check) indexes them.
        log.exception("search index not updated; will retry at the next search")


def _changed(ids: Iterable[uuid.UUID]) -> None:
    ids = [i for i in ids if i]
    if ids:
        index.mark_changed(ids)
        follow.note(ids)
        transaction.on_commit(_flush)


def on_service(sender: Any, instance: Service, **kwargs: Any) -> None:
    _changed([instance.id])


def on_part(sender: Any, instance: Phone | Schedule | Closure | ServiceArea, **kwargs: Any) -> None:
    _changed([instance.service_id])


def on_organization(sender: Any, instance: Organization, **kwargs: Any) -> None:
    _changed(instance.services.values_list("id", flat=True))


def on_term(sender: Any, instance: TaxonomyTerm, **kwargs: Any) -> None:
    _changed(instance.services.values_list("id", flat=True))


def on_terms_set(
    sender: Any, instance: Any, action: str, pk_set: set[Any] | None, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Service):
        _changed([instance.id])
    elif pk_set:
        _changed(pk_set)


def connect() -> None:
    for model, handler in (
        (Service, on_service),
        (Phone, on_part),
        (Schedule, on_part),
        (Closure, on_part),
        (ServiceArea, on_part),
        (Organization, on_organization),
        (TaxonomyTerm, on_term),
    ):
        post_save.connect(handler, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"search-delete-{model.__name__}")
    m2m_changed.connect(on_terms_set, sender=Service.terms.through, dispatch_uid="search-terms")
