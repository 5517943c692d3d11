"""Local help's changes and their review, as named operations.

A member of a body submits a plan (an upload or an edit); it waits in a Proposal and the
public directory stays as it was. Someone other than its author who keeps local help for
the area (a member of the municipality or prefecture there) or a curator publishes it: in
one transaction every entry is written with the body as its owner and every withdrawn one
set inactive, each to the audit log; a return changes nothing public. Publishing checks
again that the body may still write every entry (another body may have taken an id since
the preview). Each operation raises PermissionDenied when the user may not act,
SelfApproval when they would decide on their own proposal, WorkflowError when the
proposal's state does not allow the step, and Rejected (publish) naming the entries the
body may no longer write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from tsunagari.directory.bundle import AreaEntry, OrganizationEntry, ServiceEntry
from tsunagari.directory.importer import sync_taxonomy
from tsunagari.directory.models import Organization, Service, TaxonomyTerm
from tsunagari.directory.records import write_organization, write_service
from tsunagari.localhelp.changes import (
    Plan,
    Problem,
    Rejected,
    check,
    covers,
    organization_slug,
)
from tsunagari.localhelp.models import Proposal
from tsunagari.staff import access
from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Permission

EDIT = Permission.EDIT_LOCAL_HELP


TAKEN_MEANWHILE = (
    "このIDは、同じ時に別の公開で作られました。内容を確かめてから、別のIDで申請してください"
)


class WorkflowError(ValueError):
    """The step does not apply to the proposal's current state."""


class SelfApproval(PermissionDenied):
    """Four eyes: whoever wrote a proposal may not publish or return it."""


def draft(user: Any, body: Body, plan: Plan, source: str) -> Proposal:
    """Keep a plan for its preview; nothing is submitted or public yet."""
    access.require(user, EDIT, [body])
    return Proposal.objects.create(
        body=body,
        author=user,
        source=source[:200],
        entries=[e.model_dump(mode="json", by_alias=True) for e in plan.entries],
        withdraw=list(plan.withdraw),
        areas=areas_of(plan.entries),
        summary={
            **plan.summary(),
            "changes": [[c.kind, c.slug, c.name, list(c.fields)] for c in plan.changes],
        },
    )


@transaction.atomic
def submit(user: Any, proposal: Proposal) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    access.require(user, EDIT, [proposal.body])
    if proposal.state not in (Proposal.State.DRAFT, Proposal.State.RETURNED):
        raise WorkflowError("only a draft or a returned proposal can be submitted")
    before = snapshot(proposal)
    proposal.state = Proposal.State.SUBMITTED
    proposal.save()
    log_action(user, "localhelp.proposal.submitted", proposal, body=proposal.body, before=before)
    return proposal


def areas_of(entries: Iterable[ServiceEntry]) -> list[dict[str, list[str]]]:
    """The distinct areas of `entries` (a municipality's file has one or a few)."""
    found: dict[str, dict[str, list[str]]] = {}
    for entry in entries:
        if isinstance(entry.area, AreaEntry):
            area = entry.area.model_dump(mode="json")
            found.setdefault(json.dumps(area, sort_keys=True), area)
    return list(found.values())


def entries_of(proposal: Proposal) -> list[ServiceEntry]:
    return [ServiceEntry.model_validate(e) for e in proposal.entries]


def can_decide(user: Any, proposal: Proposal) -> bool:
    """A curator, or a member who keeps local help for a municipality or prefecture whose
    area holds every entry of the proposal (for an NPO's place: the place's municipality)."""
    if access.can(user, Permission.CURATE_DIRECTORY):
        return True
    areas = [AreaEntry.model_validate(area) for area in proposal.areas]
    public = [
        b for b in access.bodies_where(user, EDIT) if b.kind in (Kind.MUNICIPALITY, Kind.PREFECTURE)
    ]
    return bool(areas) and any(all(covers(b, area) for area in areas) for b in public)


def _decidable(user: Any, proposal: Proposal) -> None:
    if proposal.author_id == user.pk:
        raise SelfApproval("a proposal is decided by someone who did not write it")
    if not can_decide(user, proposal):
        raise PermissionDenied("not a reviewer of local help for this area")
    if proposal.state != Proposal.State.SUBMITTED:
        raise WorkflowError("only a submitted proposal can be decided")


@transaction.atomic
def publish(user: Any, proposal: Proposal) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _decidable(user, proposal)
    body = proposal.body
    entries = entries_of(proposal)
    locked = Service.objects.select_for_update().filter(slug__in=[e.id for e in entries])
    known = {service.slug for service in locked}
    check(body, entries)
    terms = sync_taxonomy()
    own = write_organization(_organization(body))
    for index, entry in sorted(enumerate(entries), key=lambda e: bool(e[1].local_kind)):
        existing = Service.objects.filter(slug=entry.id).select_related("organization").first()
        before = snapshot(existing) if existing else None
        org = existing.organization if existing else own  # an NPO's place keeps its provider
        entry = entry.model_copy(update={"organization": org.slug})
        service = _written(entry, org, terms, index, new=entry.id not in known)
        service.owner = body
        service.save(update_fields=["owner"])
        log_action(user, "localhelp.service.published", service, body=body, before=before)
    for service in Service.objects.filter(slug__in=proposal.withdraw, owner=body):
        before = snapshot(service)
        service.status = Service.Status.INACTIVE
        service.save(update_fields=["status", "last_modified"])
        log_action(user, "localhelp.service.withdrawn", service, body=body, before=before)
    # Each written service's own save re-indexes it once this commits (search's signals).
    return _decide(user, proposal, Proposal.State.PUBLISHED, "")


@transaction.atomic
def return_(user: Any, proposal: Proposal, comment: str) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _decidable(user, proposal)
    if not comment.strip():
        raise WorkflowError("a returned proposal needs a comment")
    return _decide(user, proposal, Proposal.State.RETURNED, comment.strip())


def _written(
    entry: ServiceEntry,
    organization: Organization,
    terms: dict[tuple[str, str], TaxonomyTerm],
    index: int,
    *,
    new: bool,
) -> Service:
    """The entry written. An id that had no row to lock is only inserted: if another publish
    made the same id meanwhile (committed before, or while this insert waited on the unique
    slug), this publish is refused with the id named, and nothing of it is written."""
    if new and Service.objects.filter(slug=entry.id).exists():
        raise Rejected([Problem(index, "id", TAKEN_MEANWHILE)])
    try:
        with transaction.atomic():
            return write_service(entry, organization, terms, new=new)
    except IntegrityError as error:
        if not new:
            raise
        raise Rejected([Problem(index, "id", TAKEN_MEANWHILE)]) from error


def _decide(user: Any, proposal: Proposal, state: str, comment: str) -> Proposal:
    before = snapshot(proposal)
    proposal.state = state
    proposal.comment = comment
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save()
    action = "published" if state == Proposal.State.PUBLISHED else "returned"
    log_action(user, f"localhelp.proposal.{action}", proposal, body=proposal.body, before=before)
    return proposal


def _organization(body: Body) -> OrganizationEntry:
    public = body.kind in (Kind.MUNICIPALITY, Kind.PREFECTURE)
    return OrganizationEntry(
        id=organization_slug(body),
        name=body.name,
        name_en=body.name_en,
        kind="local-government" if public else "npo",
    )
