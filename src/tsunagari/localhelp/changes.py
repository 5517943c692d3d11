"""What a body's file or form would change in the directory (追加・変更・掲載終了), and
whether the body may make those changes: computed before anything is written.

A municipality keeps the entries of its own area, a prefecture those of its prefecture,
an organisation its own places (wherever they are); no body touches another's entry. An
entry nobody owns yet (an official window from the national seed) is adopted only by the
municipality or prefecture whose area holds it, never by an organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tsunagari.directory.areas import designated_city, municipality
from tsunagari.directory.bundle import AreaEntry, ServiceEntry
from tsunagari.directory.models import Service
from tsunagari.directory.records import service_to_entry
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind

LOCAL_SCOPES = (Service.Scope.LOCAL, Service.Scope.PLACE)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one entry (by its place in the input) and in which field."""

    index: int
    field: str
    message: str


class Rejected(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = list(problems)


@dataclass(frozen=True)
class Change:
    kind: str  # add | change | withdraw
    slug: str
    name: str
    fields: tuple[str, ...] = ()  # what a change changes


@dataclass(frozen=True)
class Plan:
    entries: tuple[ServiceEntry, ...]
    withdraw: tuple[str, ...]
    changes: tuple[Change, ...]

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)

    def summary(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in ("add", "change", "withdraw")}


def organization_slug(body: Body) -> str:
    """The directory's provider for a body's own entries."""
    return f"body-{body.kind.replace('_', '-')}-{body.code}".lower()


def covers(body: Body, area: AreaEntry) -> bool:
    """Whether every area of an entry lies within the body's own."""
    if body.kind == Kind.ORGANISATION:
        return True
    if body.kind == Kind.PREFECTURE:
        codes = [*area.prefectures, *(c[:2] for c in area.municipalities)]
        return bool(codes) and all(code == body.code for code in codes)
    if body.kind == Kind.MUNICIPALITY and not area.prefectures and area.municipalities:
        return all(_within_municipality(body.code, code) for code in area.municipalities)
    return False


def _within_municipality(own: str, code: str) -> bool:
    if code == own:
        return True
    found = municipality(code)
    city = designated_city(found) if found else None
    return city is not None and city.code == own


def _may_adopt(body: Body, existing: Service) -> bool:
    area = service_to_entry(existing).area
    public = body.kind in (Kind.MUNICIPALITY, Kind.PREFECTURE)
    return public and isinstance(area, AreaEntry) and covers(body, area)


def _problems(
    body: Body, index: int, entry: ServiceEntry, existing: Service | None
) -> list[Problem]:
    found = []
    if entry.scope not in LOCAL_SCOPES:
        found.append(Problem(index, "scope", "地域の窓口か居場所だけを登録できます"))
    if isinstance(entry.area, AreaEntry) and not covers(body, entry.area):
        found.append(Problem(index, "area", f"{body.name}の地域の外です"))
    if existing is not None and existing.scope not in LOCAL_SCOPES:
        found.append(Problem(index, "id", "全国の窓口と同じIDです。別のIDにしてください"))
    elif existing is not None and existing.owner_id not in (None, body.pk):
        found.append(Problem(index, "id", "別の所属が管理している窓口のIDです"))
    elif existing is not None and existing.owner_id is None and not _may_adopt(body, existing):
        found.append(Problem(index, "id", "その地域の自治体が管理する窓口のIDです"))
    if (
        entry.local_kind
        and not Service.objects.filter(
            slug=entry.local_kind, scope=Service.Scope.LOCAL_KIND
        ).exists()
    ):
        found.append(Problem(index, "local_kind", "その窓口の種類はありません"))
    return found


def check(body: Body, entries: Sequence[ServiceEntry]) -> dict[str, Service]:
    """The entries of the directory that `entries` would change, by id, once `body` may
    make every change; raises Rejected with every problem, naming each entry by its place
    in `entries`. Run on the preview and again when publishing (owners change meanwhile)."""
    slugs = [e.id for e in entries]
    existing = {s.slug: s for s in Service.objects.with_details().filter(slug__in=slugs)}
    seen: set[str] = set()
    problems = []
    for index, slug in enumerate(slugs):
        if slug in seen:
            problems.append(Problem(index, "id", "同じIDが2回あります"))
        seen.add(slug)
    for index, entry in enumerate(entries):
        problems += _problems(body, index, entry, existing.get(entry.id))
    if problems:
        raise Rejected(problems)
    return existing


def plan(body: Body, entries: Sequence[ServiceEntry], *, complete: bool) -> Plan:
    """The changes `entries` make for `body`; with `complete`, the body's own entries that
    are not among them are withdrawn (a municipality's file lists all of its windows).
    Raises Rejected as `check` does."""
    slugs = [e.id for e in entries]
    existing = check(body, entries)
    changes = [_change(entry, existing.get(entry.id)) for entry in entries]
    withdraw: tuple[str, ...] = ()
    if complete:
        kept = (
            Service.objects.filter(owner=body, scope__in=LOCAL_SCOPES)
            .not_ended()
            .exclude(slug__in=slugs)
        )
        withdraw = tuple(kept.values_list("slug", flat=True))
        changes += [Change("withdraw", s.slug, s.name) for s in kept]
    return Plan(tuple(entries), withdraw, tuple(c for c in changes if c is not None))


def _change(entry: ServiceEntry, existing: Service | None) -> Change | None:
    if existing is None:
        return Change("add", entry.id, entry.name)
    before = service_to_entry(existing)
    after = entry.canonical().model_copy(update={"organization": before.organization})
    fields = tuple(
        name for name in type(entry).model_fields if getattr(before, name) != getattr(after, name)
    )
    if not fields and existing.status == Service.Status.ACTIVE:
        return None
    return Change("change", entry.id, entry.name, fields or ("status",))
