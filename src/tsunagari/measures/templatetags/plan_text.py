"""A field of the plan as the pages show it: the text, or a marked incomplete excerpt."""

from __future__ import annotations

from django import template

from tsunagari.measures import damage

register = template.Library()


@register.inclusion_tag("measures/_text.html")
def plan_text(text: str, reasons: list[str] | None) -> dict[str, object]:
    """`reasons` are the field's damage codes (Measure.damaged / Review.damaged)."""
    return {"text": text.strip(), "reasons": damage.labels(reasons or [])}
