"""The ingestion report: every repair, every field still uncertain, indicators, status mix."""

from __future__ import annotations

from collections import Counter

from tsunagari.measures.ingest import IngestReport


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "none"


def indicator_figures(report: IngestReport) -> dict[str, Counter[str]]:
    """Counts over every measure's indicators, observations and numbers set aside."""
    figures: dict[str, Counter[str]] = {
        "indicators": Counter(),
        "targets by cell": Counter(),
        "target observations": Counter(),
        "result observations": Counter(),
        "flagged": Counter(),
        "set aside": Counter(),
    }
    for reading in report.indicators.values():
        for d in reading.indicators:
            kind = "with a target" if d.is_target else "results without a target"
            figures["indicators"][kind] += 1
            if d.is_target:
                figures["targets by cell"][d.source_field] += 1
            for o in d.observations:
                bucket = "target observations" if d.is_target else "result observations"
                figures[bucket][o.achievement] += 1
                figures["flagged"]["observations"] += o.needs_review
            figures["flagged"]["indicators"] += d.needs_review
        for item in reading.set_aside:
            figures["set aside"][item.reason] += 1
    return figures


def summary(report: IngestReport) -> str:
    reading = report.reading
    rules = Counter(
        "corrections.yaml" if r.rule.startswith("corrections.yaml") else r.field
        for r in reading.repairs
    )
    measures = reading.plan.measures
    figures = indicator_figures(report)
    observations = figures["target observations"] + figures["result observations"]
    lines = [
        f"measures: 2024 plan {len(measures)} (numbers {measures[0].no}–{measures[-1].no}), "
        f"2023 lineup {len(reading.lineup.primary_entries())}, "
        f"linked {len({link.page for link in reading.links})}",
        f"repairs: {len(reading.repairs)} ({_counts(rules)})",
        f"uncertain fields: {len(reading.doubts)} in "
        f"{len({d.no for d in reading.doubts})} measures/headings",
        f"quantitative targets: {len(report.with_targets)} measures; "
        f"none: {len(report.without_targets)}",
        f"indicators: {sum(figures['indicators'].values())} "
        f"({_counts(figures['indicators'])}; targets by cell: "
        f"{_counts(figures['targets by cell'])})",
        f"observations: {sum(observations.values())} (against a target: "
        f"{_counts(figures['target observations'])}; without a target: "
        f"{sum(figures['result observations'].values())})",
        f"flagged for review: {_counts(figures['flagged'])}; numbers set aside: "
        f"{sum(figures['set aside'].values())} ({_counts(figures['set aside'])})",
        f"status mix (FY2024): {_counts(report.status_mix)}",
        "database: "
        + (
            f"created {_counts(report.created)}; updated {_counts(report.updated)}; "
            f"deleted {_counts(report.deleted)}"
            if report.changed
            else "unchanged"
        ),
    ]
    return "\n".join(lines)


def details(report: IngestReport) -> str:
    reading = report.reading
    out = ["== repairs =="]
    for r in reading.repairs:
        where = f"#{r.no}" if r.no is not None else "plan"
        out.append(f"{where} {r.field}: {r.before!r} → {r.after!r} [{r.rule}]")
    out.append("== uncertain ==")
    for d in reading.doubts:
        where = f"#{d.no}" if d.no is not None else "plan"
        out.append(f"{where} {d.field}: {d.note}")
    out.append("== indicators flagged for review ==")
    for no, indicators in sorted(report.indicators.items()):
        for i in indicators.indicators:
            notes = [i.note] if i.needs_review and i.note else []
            notes += [f"FY{o.fiscal_year}: {o.note}" for o in i.observations if o.needs_review]
            if notes:
                out.append(f"#{no} {i.name or '(no name)'}: {' | '.join(notes)}")
    out.append("== numbers set aside (not targets or results) ==")
    for no, indicators in sorted(report.indicators.items()):
        for item in indicators.set_aside:
            out.append(f"#{no} {item.field} {item.text}: {item.reason}")
    out.append("== without quantitative target ==")
    out.append(" ".join(str(n) for n in report.without_targets))
    return "\n".join(out)
