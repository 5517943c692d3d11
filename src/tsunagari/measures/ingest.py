"""`tsunagari measures ingest`: the two seeds → the database, in one transaction.

Idempotent: measures are matched by plan and number (2024) or page (2023), indicators by
their cell, name and unit, observations by fiscal year; a row is saved only when a value
differs, so a second run writes nothing. Reviews and observations that came from an
approved ministry report (their `submission` is set) are never overwritten or removed by an
ingestion.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from tsunagari.measures import damage
from tsunagari.measures.models import (
    Heading,
    Indicator,
    Listing,
    Measure,
    Ministry,
    Observation,
    Pillar,
    Plan,
    Review,
)
from tsunagari.measures.parsing import indicators as extract
from tsunagari.measures.parsing.corrections import load_corrections
from tsunagari.measures.parsing.drafts import MeasureDraft
from tsunagari.measures.parsing.indicators import IndicatorDraft, MeasureIndicators
from tsunagari.measures.parsing.lineup import Lineup
from tsunagari.measures.parsing.ministries import load_ministries, match_ministry
from tsunagari.measures.parsing.pipeline import PlanReading, read_plan
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind

LINEUP_FILE = "000_190ac43b03536460.txt"
STATUS_FILE = "001_e2656c87001df674.txt"
STATUS_YEAR = 2024  # the fiscal year the status table reports (令和6年度)


@dataclass(frozen=True)
class Sources:
    lineup: Path
    status_table: Path
    corrections: Path
    ministries: Path

    @classmethod
    def bundled(cls) -> Sources:
        base = Path(settings.DATA_DIR) / "measures"
        return cls(
            base / "sources" / LINEUP_FILE,
            base / "sources" / STATUS_FILE,
            base / "corrections.yaml",
            base / "ministries.yaml",
        )


@dataclass
class IngestReport:
    reading: PlanReading
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    with_targets: list[int] = field(default_factory=list)
    without_targets: list[int] = field(default_factory=list)
    status_mix: Counter[str] = field(default_factory=Counter)
    indicators: dict[int, MeasureIndicators] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def _save(obj: Any, values: dict[str, Any], report: IngestReport, kind: str) -> bool:
    """Set values and save only when something differs (idempotence, quiet history)."""
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if obj.pk is None or changed:
        for key, value in values.items():
            setattr(obj, key, value)
        (report.created if obj.pk is None else report.updated)[kind] += 1
        obj.save()
        return True
    return False


def _body(code: str, name: str, name_en: str, report: IngestReport) -> Body:
    """The staff body a ministry's editors belong to (内閣府 is the Cabinet Office's)."""
    kind = Kind.CABINET_OFFICE if code == "cao" else Kind.MINISTRY
    body = Body.objects.filter(kind=kind, code=code).first() or Body(kind=kind, code=code)
    _save(body, {"name": name, "name_en": name_en}, report, "body")
    return body


def _ministries(sources: Sources, report: IngestReport) -> dict[str, Ministry]:
    out = {}
    for entry in load_ministries(sources.ministries):
        body = _body(entry.code, entry.name, entry.name_en, report)
        ministry = Ministry.objects.filter(code=entry.code).first() or Ministry(
            code=entry.code, body=body
        )
        _save(
            ministry,
            {"name": entry.name, "name_en": entry.name_en, "order": entry.order, "body": body},
            report,
            "ministry",
        )
        out[entry.name] = ministry
    return out


def _plan(
    code: str,
    title: str,
    decided: datetime.date,
    source: str,
    report: IngestReport,
    status_year: int | None = None,
) -> Plan:
    """The plan's record; a plan with a status table opens the following fiscal year for
    reports when first stored (the Cabinet Office moves it on in /admin/ afterwards)."""
    plan = Plan.objects.filter(code=code).first() or Plan(
        code=code, reporting_year=status_year + 1 if status_year else None
    )
    _save(plan, {"title": title, "decided_on": decided, "source": source}, report, "plan")
    return plan


def _structure(
    plan: Plan, pillars: list[tuple[int, str, list[tuple[int, str]]]], report: IngestReport
) -> dict[tuple[int, int], Heading]:
    headings = {}
    for number, title, subs in pillars:
        pillar = Pillar.objects.filter(plan=plan, number=number).first() or Pillar(
            plan=plan, number=number
        )
        _save(pillar, {"title": title}, report, "pillar")
        for sub_number, sub_title in subs:
            heading = Heading.objects.filter(pillar=pillar, number=sub_number).first() or Heading(
                pillar=pillar, number=sub_number
            )
            _save(heading, {"title": sub_title}, report, "heading")
            headings[(number, sub_number)] = heading
    return headings


def _set_ministries(measure: Measure, names: list[str], ministries: dict[str, Ministry]) -> bool:
    wanted = [ministries[n] for n in names if n in ministries]
    if {m.pk for m in measure.ministries.all()} != {m.pk for m in wanted}:
        measure.ministries.set(wanted)
        return True
    return False


def _listing(
    measure: Measure, heading: Heading, kind: str, order: int, report: IngestReport
) -> None:
    listing = Listing.objects.filter(measure=measure, heading=heading, kind=kind).first() or (
        Listing(measure=measure, heading=heading, kind=kind)
    )
    _save(listing, {"order": order}, report, "listing")


def _lineup(
    lineup: Lineup, reading: PlanReading, ministries: dict[str, Ministry], report: IngestReport
) -> dict[int, Measure]:
    plan = _plan(
        "2023",
        "重点計画 具体的施策のラインアップ",
        datetime.date(2023, 10, 26),
        LINEUP_FILE,
        report,
    )
    headings = _structure(
        plan,
        [(p.number, p.title, [(h.number, h.title) for h in p.headings]) for p in lineup.pillars],
        report,
    )
    names = list(ministries)
    by_page: dict[int, Measure] = {}
    for p in lineup.pillars:
        for h in p.headings:
            for order, entry in enumerate(h.entries, start=1):
                if entry.page is None:
                    continue
                measure = Measure.objects.filter(plan=plan, page=entry.page).first() or Measure(
                    plan=plan, page=entry.page
                )
                found = [match_ministry(m, names).name for m in entry.ministries]
                codes = [ministries[n].code for n in found if n]
                overview = "・".join(part.name for part in entry.parts)
                _save(
                    measure,
                    {
                        "name": entry.name,
                        "ministry_order": codes,
                        "overview": overview,
                        "discontinued_reason": reading.discontinued.get(entry.page, ""),
                    },
                    report,
                    "measure",
                )
                if _set_ministries(measure, [n for n in found if n], ministries):
                    report.updated["measure ministries"] += 1
                _listing(
                    measure, headings[(p.number, h.number)], Listing.Kind.PRIMARY, order, report
                )
                by_page[entry.page] = measure
    for p in lineup.pillars:
        for h in p.headings:
            for order, entry in enumerate(h.entries, start=1):
                if entry.cross_page is not None and entry.cross_page in by_page:
                    _listing(
                        by_page[entry.cross_page],
                        headings[(p.number, h.number)],
                        Listing.Kind.REPEATED,
                        order,
                        report,
                    )
    return by_page


def _entered_by_staff(observation: Observation) -> bool:
    return observation.submission_id is not None


def _note(notes: str) -> str:
    return notes if len(notes) <= 500 else notes[:499] + "…"


def _observations(indicator: Indicator, draft: IndicatorDraft, report: IngestReport) -> None:
    current = {o.fiscal_year: o for o in indicator.observations.all()}
    for o in draft.observations:
        observation = current.pop(o.fiscal_year, None)
        if observation is not None and _entered_by_staff(observation):
            continue
        _save(
            observation or Observation(indicator=indicator, fiscal_year=o.fiscal_year),
            {
                "value": o.value,
                "period_text": o.period[:100],
                "achievement": o.achievement,
                "source_sentence": o.sentence,
                "needs_review": o.needs_review,
                "review_note": _note(o.note),
            },
            report,
            "observation",
        )
    for observation in current.values():
        if not _entered_by_staff(observation):
            observation.delete()
            report.deleted["observation"] += 1


def _indicators(measure: Measure, draft: MeasureDraft, report: IngestReport) -> str:
    """Bring the ingested indicators in line with the text; the measure's status."""
    reading = extract.read_indicators(draft.target, draft.achievement, draft.review)
    report.indicators[draft.no] = reading
    existing: dict[tuple[str, str, str, bool], list[Indicator]] = {}
    for indicator in measure.indicators.all():
        key = (indicator.source_field, indicator.name, indicator.unit, indicator.increment)
        existing.setdefault(key, []).append(indicator)
    for order, d in enumerate(reading.indicators):
        same = existing.get((d.source_field, d.name, d.unit, d.increment)) or []
        indicator = same.pop(0) if same else Indicator(measure=measure)
        _save(
            indicator,
            {
                "name": d.name[:200],
                "unit": d.unit,
                "direction": d.direction,
                "baseline_value": d.baseline_value,
                "baseline_year": d.baseline_year,
                "target_value": d.target_value,
                "target_year": d.target_year,
                "target_year_is_fiscal": d.fiscal,
                "annual": d.annual,
                "increment": d.increment,
                "source_field": d.source_field,
                "source_sentence": d.sentence,
                "needs_review": d.needs_review,
                "review_note": _note(d.note),
                "order": order,
            },
            report,
            "indicator",
        )
        _observations(indicator, d, report)
    for left in (i for group in existing.values() for i in group):
        if not any(_entered_by_staff(o) for o in left.observations.all()):
            left.delete()
            report.deleted["indicator"] += 1
    return reading.status


