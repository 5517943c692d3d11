"""Read-side helpers shared by pages, exports and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from tsunagari.measures.models import Heading, Indicator, Listing, Measure, Plan, Review


@dataclass
class MeasureView:
    measure: Measure
    heading: Heading | None
    review: Review | None  # the latest public yearly record

    @property
    def ministries(self) -> list[str]:
        return [m.name for m in self.measure.ordered_ministries()]


def measures_of(plan: Plan) -> QuerySet[Measure]:
    return (
        Measure.objects.filter(plan=plan)
        .prefetch_related(
            "ministries__body",
            Prefetch("listings", queryset=Listing.objects.select_related("heading__pillar")),
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("observations")),
            "reviews",
        )
        .order_by("number", "page")
    )


def latest_review(measure: Measure) -> Review | None:
    reviews = list(measure.reviews.all())
    return max(reviews, key=lambda r: r.fiscal_year) if reviews else None


def primary_heading(measure: Measure) -> Heading | None:
    for listing in measure.listings.all():
        if listing.kind == Listing.Kind.PRIMARY:
            return listing.heading
    return None


def views_of(plan: Plan) -> list[MeasureView]:
    return [MeasureView(m, primary_heading(m), latest_review(m)) for m in measures_of(plan)]
