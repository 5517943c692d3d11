"""The crisis lines pinned: every number, and the last-resort copy checked against the data.

A crisis line's number changes only with this file: a wrong or swapped digit in the data
(0120-279-383 for 0120-279-338) fails here even though the numbering plan accepts it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from tsunagari.directory.bundle import ServiceEntry, read_bundle
from tsunagari.directory.crisis_lines import STATIC_LINES

# slug → numbers, as checked one by one against their official pages (see each entry's sources)
PINNED = {
    "dv-sodan-plus": ("0120-279-889",),
    "emergency-110": ("110",),
    "emergency-119": ("119",),
    "inochi-no-denwa-freedial": ("0120-783-556",),
    "inochi-no-denwa-navi": ("0570-783-556",),
    "inochi-sos": ("0120-061-338",),
    "jido-sodanjo-189": ("189",),
    "kodomo-sos-dial": ("0120-0-78310",),
    "kokoro-no-kenko-sodan-dial": ("0570-064-556",),
    "tokyo-jisatsu-boshi-center": ("03-5286-9090",),
    "yorisoi-hotline": ("0120-279-338",),
}


@pytest.fixture(scope="module")
def crisis() -> dict[str, ServiceEntry]:
    bundle = read_bundle(Path(settings.DATA_DIR) / "directory")
    return {s.id: s for s in bundle.services if s.crisis_line}


def test_every_crisis_line_and_its_numbers_are_pinned(crisis: dict[str, ServiceEntry]) -> None:
    numbers = {slug: tuple(p.number for p in entry.phones) for slug, entry in crisis.items()}
    assert numbers == PINNED


def test_the_static_copy_matches_the_data_in_number_hours_and_cost() -> None:
    """Each claim of a static line's note (24時間・無料・こども向け) must hold in the data."""
    bundle = read_bundle(Path(settings.DATA_DIR) / "directory")
    entries = {s.id: s for s in bundle.services}
    checks = {
        "24時間": lambda entry, phone: entry.hours().always_open,
        "無料": lambda entry, phone: phone.toll_free,
        "こども向け": lambda entry, phone: "child" in entry.audiences,
    }
    for line in STATIC_LINES:
        if line.emergency:
            assert line.number in ("110", "119") and entries[line.slug].phones, line.slug
            continue
        entry = entries[line.slug]
        (phone,) = [p for p in entry.phones if p.number == line.number]
        assert entry.crisis_line, line.slug
        for claim in line.note.split("・"):
            assert claim in checks, f"{line.slug}: {claim!r} is not checked against the data"
            assert checks[claim](entry, phone), f"{line.slug}: the data does not say {claim}"
