"""A synthetic directory for the benchmark: many services over every municipality.

Names and descriptions are built from the taxonomy's labels, municipality names and varied
phrases, so that the text looks like the directory's (and analyses like it); hours, areas,
phones and languages vary as real entries do. Deterministic for a given seed. Never loaded
outside a throw-away database.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import JSONField, Model
from django.utils import timezone

from tsunagari.directory.areas import Municipality, municipalities
from tsunagari.directory.importer import sync_taxonomy
from tsunagari.directory.models import (
    Closure,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    stable_id,
)
from tsunagari.directory.taxonomy import load_taxonomy

BATCH = 2000
KINDS = (
    "相談窓口",
    "支援センター",
    "相談室",
    "ほっとライン",
    "サポートステーション",
    "相談ダイヤル",
    "居場所",
    "チャット相談",
    "こころの相談",
    "暮らしの相談所",
)
PROVIDERS = ("社会福祉協議会", "NPO法人ひだまり", "NPO法人あおぞら", "一般社団法人つむぎ", "市役所")
OPENINGS = (
    "{need}について、専門の相談員がお話を伺います。",
    "{need}に悩む方のための{kind}です。",
    "{place}にお住まいの方の{need}の相談を受け付けています。",
    "ひとりで抱え込まずに、{need}のことを気軽に相談してください。",
    "{need}で困っている{audience}を支援します。",
)
MIDDLES = (
    "電話での相談のほか、来所での面談もできます。",
    "LINEやチャットでの相談にも対応しています。",
    "秘密は守られます。匿名でも相談できます。",
    "必要に応じて、関係機関や専門の窓口におつなぎします。",
    "ご家族や周りの方からの相談も受け付けています。",
    "予約制です。まずはお電話ください。",
    "相談は無料です。",
    "夜間や休日も相談できる日があります。",
    "訪問による支援も行っています。",
    "同じ悩みを持つ人どうしが集まる場もあります。",
)
CLOSINGS = (
    "{place}内の{kind}です。",
    "{provider}が運営しています。",
    "詳しくはウェブサイトをご覧ください。",
    "",
)
WEEKDAYS = "MO,TU,WE,TH,FR"
# (byday or monthdays, opens, closes, holidays, year-end closure)
TIMETABLES: tuple[tuple[str, str, str, str, bool], ...] = (
    (WEEKDAYS, "09:00", "17:00", "closed", True),
    (WEEKDAYS, "08:30", "17:15", "closed", True),
    (WEEKDAYS, "10:00", "16:00", "closed", True),
    ("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00", "open", False),
    ("MO,TU,WE,TH,FR,SA,SU", "17:00", "22:00", "open", False),
    ("MO,TU,WE,TH,FR,SA,SU", "20:00", "02:00", "unknown", False),
    ("TU,TH", "13:00", "19:00", "closed", True),
    ("SA,SU", "10:00", "18:00", "open", False),
    ("day:10", "08:00", "08:00", "open", False),
    ("", "", "", "unknown", False),  # hours not known
)


@dataclass(frozen=True)
class Sizes:
    services: int
    organizations: int


def _pick(rng: random.Random, items: tuple[str, ...] | list[str], k: int) -> list[str]:
    return rng.sample(list(items), k)


def _description(rng: random.Random, need: str, audience: str, place: str, kind: str) -> str:
    fill = {
        "need": need,
        "audience": audience,
        "place": place,
        "kind": kind,
        "provider": rng.choice(PROVIDERS),
    }
    parts = [rng.choice(OPENINGS), *_pick(rng, MIDDLES, rng.randint(1, 3)), rng.choice(CLOSINGS)]
    return "".join(p.format(**fill) for p in parts)


def _phone(rng: random.Random) -> str:
    return rng.choice(
        (
            f"0120-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
            f"0{rng.randint(3, 99)}-{rng.randint(100, 9999)}-{rng.randint(1000, 9999)}",
            f"0570-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
        )
    )


def _service_rows(count: int, rng: random.Random, orgs: list[Any]) -> Iterator[dict[str, Any]]:
    taxonomy = load_taxonomy()
    needs = list(taxonomy.needs.values())
    audiences = list(taxonomy.audiences.values())
    places = list(municipalities().values())
    for i in range(count):
        place: Municipality = places[i % len(places)]
        need = rng.choice(needs)
        audience = rng.choice(audiences)
        kind = rng.choice(KINDS)
        slug = f"synthetic-{i:06d}"
        yield {
            "id": stable_id("service", slug),
            "slug": slug,
            "organization_id": orgs[i % len(orgs)],
            "name": f"{place.name}{need.ja.split('・')[0]}{kind}",
            "name_en": f"{place.kana} {need.en} {i}",
            "description": _description(rng, need.ja, audience.ja, place.full_name, kind),
            "description_en": f"Support for {need.en.lower()} for {audience.en.lower()}.",
            "source_url": f"https://example.org/{i}",
            "verified_on": dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
            "crisis_line": i % 500 == 0,
            "languages": ["ja", "en"] if i % 10 == 0 else ["ja"],
            "keywords": [need.ja.split("・")[0], place.name] if i % 3 == 0 else [],
            "status": "inactive" if i % 200 == 1 else "active",
        }


def _related(
    service: dict[str, Any], index: int, rng: random.Random, terms: dict[tuple[str, str], Any]
) -> dict[type[Model], list[dict[str, Any]]]:
    sid = service["id"]
    rows: dict[type[Model], list[dict[str, Any]]] = defaultdict(list)
    rows[Phone].append({"service_id": sid, "number": _phone(rng), "position": 0})
    days, opens, closes, holidays, year_end = TIMETABLES[index % len(TIMETABLES)]
    service["holidays"] = holidays
    hours = {"service_id": sid, "opens_at": opens, "closes_at": closes, "position": 0}
    if days.startswith("day:"):
        rows[Schedule].append({**hours, "bymonthday": days[4:]})
    elif days:
        rows[Schedule].append({**hours, "byday": days})
    if year_end:
        rows[Closure].append(
            {"service_id": sid, "start": "12-29", "end": "01-03", "description": "年末年始"}
        )
    spread = index % 10
    code = _municipality_codes()[index % len(_municipality_codes())]
    if spread == 0:
        rows[ServiceArea].append({"service_id": sid, "kind": "nationwide", "code": ""})
    elif spread < 3:
        rows[ServiceArea].append({"service_id": sid, "kind": "prefecture", "code": code[:2]})
    else:
        rows[ServiceArea].append({"service_id": sid, "kind": "municipality", "code": code})
    chosen = [terms[("needs", c)] for c in _pick(rng, _codes(terms, "needs"), rng.randint(1, 3))]
    chosen += [terms[("audiences", c)] for c in _pick(rng, _codes(terms, "audiences"), 1)]
    chosen += [terms[("methods", c)] for c in _pick(rng, _codes(terms, "methods"), 2)]
    through = Service.terms.through
    rows[through] = [{"service_id": sid, "taxonomyterm_id": t.id} for t in chosen]
    return rows


@cache
def _municipality_codes() -> list[str]:
    return list(municipalities())


def _codes(terms: dict[tuple[str, str], Any], kind: str) -> list[str]:
    return [code for k, code in terms if k == kind]


def _insert(model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Plain INSERTs of prepared values: the ORM's per-object work dominates at this size."""
    db = connections[DEFAULT_DB_ALIAS]
    fields = [f for f in model._meta.concrete_fields if not f.db_returning]  # not serial ids
    now = timezone.now()
    values = []
    for row in rows:
        prepared: list[Any] = []
        for f in fields:
            if f.attname in row:
                value = row[f.attname]
            elif getattr(f, "auto_now", False):
                value = now
            else:
                value = f.get_default()
            plain = isinstance(value, str | int | float) and not isinstance(f, JSONField)
            prepared.append(value if plain else f.get_db_prep_save(value, db))
        values.append(prepared)
    columns = ", ".join(db.ops.quote_name(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = db.ops.quote_name(model._meta.db_table)
    with db.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)


def load(count: int, seed: int = 1) -> Sizes:
    """Write `count` synthetic services (and their rows) in batches; returns what was made."""
    rng = random.Random(seed)
    terms = sync_taxonomy()
    orgs = [
        {
            "id": stable_id("organization", f"synthetic-org-{i}"),
            "slug": f"synthetic-org-{i}",
            "name": f"{p}（{i}）",
            "kind": "npo",
        }
        for i, p in enumerate(PROVIDERS * 20)
    ]
    _insert(Organization, orgs)
    made = 0
    batch: list[dict[str, Any]] = []
    for service in _service_rows(count, rng, [o["id"] for o in orgs]):
        batch.append(service)
        if len(batch) == BATCH:
            made += _write(batch, made, rng, terms)
            batch = []
    if batch:
        made += _write(batch, made, rng, terms)
    return Sizes(made, len(orgs))


def _write(
    batch: list[dict[str, Any]], start: int, rng: random.Random, terms: dict[tuple[str, str], Any]
) -> int:
    related: dict[type[Model], list[dict[str, Any]]] = defaultdict(list)
    for offset, service in enumerate(batch):
        for model, rows in _related(service, start + offset, rng, terms).items():
            related[model] += rows
    with transaction.atomic():
        _insert(Service, batch)
        for model, rows in related.items():
            _insert(model, rows)
    return len(batch)
