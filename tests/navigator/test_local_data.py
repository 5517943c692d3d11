"""The bundled local windows: each tied to a real area, with a phone, and found first by a
person of that prefecture while nobody elsewhere sees them."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.navigator.conftest import _bundle
from tsunagari.directory.areas import municipality, resolve_place
from tsunagari.directory.areas import prefectures as prefecture_names
from tsunagari.directory.bundle import AreaEntry, ServiceEntry
from tsunagari.navigator.finder import find
from tsunagari.search.engine import Filters, cards

pytestmark = pytest.mark.django_db


def _local() -> list[ServiceEntry]:
    return [s for s in _bundle().services if s.scope in ("local", "place")]


def _prefecture(entry: ServiceEntry) -> str:
    assert isinstance(entry.area, AreaEntry)
    codes = {*entry.area.prefectures, *(c[:2] for c in entry.area.municipalities)}
    assert len(codes) == 1, entry.id
    return codes.pop()


def test_every_local_window_has_a_phone_and_a_real_area() -> None:
    for entry in _local():
        assert entry.phones, entry.id
        assert isinstance(entry.area, AreaEntry)
        for code in entry.area.municipalities:
            assert municipality(code) is not None, (entry.id, code)


def test_prefectures_with_their_own_windows() -> None:
    """Every prefecture has windows of its own; the figure only grows as windows are verified."""
    prefectural = Counter(_prefecture(e) for e in _local() if isinstance(e.area, AreaEntry))
    assert set(prefectural) == set(prefecture_names())


@pytest.mark.parametrize("code", sorted(prefecture_names()))
def test_each_prefecture_has_two_windows_of_its_own(code: str) -> None:
    """Every prefecture is a case: each has at least two verified windows with two distinct
    numbers to call (issue 15); one short of that fails with the prefecture's name."""
    entries = [e for e in _local() if _prefecture(e) == code]
    assert len(entries) >= 2, f"{prefecture_names()[code]}: {len(entries)} verified local window(s)"
    numbers = {p.number for e in entries for p in e.phones}
    assert len(numbers) >= 2, (code, [e.id for e in entries])


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("code", sorted(prefecture_names()))
def test_a_person_naming_the_prefecture_finds_its_window_first_and_no_other(code: str) -> None:
    entries = [e for e in _local() if _prefecture(e) == code]
    assert entries, f"{prefecture_names()[code]}: no verified local window"
    # A city's window answers a person of that city, not one naming only the prefecture: each
    # prefecture needs a window of its own for the whole prefecture.
    prefecture_wide = [e for e in entries if isinstance(e.area, AreaEntry) and e.area.prefectures]
    assert prefecture_wide, f"{prefecture_names()[code]}: no prefecture-wide window"
    place = resolve_place(code)
    assert place is not None
    need = prefecture_wide[0].needs[0]
    hits = find("相談", Filters(needs=(need,), place=place)).results.hits
    stored = cards([h.service_id for h in hits])
    top = {h.slug for h in hits[:5]}
    assert top & {e.id for e in prefecture_wide}, (code, need, top)
    for hit in hits:
        areas = stored[hit.service_id]["areas"]
        prefectures = {a["code"][:2] for a in areas if a["kind"] != "nationwide"}
        assert prefectures <= {code}, (code, hit.slug)