def _measure_texts(measure: Measure, overview: str, target: str) -> dict[str, str]:
    """The table's overview and target, except those an approved report restored."""
    texts = {"overview": overview, "target": target}
    for name in measure.restored:
        if name in texts:
            texts[name] = getattr(measure, name)
    return texts


def _plan_2024(
    reading: PlanReading,
    ministries: dict[str, Ministry],
    predecessors: dict[int, Measure],
    report: IngestReport,
) -> None:
    plan = _plan(
        "2024",
        "孤独・孤立対策に関する施策の推進を図るための重点計画",
        datetime.date(2024, 6, 11),
        STATUS_FILE,
        report,
        status_year=STATUS_YEAR,
    )
    assembly = reading.plan
    titles = {p.number: p.title for p in assembly.pillars}
    headings = _structure(
        plan,
        [
            (
                number,
                titles[number],
                [(h.number, h.title) for h in assembly.headings if h.pillar == number],
            )
            for number in sorted(titles)
        ],
        report,
    )
    doubts: dict[int, list[dict[str, str]]] = {}
    for d in assembly.doubts:
        if d.no is not None:
            doubts.setdefault(d.no, []).append({"field": d.field, "note": d.note})
    for order, draft in enumerate(assembly.measures, start=1):
        measure = Measure.objects.filter(plan=plan, number=draft.no, page=None).first() or Measure(
            plan=plan, number=draft.no
        )
        texts = _measure_texts(measure, draft.overview, draft.target)
        _save(
            measure,
            {
                "name": draft.name,
                **texts,
                "damaged": damage.assess(
                    {f: t for f, t in texts.items() if f not in measure.restored}
                ),
                "urls": draft.urls,
                "doubts": doubts.get(draft.no, []),
                "ministry_order": [ministries[n].code for n in draft.ministries],
            },
            report,
            "measure",
        )
        _set_ministries(measure, draft.ministries, ministries)
        _listing(
            measure, headings[(draft.pillar, draft.heading)], Listing.Kind.PRIMARY, order, report
        )
        status = _indicators(measure, draft, report)
        has_target = bool(report.indicators[draft.no].targets)
        (report.with_targets if has_target else report.without_targets).append(draft.no)
        report.status_mix[status] += 1
        decision, evidence = extract.decision_of(draft.review)
        review = Review.objects.filter(measure=measure, fiscal_year=STATUS_YEAR).first() or Review(
            measure=measure, fiscal_year=STATUS_YEAR
        )
        if review.submission_id is None:
            _save(
                review,
                {
                    "achievement_text": draft.achievement,
                    "policy_text": draft.review,
                    "status": status,
                    "decision": decision,
                    "decision_evidence": evidence,
                    "damaged": damage.assess(
                        {"achievement_text": draft.achievement, "policy_text": draft.review}
                    ),
                },
                report,
                "review",
            )
    _link(reading, predecessors, plan, report)


