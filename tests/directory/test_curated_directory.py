"""The bundled national directory: complete enough to serve every need, with provenance."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from tsunagari.directory.bundle import Bundle, read_bundle
from tsunagari.directory.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return read_bundle(Path(settings.DATA_DIR) / "directory")


def test_the_directory_has_at_least_80_services(bundle: Bundle) -> None:
    assert len(bundle.services) >= 80


def test_every_need_in_the_taxonomy_is_served(bundle: Bundle) -> None:
    carried = Counter(code for s in bundle.services for code in s.needs)
    missing = [code for code in load_taxonomy().needs if carried[code] == 0]
    assert missing == []


def test_every_service_names_an_official_source_and_a_check_date(bundle: Bundle) -> None:
    for service in bundle.services:
        assert service.source_url.startswith("https://") or service.source_url.startswith("http://")
        assert service.verified_on.year >= 2024, service.id


def test_there_are_24_hour_crisis_lines(bundle: Bundle) -> None:
    always = [s.id for s in bundle.services if s.crisis_line and s.hours().always_open]
    assert len(always) >= 2


def test_local_kinds_carry_no_single_national_number_they_do_not_have(bundle: Bundle) -> None:
    for service in bundle.services:
        if service.scope == "local-kind":
            assert service.local_finder and service.local_finder_en, service.id


def test_the_seed_named_national_lines_are_listed(bundle: Bundle) -> None:
    numbers = {p.number for s in bundle.services for p in s.phones}
    for number in (
        "#9999",
        "0120-0-78310",
        "#8008",
        "#8891",
        "#8103",
        "188",
        "189",
        "0120-279-338",
    ):
        assert number in numbers, number
