"""The one read model of a listed service: built from the database or the bundled files,
kept as JSON in the index and read back unchanged; one rule for the links that call."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import create_service
from tsunagari.directory.listing import Call, Listing
from tsunagari.directory.models import Phone, Service
from tsunagari.directory.phone_numbers import call_uri

pytestmark = pytest.mark.django_db


def test_a_listing_survives_the_index_unchanged() -> None:
    service = create_service(
        "round-trip",
        needs=("bereavement", "mental-health"),
        audiences=("adult",),
        phones=("03-3261-4350",),
        hours=(("TH", "10:00", "20:00"),),
        areas=(("prefecture", "13"),),
        alert="年末年始は休み",
        hours_note="木曜のみ",
        valid_to=dt.date(2027, 3, 31),
    )
    listing = Listing.of(Service.objects.with_details().get(pk=service.pk))
    assert Listing.from_data(listing.data()) == listing
    assert listing.needs == ("bereavement", "mental-health")
    assert listing.area_terms == frozenset({"pref:13"})
    assert listing.phones[0].href == "tel:0332614350"


def test_a_service_whose_languages_are_not_known_is_not_shown_as_japanese_only() -> None:
    service = create_service("unknown-languages", languages=[])
    assert Listing.of(Service.objects.with_details().get(pk=service.pk)).languages == ()


def test_one_rule_makes_every_link_that_calls() -> None:
    assert call_uri("0120-279-338") == "tel:0120279338"
    assert call_uri("#9110") == "tel:%239110"
    assert call_uri("090-1234-5678", Phone.Type.TEXT) == "sms:09012345678"
    assert call_uri("03-1234-5678", Phone.Type.FAX) == ""
    assert Call("0120-279-338", "video").href == "tel:0120279338"


def test_the_stale_flag_and_open_state_are_asked_with_the_moment() -> None:
    service = create_service("old", verified_on=dt.date(2020, 1, 1))
    listing = Listing.of(Service.objects.with_details().get(pk=service.pk))
    assert listing.stale_on(dt.date(2026, 12, 3))
    assert not listing.stale_on(dt.date(2020, 6, 1))
    assert listing.open_state().value == "unknown"