def _link(
    reading: PlanReading, predecessors: dict[int, Measure], plan: Plan, report: IngestReport
) -> None:
    successors = {m.number: m for m in Measure.objects.filter(plan=plan, page=None)}
    linked = {link.page: link for link in reading.links}
    for page, old in predecessors.items():
        link = linked.get(page)
        values = {
            "successor": successors[link.no] if link else None,
            "successor_score": link.score if link else None,
            "successor_method": link.method if link else "",
        }
        _save(old, values, report, "link")


def ingest(sources: Sources | None = None) -> IngestReport:
    """Read, repair and store both plans; nothing is written unless all of it succeeds.

    Raises SourceError (file, line, column) on a malformed or different-layout source.
    """
    sources = sources or Sources.bundled()
    names = [m.name for m in load_ministries(sources.ministries)]
    reading = read_plan(
        sources.lineup.read_text(encoding="utf-8"),
        sources.status_table.read_text(encoding="utf-8"),
        load_corrections(sources.corrections),
        names,
        (sources.lineup.name, sources.status_table.name, sources.corrections.name),
    )
    report = IngestReport(reading)
    with transaction.atomic():
        ministries = _ministries(sources, report)
        predecessors = _lineup(reading.lineup, reading, ministries, report)
        _plan_2024(reading, ministries, predecessors, report)
    return report
