"""The ingestion report: every repair, every field still uncertain, targets, status mix."""

from __future__ import annotations

from collections import Counter

from tsunagari.measures.ingest import IngestReport


def summary(report: IngestReport) -> str:
    reading = report.reading
    rules = Counter(
        "corrections.yaml" if r.rule.startswith("corrections.yaml") else r.field
        for r in reading.repairs
    )
    measures = reading.plan.measures
    lines = [
        f"measures: 2024 plan {len(measures)} (numbers {measures[0].no}–{measures[-1].no}), "
        f"2023 lineup {len(reading.lineup.primary_entries())}, "
        f"linked {len({link.page for link in reading.links})}",
        f"repairs: {len(reading.repairs)} ("
        + ", ".join(f"{k} {v}" for k, v in sorted(rules.items()))
        + ")",
        f"uncertain fields: {len(reading.doubts)} in "
        f"{len({d.no for d in reading.doubts})} measures/headings",
        f"quantitative targets: {len(report.with_targets)} measures; "
        f"none: {len(report.without_targets)}; indicators flagged for review: "
        f"{report.indicators_flagged}",
        "status mix (FY2024): "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.status_mix.items())),
        "database: "
        + (
            "created "
            + ", ".join(f"{k} {v}" for k, v in sorted(report.created.items()))
            + "; updated "
            + ", ".join(f"{k} {v}" for k, v in sorted(report.updated.items()))
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
    out.append("== without quantitative target ==")
    out.append(" ".join(str(n) for n in report.without_targets))
    return "\n".join(out)
